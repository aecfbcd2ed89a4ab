package org.gradus.analysis;

import org.apache.commons.math3.fraction.BigFraction;
import org.gradus.atoms.Interval;
import org.gradus.calculus.Directions;
import org.gradus.calculus.series.Real;
import org.gradus.expr.Expr;
import org.gradus.print.Numbers;

/**
 * A stationary point the second-derivative test cannot classify (a zero eigenvalue, as x⁴ or x²y² at 0),
 * proved a minimum or a maximum by interval arithmetic: f's enclosure over a box around the point lies
 * entirely on one side of f's value there. The whole search box is tried first (then the point is the
 * least or greatest value of f on it), then boxes of half-width 10⁻², 10⁻³ and 10⁻⁶ around the point
 * (a local extremum, not necessarily strict: f may be flat along a curve of such points, as x²y² is along
 * the axes). Rigorous or silent: an enclosure too wide to decide (the dependency problem) proves nothing,
 * and the caller falls back to sampling.
 */
final class DegenerateExtremum {
    private static final double[] RADII = {1e-2, 1e-3, 1e-6};

    private DegenerateExtremum() {
    }

    /** The proof as a sentence for the report, or null when none of the boxes decides. */
    static String proof(Expr f, Domain d, double[] x) {
        Bound b = bound(f, d, x);
        return b == null ? null : "the second-derivative test cannot tell, but " + b.text(d);
    }

    /**
     * f's value at a point bounds f on a box around it: {@code least} when f ≥ its value there (else f ≤ it), on the
     * whole search box or within {@code radius} of the point in every coordinate.
     */
    record Bound(boolean least, boolean wholeBox, double radius, String value) {
        /** minimum or maximum. */
        String type() {
            return least ? "minimum" : "maximum";
        }

        /** The proof as a clause: "f ≥ 0, its value here, everywhere on ... (interval arithmetic): a minimum, ...". */
        String text(Domain d) {
            String relation = "f " + (least ? "≥" : "≤") + " " + value + ", its value here, ";
            return wholeBox ? relation + "everywhere on " + d.text + " (interval arithmetic): a " + type() + ", the "
                    + (least ? "least" : "greatest") + " value of f there"
                    : relation + "within " + Numbers.format(radius) + " of it in every coordinate (interval arithmetic): a local "
                    + type() + " (not necessarily strict)";
        }
    }

    /** The bound on the first box that decides (the search box, then smaller ones around x), or null when none does. */
    static Bound bound(Expr f, Domain d, double[] x) {
        Interval at = valueAt(f, d, x);
        if (at == null || !at.bounded()) return null;
        String value = Numbers.round(0.5 * (at.lo() + at.hi()), 8);
        String decided = decide(f, d, d.box, at);
        if (decided != null) return new Bound(decided.equals("≥"), true, Double.POSITIVE_INFINITY, value);
        for (double r : RADII) {
            Interval[] box = new Interval[x.length];
            for (int i = 0; i < x.length; i++) {
                double lo = Math.max(d.box[i].lo(), x[i] - r), hi = Math.min(d.box[i].hi(), x[i] + r);
                if (!(lo <= x[i] && x[i] <= hi)) return null;
                box[i] = new Interval(lo, hi);
            }
            decided = decide(f, d, box, at);
            if (decided != null) return new Bound(decided.equals("≥"), false, r, value);
        }
        return null;
    }

    /**
     * f(p): exact where the numbers allow (x⁴ at 0 is 0, where an enclosure of the power would admit the
     * smallest double above it), else its enclosure; null where f is undefined.
     */
    private static Interval valueAt(Expr f, Domain d, double[] x) {
        Real exact = Directions.value(f, d.layout(), x, false);
        if (exact != null && exact.isExact() && Double.isFinite(exact.value())
                && exact.exact().equals(new BigFraction(exact.value()))) return Interval.point(exact.value());
        if (exact != null) return new Interval(exact.lo(), exact.hi());
        Enclosure e = Enclosure.atPoint(d.layout(), x);
        Interval v = e.of(f);
        return e.defined() ? v : null;
    }

    /** "≥" or "≤" when f's enclosure over the box is on one side of its value at the point, else null. */
    private static String decide(Expr f, Domain d, Interval[] box, Interval at) {
        Enclosure e = Enclosure.overBox(d.layout(), box);
        Interval over = e.of(f);
        if (!e.defined()) return null;
        if (over.lo() >= at.hi()) return "≥";
        if (over.hi() <= at.lo()) return "≤";
        return null;
    }
}
