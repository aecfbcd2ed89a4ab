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
        CompiledFunction cf = new CompiledFunction(hessian.function(), layout);
        if (!Double.isFinite(cf.value(x))) {
            String outside = org.gradus.eval.DomainCheck.at(hessian.function(), layout, x);
            if (outside != null) throw new IllegalArgumentException(outside);
        }
        return new HessianAt(layout, x, cf.hessian(x));
    }

    /**
     * Eigenvalues in ascending order of a symmetric matrix (commons-math3); all NaN when an entry is not
     * finite (such a matrix is not decomposed: its "eigenvalues" would mean nothing).
     */
    public static double[] eigenvalues(double[][] m) {
        if (m.length == 0) return new double[0];
        if (!finite(m)) {
            double[] nan = new double[m.length];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(m, true)).getRealEigenvalues();
        Arrays.sort(ev);
        return ev;
    }

    /** True when every entry is a finite number. */
    public static boolean finite(double[][] m) {
        for (double[] row : m) for (double v : row) if (!Double.isFinite(v)) return false;
        return true;
    }

    /**
     * The definiteness named by eigenvalue signs, with a tolerance relative to the largest magnitude; null
     * when the eigenvalues are not numbers (a Hessian with infinite or NaN entries).
     */
    public static String definiteness(double[] ascending) {
        if (ascending.length == 0) return "positive semidefinite";
        for (double v : ascending) if (Double.isNaN(v)) return null;
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

    /** Row i, as numpy's {@code H[0]}: {@code hessian(f).at(x: 1, y: 2)[0][1]} is ∂²f/∂x∂y there. */
    public java.util.List<Double> getAt(int i) {
        if (i < 0 || i >= matrix.length) {
            throw new IllegalArgumentException("no row " + i + "; the Hessian has " + matrix.length + " (0 to " + (matrix.length - 1) + ")");
        }
        java.util.List<Double> row = new java.util.ArrayList<>(matrix[i].length);
        for (double v : matrix[i]) row.add(v);
        return row;
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
        boolean finite = finite(matrix);
        out.put("eigenvalues", finite ? eigenvalues : null);
        out.put("definiteness", definiteness());
        if (!finite) out.put("note", nonFinite());
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
        if (!finite(matrix)) return sb.append("  ").append(nonFinite()).toString();
        List<String> ev = new ArrayList<>();
        for (double v : eigenvalues) ev.add(Numbers.round(v, 8));
        sb.append("  eigenvalues ").append(ev).append(": ").append(definiteness());
        return sb.toString();
    }

    /** Which entries overflowed or are undefined, in words. */
    private String nonFinite() {
        List<String> bad = new ArrayList<>();
        List<String> names = layout.coordinateNames();
        for (int i = 0; i < matrix.length; i++) {
            for (int j = i; j < matrix.length; j++) {
                double v = matrix[i][j];
                if (!Double.isFinite(v)) bad.add("∂²f/∂" + names.get(i) + "∂" + names.get(j) + " = " + Numbers.format(v));
            }
        }
        return "the Hessian is not finite here (" + String.join(", ", bad) + ": the second derivatives overflow or are undefined), "
                + "so it has no eigenvalues and no definiteness";
    }

    @Override
    public String toString() {
        return toText();
    }
}
