package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Matrix;
import org.gradus.expr.Vec;

import java.util.ArrayList;
import java.util.List;

/**
 * vᵀAv for a constant square matrix A: convex of an affine v exactly when A + Aᵀ is positive
 * semidefinite, concave when negative semidefinite (decided exactly, {@link Psd}).
 */
public final class QuadForm extends VectorAtom {
    public static final FunctionWord WORD = FunctionWord.named("quadForm").vector("v").matrix("A", new double[][]{{2, 1}, {1, 3}})
            .help("v^T A v with a constant matrix A").example("quadForm(w, matrix([[2, 1], [1, 3]]))")
            .builds(a -> new VectorFunction(new QuadForm(a.matrix(1)), List.of(a.vec(0))));

    private final Matrix a;

    public QuadForm(Matrix a) {
        this.a = a;
    }

    public Matrix matrix() {
        return a;
    }

    @Override
    public String name() {
        return "quadForm";
    }

    @Override
    public double value(double[][] x) {
        double s = 0;
        for (int i = 0; i < x[0].length; i++) for (int j = 0; j < x[0].length; j++) s += x[0][i] * a.get(i, j) * x[0][j];
        return s;
    }

    /** (A + Aᵀ)v. */
    @Override
    public double[] gradient(int k, double[][] x) {
        int n = x[0].length;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) g[i] += (a.get(i, j) + a.get(j, i)) * x[0][j];
        return g;
    }

    @Override
    public Expr lower(List<Vec> v) {
        Vec x = v.get(0);
        int n = x.size();
        if (a.rows() != n || a.columns() != n) {
            throw new IllegalArgumentException("quadForm needs a " + n + "x" + n + " matrix for a vector of size " + n
                    + ", got " + a.rows() + "x" + a.columns());
        }
        List<Expr> terms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            terms.add(Ops.mul(Constant.of(a.get(i, i)), Ops.pow(x.get(i), Constant.of(2))));
            for (int j = i + 1; j < n; j++) terms.add(Ops.mul(Constant.of(a.get(i, j) + a.get(j, i)), x.get(i), x.get(j)));
        }
        return Ops.add(terms);
    }

    private double[][] symmetric() {
        int n = a.rows();
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) s[i][j] = 0.5 * (a.get(i, j) + a.get(j, i));
        return s;
    }

    @Override
    public Curvature curvatureOfAffine() {
        // (a + b)/2 is rounded; the exact test inside Psd is on 2·sym = A + Aᵀ
        Psd.Kind k = Psd.classify(symmetric());
        if (k == Psd.Kind.ZERO) return Curvature.AFFINE;
        if (k == Psd.Kind.PSD) return Curvature.CONVEX;
        if (k == Psd.Kind.NSD) return Curvature.CONCAVE;
        return Curvature.UNKNOWN;
    }

    @Override
    public String curvatureFailure() {
        double[][] twice = symmetric();
        for (double[] row : twice) for (int j = 0; j < row.length; j++) row[j] *= 2;
        return "A + Aᵀ is not semidefinite (its eigenvalues are " + Psd.eigenText(twice) + "), so the quadratic form is neither convex nor concave";
    }

    @Override
    public List<String> printedParameters() {
        return List.of(a.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuadForm q && q.a.equals(a);
    }

    @Override
    public int hashCode() {
        return a.hashCode();
    }
}
