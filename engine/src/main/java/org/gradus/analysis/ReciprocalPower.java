package org.gradus.analysis;

import org.gradus.atoms.Apply;
import org.gradus.atoms.Divide;
import org.gradus.atoms.Power;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.print.Numbers;

/**
 * c/u**p with p &gt; 0 is c·u^(−p) (CVXPY's {@code power(u, -p)}): convex and decreasing in a positive u, so convex of
 * a concave or affine u &gt; 0 for c &gt; 0 and concave for c &lt; 0 ({@code 2/x**1.5}). The rule for quotients sees a
 * convex decreasing function of a convex denominator and cannot decide it.
 *
 * @param scale    c
 * @param base     u
 * @param exponent p
 */
record ReciprocalPower(double scale, Expr base, double exponent) {

    /** The form of f when f is c/u**p with c ≠ 0 and p &gt; 0 constants; null otherwise. */
    static ReciprocalPower of(Expr f) {
        if (!(f instanceof Apply q) || !(q.atom() instanceof Divide) || !(q.arg(0) instanceof Constant c) || c.value() == 0) return null;
        if (!(q.arg(1) instanceof Apply p && p.atom() instanceof Power && p.arg(1) instanceof Constant k && k.value() > 0)) return null;
        return new ReciprocalPower(c.value(), p.arg(0), k.value());
    }

    /** Its words in a proof, u's curvature given in a word. */
    String describe(Expr f, String baseCurvature) {
        return Dcp.show(f) + " is " + Numbers.format(scale) + "·u^(−" + Numbers.format(exponent) + ") with u = " + Dcp.show(base)
                + " > 0, a negative power: convex and decreasing in u" + (scale > 0 ? "" : ", times a negative constant")
                + ", and u is " + baseCurvature;
    }
}
