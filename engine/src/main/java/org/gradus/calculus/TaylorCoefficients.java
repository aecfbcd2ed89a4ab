package org.gradus.calculus;

import org.apache.commons.math3.fraction.BigFraction;
import org.gradus.calculus.series.CannotExpand;
import org.gradus.calculus.series.Expander;
import org.gradus.calculus.series.Expansion;
import org.gradus.calculus.series.Monomial;
import org.gradus.calculus.series.Real;
import org.gradus.calculus.series.Series;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Taylor coefficients of f(x) at a point where f is not smooth as written but has a Taylor polynomial all the same:
 * sin(x)/x at 0 is undefined, yet f extended by its limit is 1 − x²/6 + x⁴/120 − …; |x|³ has a kink in abs, yet it is
 * twice differentiable with polynomial 0 of order 2. The series engine expands f(a + t) and f(a − t) as t → 0⁺; when
 * both are power series in integer powers of t through the order asked, with a remainder of higher order, and the
 * coefficients agree (cₖ from the right = (−1)ᵏ·cₖ from the left: exactly, or within their enclosures where nothing
 * in f has a kink, a jump or a domain edge at the point), then f(a + h) = Σ cₖ·hᵏ + o(hⁿ) on both sides: the
 * coefficients are those of the Taylor polynomial of f extended by its limit. Where they disagree (|x|³ to order 3,
 * x·|x| to order 2) there is none.
 */
final class TaylorCoefficients {
    private TaylorCoefficients() {
    }

    /** c₀ … cₙ, or null when the expansions do not show a Taylor polynomial of that order. */
    static Real[] ofExpansion(Expr f, Layout layout, double a, int order, boolean kinks) {
        String name = layout.coordinateName(0);
        Real[] right = side(f, layout, Approach.right(name, a), order), left = side(f, layout, Approach.left(name, a), order);
        if (right == null || left == null) return null;
        for (int k = 0; k <= order; k++) {
            Real l = k % 2 == 0 ? left[k] : left[k].negate();
            boolean same = right[k].isExact() && l.isExact() ? right[k].exact().equals(l.exact())
                    : !kinks && right[k].lo() <= l.hi() && l.lo() <= right[k].hi();
            if (!same) return null;
        }
        return right;
    }

    /** The coefficients of f(a ± t) in t through tⁿ, or null when the expansion is no such power series. */
    private static Real[] side(Expr f, Layout layout, Approach approach, int order) {
        for (int precision = order + 4; precision <= order + 16; precision += 6) {
            Expansion e;
            try {
                e = new Expander(layout, new Expansion[]{approach.coordinate()}, new Series(precision)).expand(f);
            } catch (CannotExpand | ArithmeticException outside) {
                return null;
            }
            Real[] c = new Real[order + 1];
            Arrays.fill(c, Real.ZERO);
            for (Expansion.Term term : e.terms()) {
                Monomial m = term.m();
                if (!m.isPower() || !m.alpha().getDenominator().equals(BigInteger.ONE) || m.alpha().getNumerator().signum() < 0) return null;
                int k = m.alpha().intValue();
                if (k <= order) c[k] = term.coef();
            }
            Monomial rest = e.order();
            if (rest == null || (rest.psi() == null && rest.alpha().compareTo(new BigFraction(order)) > 0)) return c;
        }
        return null;
    }
}
