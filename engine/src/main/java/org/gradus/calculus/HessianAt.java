package org.gradus.calculus;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.gradus.diff.Hessian;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Layout;
import org.gradus.expr.PointArgs;
import org.gradus.print.Numbers;
import org.gradus.result.Shown;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Hessian matrix at a point, its eigenvalues (ascending) and definiteness. */
public final class HessianAt implements Shown {
    private final Layout layout;
    private final double[] point;
    private final double[][] matrix;
    private final double[] eigenvalues;

    public HessianAt(Layout layout, double[] point, double[][] matrix) {
        this.layout = layout;
        this.point = point.clone();
        this.matrix = matrix;
        this.eigenvalues = eigenvalues(matrix);
    }

    /**
     * The Hessian matrix at a point given by variable name (exact: reverse mode over the compiled
     * gradient). Names of variables the function does not depend on are ignored.
     */
    public static HessianAt of(Hessian hessian, Map<String, ?> point) {
        Layout layout = hessian.layout();
        double[] x = layout.fromNames(PointArgs.restrict(point, layout), null);
        return new HessianAt(layout, x, new CompiledFunction(hessian.function(), layout).hessian(x));
    }

    /** Eigenvalues in ascending order of a symmetric matrix (commons-math3). */
    public static double[] eigenvalues(double[][] m) {
        if (m.length == 0) return new double[0];
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(m, true)).getRealEigenvalues();
        Arrays.sort(ev);
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

    public double[][] matrix() {
        return matrix;
    }

    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    public String definiteness() {
        return definiteness(eigenvalues);
    }

    @Override
    public String kind() {
        return "hessian";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("variables", layout.coordinateNames());
        out.put("at", layout.toMap(point));
        out.put("matrix", matrix);
        out.put("eigenvalues", eigenvalues);
        out.put("definiteness", definiteness());
        return out;
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder("Hessian at ").append(PointArgs.format(layout, point)).append('\n');
        for (double[] row : matrix) {
            List<String> r = new ArrayList<>();
            for (double v : row) r.add(Numbers.round(v, 8));
            sb.append("  [").append(String.join(", ", r)).append("]\n");
        }
        List<String> ev = new ArrayList<>();
        for (double v : eigenvalues) ev.add(Numbers.round(v, 8));
        sb.append("  eigenvalues ").append(ev).append(": ").append(definiteness());
        return sb.toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}
