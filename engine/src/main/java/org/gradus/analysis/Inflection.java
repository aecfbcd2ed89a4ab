package org.gradus.analysis;

import org.gradus.diff.Differentiator;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.print.Numbers;

/**
 * A run of one variable that stopped at a flat inflection: x³ from x = 1 creeps towards 0, where f′ = f″ = 0, and its
 * stopping test passes at x = 5.8·10⁻⁴ with f′ = 10⁻⁶. The second-derivative test cannot tell; the next derivative
 * can. Newton's method on f″ (with the exact f‴) finds the point c near x where f″ = 0; where f′(c) is no bigger than
 * f′ at the run's point and f‴(c) ≠ 0, f′ ≈ f‴(c)·(t − c)²/2 keeps the sign of f‴ on both sides of c: f is monotone
 * there, an inflection (x³ at 0), and no extremum. Exact derivatives; the place c found numerically.
 */
final class Inflection {
    /** Newton steps on f″ at most. */
    private static final int STEPS = 30;

    private Inflection() {
    }

    /**
     * The words for the run's point x of f (one variable) where a flat inflection is the reason the second-derivative
     * test cannot tell, or null when none is found within {@code reach} of x (within 10⁻³ of it where f″(x) = 0 leaves
     * no Newton step to measure the reach by).
     */
    static String near(Expr f, Layout layout, double x, double reach, boolean maximize) {
        Expr d1 = Differentiator.partial(f, layout.coordinate(0));
        Expr d2 = Differentiator.partial(d1, layout.coordinate(0));
        Expr d3 = Differentiator.partial(d2, layout.coordinate(0));
        CompiledFunction f1 = new CompiledFunction(d1, layout), f2 = new CompiledFunction(d2, layout), f3 = new CompiledFunction(d3, layout);
        double c = x;
        for (int k = 0; k < STEPS; k++) {
            double second = f2.value(new double[]{c}), third = f3.value(new double[]{c});
            if (second == 0 || !Double.isFinite(second) || !Double.isFinite(third) || third == 0) break;
            double next = c - second / third;
            if (next == c) break;
            c = next;
        }
        double within = Double.isFinite(reach) ? reach : 1e-3 * Math.max(1, Math.abs(x));   // f″ = 0 at x: no Newton step to measure by
        if (!(Math.abs(c - x) <= within)) return null;
        double slope = f1.value(new double[]{c}), second = f2.value(new double[]{c}), third = f3.value(new double[]{c});
        double slopeAtRun = Math.abs(f1.value(new double[]{x}));
        if (!Double.isFinite(third) || !(Math.abs(third) > 1e-8) || !(Math.abs(slope) <= slopeAtRun)
                || !(Math.abs(second) <= 1e-8 * Math.abs(third) * Math.max(1, Math.abs(c)))) {
            return null;
        }
        boolean rises = third > 0;   // f′ ≥ 0 around c: f rises through it
        String lower = rises ? "left" : "right";
        return "f″ = 0 at " + layout.coordinateName(0) + " = " + Numbers.round(c, 8) + " nearby, where f′ = " + Numbers.round(slope, 3)
                + " and f‴ = " + Numbers.round(third, 6) + " ≠ 0: a flat inflection (as x**3 at 0), not a " + (maximize ? "maximum" : "minimum")
                + " — f′ keeps the sign of f‴ on both sides, so f " + (rises ? "increases" : "decreases") + " through it and is "
                + (maximize ? "higher to the " + (rises ? "right" : "left") : "lower to the " + lower);
    }
}
