package org.gradus.analysis;

import org.gradus.atoms.Interval;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.print.Numbers;

import java.util.Arrays;

/**
 * Whether a point is within rounding of the least value f can take anywhere (the greatest, when maximizing): an
 * interval bound of f over all of Rⁿ (a mean of squares is ≥ 0) against an enclosure of f at the point (its computed
 * value where the enclosure hulls an array, as a network's layers are: then the gap is up to rounding). A network that
 * fits XOR exactly stops with f = 8.4e-16, where the Hessian is singular (the weights a zero residual leaves free) and
 * the second-derivative test cannot tell; the bound can: no point is lower by more than 8.4e-16. It says nothing of
 * whether the least value is taken (exp(−x)² approaches 0 only as x → ∞), only that nothing does better by more
 * than the gap.
 */
public final class LeastValue {
    /** A gap up to this fraction of max(1, |bound|) is rounding. */
    private static final double ROUNDING = 1e-9;

    private LeastValue() {
    }

    /**
     * @param bound f ≥ bound everywhere (f ≤ bound when maximizing)
     * @param gap   |f(x) − bound|, at most
     */
    public record Certificate(double bound, double gap) {
        /** "f ≥ 0 everywhere (an interval bound over all of R⁹) and f exceeds that by at most 8.4e-16 here". */
        public String text(boolean maximize, int dimension) {
            String space = dimension == 1 ? "R" : "R" + Numbers.superscript(dimension);
            return "f " + (maximize ? "≤ " : "≥ ") + Numbers.round(bound, 10) + " everywhere (an interval bound over all of " + space
                    + ") and f " + (maximize ? "falls short of" : "exceeds") + " that by at most " + Numbers.round(gap, 2) + " here";
        }
    }

    /** The certificate at x, or null where the bound over the whole space is not finite or f(x) is further from it. */
    public static Certificate at(Expr f, Layout layout, double[] x, boolean maximize) {
        Interval[] everywhere = new Interval[layout.dimension()];
        Arrays.fill(everywhere, Interval.ALL);
        Interval range, here;
        try {
            range = Enclosure.overBox(layout, everywhere).of(f);
            Enclosure point = Enclosure.atPoint(layout, x);
            here = point.of(f);
            if (point.hulledArray()) {      // a network's arrays enclosed by their hulls: the computed value, a sum of rounded terms
                double v = new CompiledFunction(f, layout).value(x);
                here = new Interval(v, v);
            }
        } catch (RuntimeException e) {      // an atom without an enclosure: no bound
            return null;
        }
        double bound = maximize ? range.hi() : range.lo();
        double gap = maximize ? bound - here.lo() : here.hi() - bound;
        if (!Double.isFinite(bound) || !(Math.abs(gap) <= ROUNDING * Math.max(1, Math.abs(bound)))) return null;
        return new Certificate(bound, Math.max(0, gap));   // a computed value a rounding below the bound is at it
    }
}
