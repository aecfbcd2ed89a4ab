package org.gradus.atoms;

import org.gradus.expr.Expr;
import org.gradus.print.Numbers;

/** How the analyses quote expressions and ranges in their reasons; atoms use it for their own wording. */
public final class Wording {
    private Wording() {
    }

    /** The expression's text, cut to 70 characters. */
    public static String show(Expr e) {
        String s = e.toString();
        return s.length() > 70 ? s.substring(0, 67) + "..." : s;
    }

    /** {@code [lo, hi]} with six significant digits; an infinite end open, as ∞: {@code (-∞, 0]}. */
    public static String interval(Interval r) {
        boolean infLo = r.lo() == Double.NEGATIVE_INFINITY, infHi = r.hi() == Double.POSITIVE_INFINITY;
        return (infLo ? "(-∞" : "[" + Numbers.round(r.lo(), 6)) + ", " + (infHi ? "∞)" : Numbers.round(r.hi(), 6) + "]");
    }
}
