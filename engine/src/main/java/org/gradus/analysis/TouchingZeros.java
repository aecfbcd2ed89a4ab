package org.gradus.analysis;

import org.gradus.atoms.Interval;
import org.gradus.diff.Differentiator;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Variable;

import java.util.ArrayList;
import java.util.List;

/**
 * Where f′, of one sign on (a, b), touches 0 without changing it: 1 − cos x at 0 and ±2π, so that x − sin x is
 * increasing on [−10, 10] with f′ &gt; 0 inside except at those three points, not "f′ &gt; 0 inside". The search for
 * sign changes skips them (a piece where f′ ≥ 0 is certain needs no cut); here, where f′'s enclosure over the piece
 * reaches 0, the minima of |f′| are the zeros of f″ (found as every zero is, with a proof where the root finder gives
 * one), and those where f′'s enclosure holds 0 are the touching points.
 */
final class TouchingZeros {
    private TouchingZeros() {
    }

    /**
     * The touching points inside (a, b) in increasing order, empty when f′ keeps away from 0 there, or null when it
     * cannot be told (f″'s zeros not all resolved): then only f′ ≥ 0 (≤ 0) is certain.
     *
     * @param d    f′, of one sign on (a, b)
     * @param sign +1 where f′ ≥ 0 on the piece, −1 where f′ ≤ 0
     */
    static List<Polynomial.Root> of(Expr d, Variable x, double a, double b, int sign) {
        if (Double.isInfinite(a) || Double.isInfinite(b)) return List.of();
        Layout layout = new Layout(List.of(x));
        Interval all = Enclosure.overBox(layout, new Interval[]{new Interval(a, b)}).of(d);
        if (sign > 0 ? all.lo() > 0 : all.hi() < 0) return List.of();
        RootFinder.Zeros turns = RootFinder.of(Differentiator.partial(d, x), x, a, b);
        if (!turns.unresolved().isEmpty() || turns.identicallyZero()) return null;
        List<Polynomial.Root> out = new ArrayList<>();
        for (Polynomial.Root r : turns.roots()) {
            double p = r.asDouble();
            if (!(p > a && p < b)) continue;
            Interval at = Enclosure.atPoint(layout, new double[]{p}).of(d);
            if (at.lo() <= 0 && at.hi() >= 0) out.add(r);
        }
        return out;
    }
}
