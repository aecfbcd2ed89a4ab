package org.gradus.analysis;

import org.gradus.atoms.Apply;
import org.gradus.atoms.Log;
import org.gradus.atoms.Multiply;
import org.gradus.expr.Constant;
import org.gradus.expr.Dependence;
import org.gradus.expr.Expr;
import org.gradus.print.Numbers;

/**
 * c·u·log(u) — a multiple of the negative entropy u ↦ u·log u, whose second derivative 1/u is positive
 * on its domain u &gt; 0: convex there, and convex of an affine u (Boyd and Vandenberghe, <i>Convex
 * Optimization</i>, §3.1.5); with c &lt; 0 it is concave (the entropy −u·log u, CVXPY's {@code entr}). The
 * rule for products cannot see it (two factors depend on the variables), and it is not monotone, so it
 * keeps its curvature only of an affine u.
 *
 * @param argument the u under the logarithm and beside it
 * @param scale    c, the product of the constant factors
 */
record NegativeEntropy(Expr argument, double scale) {

    /** The form of {@code f}, when f is a product of constants, one factor u and log(u); null otherwise. */
    static NegativeEntropy of(Expr f) {
        if (!(f instanceof Apply product) || !(product.atom() instanceof Multiply)) return null;
        double scale = 1;
        Expr outside = null;
        Expr inside = null;
        for (Expr factor : product.args()) {
            if (factor instanceof Constant k) {
                scale *= k.value();
            } else if (!Dependence.dependsOnVariables(factor)) {
                return null; // data: a scale whose sign is not known here
            } else if (inside == null && factor instanceof Apply log && log.atom() instanceof Log && log.args().size() == 1) {
                inside = log.arg(0);
            } else if (outside == null) {
                outside = factor;
            } else {
                return null;
            }
        }
        if (inside == null || outside == null || !inside.equals(outside) || !(scale != 0) || !Double.isFinite(scale)) return null;
        return new NegativeEntropy(inside, scale);
    }

    /** c/u, the second derivative in u: {@code 1/u}, {@code -1/u}, {@code 0.5/u}. */
    String secondDerivative() {
        return (scale == 1 ? "1" : scale == -1 ? "-1" : Numbers.format(scale)) + "/u";
    }

    /** What it is, in the words of a proof: the negative entropy u*log(u), the entropy -u*log(u), or a multiple. */
    String describe() {
        if (scale == 1) return "the negative entropy u*log(u)";
        if (scale == -1) return "the entropy -u*log(u)";
        return Numbers.format(scale) + " times the negative entropy u*log(u)";
    }
}
