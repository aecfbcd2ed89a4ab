package org.gradus.analysis;

import org.gradus.atoms.Apply;
import org.gradus.atoms.Divide;
import org.gradus.atoms.Power;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;

/**
 * u²/v — CVXPY's {@code quad_over_lin} in one variable: convex in (u, v) where v &gt; 0, its Hessian being
 * (2/v³)·(v, −u)(v, −u)ᵀ, positive semidefinite of rank one (Boyd and Vandenberghe, <i>Convex Optimization</i>,
 * §3.1.5); so convex of an affine u and a concave (or affine) positive v, since it decreases in v. Mirrored
 * for v &lt; 0: concave of an affine u and a convex negative v. The rule for quotients cannot see it (its
 * numerator is not a constant).
 *
 * @param numerator the u squared above the line
 * @param denominator v
 */
record QuadOverLin(Expr numerator, Expr denominator) {

    /** The form of f when f is u**2/v; null otherwise. */
    static QuadOverLin of(Expr f) {
        if (!(f instanceof Apply q) || !(q.atom() instanceof Divide)) return null;
        if (!(q.arg(0) instanceof Apply p) || !(p.atom() instanceof Power) || !(p.arg(1) instanceof Constant two) || two.value() != 2) return null;
        return new QuadOverLin(p.arg(0), q.arg(1));
    }

    /** Its words in a proof: f (this form), what it is and why it has its curvature; v's curvature in a word. */
    String describe(Expr f, boolean positive, String denominatorCurvature) {
        return Dcp.show(f) + " is u²/v (quad-over-lin) with u = " + Dcp.show(numerator) + " and v = " + Dcp.show(denominator) + ", "
                + (positive ? "convex where v > 0" : "concave where v < 0") + " and decreasing in v; here u is affine and v is "
                + (positive ? "positive" : "negative") + " and " + denominatorCurvature;
    }
}
