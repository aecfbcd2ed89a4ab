package org.gradus.analysis;

import org.gradus.analysis.LineStationary.Cut;
import org.gradus.analysis.LineStationary.Kink;
import org.gradus.analysis.LineStationary.Piece;
import org.gradus.atoms.Interval;
import org.gradus.calculus.PointWalk;
import org.gradus.eval.Program;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.List;

/**
 * The stretches of the line where f′ is identically 0 — f constant there, |x − 1| + |x + 1| = 2 on [−1, 1], relu(x) = 0
 * for x ≤ 0 — each as one stationary interval, joined across a kink where f is differentiable with f′ = 0 (max(x, 0)²
 * at 0 closes (−∞, 0]). Every point inside is a local minimum and a local maximum of f, neither strict; what the
 * stretch is as a whole depends on f just beyond its ends: higher on both sides a flat minimum, lower on both a flat
 * maximum, else a shelf ({@code flat}). Each side is proved: a jump's size by enclosures, else (f continuous there)
 * the sign of f′ on the neighbouring piece between the end and f′'s nearest zero.
 */
final class FlatStretch {
    /** f just beyond an end of the stretch: higher, lower, the domain ends there, or not decided. */
    private enum Side { HIGHER, LOWER, END, UNKNOWN }

    private final Expr f;
    private final Layout layout;
    private final double lo, hi;
    private final boolean openLo, openHi;
    private final List<Cut> cuts;
    private final List<Kink> kinks;
    private final List<Piece> pieces;

    /**
     * {@code lo}: the left end searched, the least double beyond the domain's end where {@code openLo} (log x: x &gt; 0
     * from {@code Math.nextUp(0)}); {@code hi} the right end, the greatest double before it where {@code openHi}.
     */
    FlatStretch(Expr f, Layout layout, double lo, boolean openLo, double hi, boolean openHi, List<Cut> cuts, List<Kink> kinks,
                List<Piece> pieces) {
        this.f = f;
        this.layout = layout;
        this.lo = lo;
        this.openLo = openLo;
        this.hi = hi;
        this.openHi = openHi;
        this.cuts = cuts;
        this.kinks = kinks;
        this.pieces = pieces;
    }

