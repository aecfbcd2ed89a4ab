package org.gradus.analysis;

import org.gradus.atoms.Apply;
import org.gradus.atoms.Divide;
import org.gradus.atoms.Multiply;
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
record QuadOverLin(Expr numerator, Expr denominator, double scale) {

    /** The form of f when f is c·u**2/v (c a nonzero constant, 1 when absent); null otherwise. */
    static QuadOverLin of(Expr f) {
        if (!(f instanceof Apply q) || !(q.atom() instanceof Divide)) return null;
        Expr top = q.arg(0);
        double scale = 1;
        if (top instanceof Apply m && m.atom() instanceof Multiply && m.args().size() == 2 && m.arg(0) instanceof Constant c) {
            scale = c.value();
            top = m.arg(1);
        }
        if (!(scale != 0) || !Double.isFinite(scale)) return null;
        if (!(top instanceof Apply p) || !(p.atom() instanceof Power) || !(p.arg(1) instanceof Constant two) || two.value() != 2) return null;
        return new QuadOverLin(p.arg(0), q.arg(1), scale);
    }

    /** Its words in a proof: f (this form), what it is and why it has its curvature; v's curvature in a word. */
    String describe(Expr f, boolean positive, String denominatorCurvature) {
        String times = scale == 1 ? "" : " times " + org.gradus.print.Numbers.format(scale);
        return Dcp.show(f) + " is u²/v (quad-over-lin)" + times + " with u = " + Dcp.show(numerator) + " and v = " + Dcp.show(denominator)
                + "; u²/v is " + (positive ? "convex where v > 0" : "concave where v < 0") + " and decreasing in v, and here u is affine and v is "
                + (positive ? "positive" : "negative") + " and " + denominatorCurvature;
    }
}
