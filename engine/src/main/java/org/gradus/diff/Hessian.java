package org.gradus.diff;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.result.Shown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The symbolic Hessian of f; {@link #at} gives the matrix at a point with its eigenvalues and definiteness. */
public final class Hessian implements Shown {
    private final Expr f;
    private final Layout layout;
    private final Expr[][] entries;

    public Hessian(Expr f) {
        this.f = f;
        this.layout = f.layout();
        this.entries = Derivatives.hessian(f, layout);
    }

    public Expr[][] entries() {
        return entries;
    }

    public Layout layout() {
        return layout;
    }

    public HessianAt at(Map<String, ?> point) {
        double[] x = layout.fromNames(PointArgs.restrict(point, layout), null);
        return new HessianAt(layout, x, new CompiledFunction(f, layout).hessian(x));
    }

    /** Eigenvalues in ascending order of a symmetric matrix (commons-math3). */
    public static double[] eigenvalues(double[][] m) {
        if (m.length == 0) return new double[0];
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(m, true)).getRealEigenvalues();
        java.util.Arrays.sort(ev);
        return ev;
    }

    /** The definiteness named by eigenvalue signs, with a tolerance relative to the largest magnitude. */
    public static String definiteness(double[] ascending) {
        if (ascending.length == 0) return "positive semidefinite";
        double scale = Math.max(Math.abs(ascending[0]), Math.abs(ascending[ascending.length - 1]));
        double tol = 1e-10 * Math.max(1, scale);
        double lo = ascending[0], hi = ascending[ascending.length - 1];
        if (lo > tol) return "positive definite";
        if (hi < -tol) return "negative definite";
        if (lo >= -tol) return "positive semidefinite";
        if (hi <= tol) return "negative semidefinite";
        return "indefinite";
    }

    @Override
    public String kind() {
        return "hessian";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("variables", layout.coordinateNames());
        List<List<String>> rows = new ArrayList<>();
        for (Expr[] row : entries) {
            List<String> r = new ArrayList<>();
            for (Expr e : row) r.add(e.toString());
            rows.add(r);
        }
        out.put("symbolic", rows);
        return out;
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder("Hessian of ").append(f).append(" over ").append(layout.coordinateNames()).append('\n');
        for (int i = 0; i < entries.length; i++) {
            List<String> r = new ArrayList<>();
            for (Expr e : entries[i]) r.add(e.toString());
            sb.append("  [").append(String.join(", ", r)).append(']');
            if (i + 1 < entries.length) sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}
