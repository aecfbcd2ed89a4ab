package org.gradus.analysis;

import org.gradus.diff.Derivatives;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Constant;
import org.gradus.expr.Dependence;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;

/**
 * f's second derivatives as expressions, and the matrix they make when none of them depends on a variable — f a
 * quadratic such as x² + 2xy + 3y², dot(w, S*w) or a least-squares mean over a data set, whose Hessian is one matrix
 * everywhere, so that its eigenvalues decide convexity for the whole space at once.
 *
 * @param entries  ∂²f/∂xᵢ∂xⱼ
 * @param constant the Hessian's value when every entry is free of variables, else null
 * @param exact    true when every entry is a literal number (the matrix is exactly what was written, not evaluated)
 */
record SymbolicHessian(Expr[][] entries, double[][] constant, boolean exact) {
    /** Above this many variables the n² symbolic entries cost more than they tell. */
    static final int LIMIT = 40;

    /**
     * The Hessian of f, or null when f has more than {@link #LIMIT} variables.
     *
     * @param at where to evaluate a constant Hessian whose entries are not literal numbers (any point gives the same)
     */
    static SymbolicHessian of(Expr f, Layout layout, double[] at) {
        int n = layout.dimension();
        if (n > LIMIT) return null;
        Expr[][] h = Derivatives.hessian(f, layout);
        boolean allConstant = true;
        boolean exact = true;
        for (Expr[] row : h) {
            for (Expr e : row) {
                allConstant &= !Dependence.dependsOnVariables(e);
                exact &= e instanceof Constant;
            }
        }
        double[][] constant = !allConstant ? null : exact ? literal(h) : new CompiledFunction(f, layout).hessian(at);
        return new SymbolicHessian(h, constant, exact);
    }

    private static double[][] literal(Expr[][] h) {
        double[][] m = new double[h.length][h.length];
        for (int i = 0; i < h.length; i++) for (int j = 0; j < h.length; j++) m[i][j] = ((Constant) h[i][j]).value();
        return m;
    }
}