    /** Every flat stretch, left to right. */
    List<StationaryReport.Stretch> all() {
        List<StationaryReport.Stretch> out = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            if (!pieces.get(i).flat()) continue;
            int j = i;
            while (j + 1 < pieces.size() && kinks.get(j) == Kink.STATIONARY && pieces.get(j + 1).flat()) j++;
            out.add(stretch(i, j));
            i = j;
        }
        return out;
    }

    /** The stretch over pieces i..j (joined across stationary kinks). */
    private StationaryReport.Stretch stretch(int i, int j) {
        double mid = MonotonicIntervals.middle(pieces.get(i).from(), pieces.get(i).to());
        double c = Program.compile(f, layout).value(new double[]{mid});
        Interval level = Enclosure.atPoint(layout, new double[]{mid}).of(f);
        boolean openEnd = i == 0 && openLo, openEndHi = j + 1 == pieces.size() && openHi;
        double from = i == 0 ? (openEnd ? Math.nextDown(lo) : lo) : cuts.get(i - 1).at();
        double to = j + 1 == pieces.size() ? (openEndHi ? Math.nextUp(hi) : hi) : cuts.get(j).at();
        String fromText = i == 0 ? Numbers.format(from) : cuts.get(i - 1).text();
        String toText = j + 1 == pieces.size() ? Numbers.format(to) : cuts.get(j).text();
        boolean stationaryFrom = i == 0 ? !openEnd && definedAt(lo) : kinks.get(i - 1) == Kink.STATIONARY;
        boolean stationaryTo = j + 1 == pieces.size() ? !openEndHi && definedAt(hi) : kinks.get(j) == Kink.STATIONARY;
        boolean levelFrom = i == 0 ? !openEnd && definedAt(lo) : continuousAt(cuts.get(i - 1));
        boolean levelTo = j + 1 == pieces.size() ? !openEndHi && definedAt(hi) : continuousAt(cuts.get(j));
        Side left = i == 0 ? Side.END : side(cuts.get(i - 1), pieces.get(i - 1), level, true);
        Side right = j + 1 == pieces.size() ? Side.END : side(cuts.get(j), pieces.get(j + 1), level, false);
        String set = MonotonicIntervals.interval(from, to, fromText, toText, !stationaryFrom, !stationaryTo);
        String flat = "f = " + Numbers.round(c, 8) + " on all of " + MonotonicIntervals.interval(from, to, fromText, toText, !levelFrom, !levelTo);
        String type;
        String verdict;
        if (left == Side.END && right == Side.END) {
            type = "flat";
            verdict = ", the whole domain: f is constant";
        } else if (beyond(left, Side.HIGHER) && beyond(right, Side.HIGHER)) {
            type = "minimum";
            verdict = " and " + words(left, right, "higher", from, to) + ": a flat minimum, each point of it a local minimum of f, none strict";
        } else if (beyond(left, Side.LOWER) && beyond(right, Side.LOWER)) {
            type = "maximum";
            verdict = " and " + words(left, right, "lower", from, to) + ": a flat maximum, each point of it a local maximum of f, none strict";
        } else if (left == Side.UNKNOWN || right == Side.UNKNOWN) {
            type = "flat";
            verdict = "; whether f is higher or lower just beyond its " + (left == Side.UNKNOWN && right == Side.UNKNOWN ? "ends" : left == Side.UNKNOWN ? "left end" : "right end")
                    + " is not decided, so it is not classified as a flat minimum or maximum";
        } else {
            type = "flat";
            verdict = ", " + (left == Side.LOWER ? "lower" : "higher") + " just left of it and " + (right == Side.LOWER ? "lower" : "higher")
                    + " just right of it: a shelf that f passes on its way " + (left == Side.LOWER ? "up" : "down")
                    + " — each point inside is a local minimum and maximum only in the weak sense (f is constant around it)";
        }
        return new StationaryReport.Stretch(from, to, set, c, type, flat + verdict);
    }

    private static boolean beyond(Side s, Side wanted) {
        return s == wanted || s == Side.END;
    }

    private static String words(Side left, Side right, String higher, double from, double to) {
        if (left == Side.END) return higher + " just right of it (" + (Double.isInfinite(from) ? "it runs to -∞" : "the domain ends there") + " on the left)";
        if (right == Side.END) return higher + " just left of it (" + (Double.isInfinite(to) ? "it runs to ∞" : "the domain ends there") + " on the right)";
        return higher + " on each side of it";
    }

    /**
     * f just beyond the cut on the far piece, against the stretch's level: a jump whose enclosure excludes 0 says at
     * once; where f is continuous at the cut, f′'s sign on the far piece between the cut and f′'s nearest zero.
     */
    private Side side(Cut cut, Piece far, Interval level, boolean onTheLeft) {
        if (cut.pole()) return Side.UNKNOWN;
        if (!far.defined()) return Side.END;
        Interval there = Enclosure.atPoint(layout, new double[]{cut.at()}).of(far.smooth());
        if (there.lo() > level.hi()) return Side.HIGHER;
        if (there.hi() < level.lo()) return Side.LOWER;
        if (!continuousAt(cut)) return Side.UNKNOWN;
        double p = onTheLeft ? LineStationary.beforeKink(far) : LineStationary.afterKink(far);
        int s = LineStationary.sign(Enclosure.atPoint(layout, new double[]{p}).of(far.slope()));
        if (s == 0) return Side.UNKNOWN;
        return (onTheLeft ? s < 0 : s > 0) ? Side.HIGHER : Side.LOWER;
    }

    private boolean continuousAt(Cut cut) {
        if (cut.pole()) return false;
        PointWalk w = PointWalk.at(f, layout, new double[]{cut.at()});
        return w.first(PointWalk.Kind.UNDEFINED) == null && w.first(PointWalk.Kind.JUMP) == null;
    }

    private boolean definedAt(double end) {
        return Double.isFinite(end) && PointWalk.at(f, layout, new double[]{end}).first(PointWalk.Kind.UNDEFINED) == null;
    }
}
