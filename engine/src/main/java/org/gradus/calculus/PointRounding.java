package org.gradus.calculus;

import org.gradus.calculus.series.CannotExpand;
import org.gradus.calculus.series.Expander;
import org.gradus.calculus.series.Expansion;
import org.gradus.calculus.series.Real;
import org.gradus.calculus.series.Series;
import org.gradus.diff.Differentiator;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.print.Numbers;

/**
 * Poles that are the rounding of the point. A script's point is a double: {@code Math.PI} is the double
 * nearest π, {@code sqrt(2)} the double nearest √2. At such a point a, sin(x)/(x − a) has the series
 * sin(a)/(x − a) − 1 + …, with sin(a) = 1.2e-16, not 0: the pole is real at the double but is only the
 * distance from a to π, and the learner meant π (sympy's {@code limit(sin(x)/(x - pi), x, pi)} is −1).
 *
 * <p>If the point a stands for a number a* within δ of it, a numerator that vanishes at a* gives
 * coefficients c·t^k and c′·t^(k+1) with |c| ≈ δ·|c′|. So a leading pole term whose coefficient is no
 * bigger than four units in the last place of a times the next coefficient is taken for 0 — and the
 * limit says so, with the limit at the double itself. The same for a denominator ({@link Series#withPointRoom}):
 * cos(x) at {@code Math.PI/2} is 6.1e-17 − t + …, so tan(x) there has a pole at the number, though it is
 * 1.6e16 at the double. Never at a point that is a short binary fraction (0, 3, 0.5): those are exact, and a
 * numerator that vanishes there gives exactly 0.
 */
final class PointRounding {
    /** Units in the last place of the point that a leading coefficient may be (computed points: a few roundings). */
    private static final double ULPS = 4;

    private PointRounding() {
    }

    /**
     * The room a series' coefficient has to be 0 up to the rounding of the point it is taken at, and the point in words:
     * a limit's point, or the point of a one-sided slope along a direction (its room then in units of the step t).
     */
    record Room(double size, String point) {
        static final Room NONE = new Room(0, "");

        static Room of(Approach approach) {
            return new Room(room(approach), Numbers.format(approach.at()));
        }

        /** At x₀ + t·d: a coordinate's rounding δᵢ is δᵢ/|dᵢ| in t; the largest of them (0 where every coordinate is exact). */
        static Room along(double[] x0, double[] d) {
            double most = 0, shortest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < x0.length; i++) {
                if (d[i] != 0) shortest = Math.min(shortest, Math.abs(d[i]));
                if (rounded(x0[i])) most = Math.max(most, ULPS * Math.ulp(x0[i]));
            }
            return most == 0 || shortest == Double.POSITIVE_INFINITY ? NONE : new Room(most / shortest, "the point");
        }
    }

    /** How many leading pole terms of e are the rounding of the point (0 when none). */
    static int poles(Expansion e, Room r) {
        double room = r.size();
        if (room == 0) return 0;
        int k = 0;
        while (k + 1 < e.terms().size() && e.terms().get(k).m().growth() > 0 && Series.withinPointRoom(e.terms().get(k), e.terms().get(k + 1), room)) k++;
        return k;
    }

    /** The limit found without the dropped terms, saying what was dropped and where the double itself takes f. */
    static SideLimit note(SideLimit s, Expansion e, int dropped, Approach approach, Room room) {
        Expansion.Term lead = e.terms().get(0);
        Expansion shown = Expansion.term(lead.coef(), lead.m());
        for (int k = 1; k < dropped; k++) shown = new Series(dropped).add(shown,
                Expansion.term(e.terms().get(k).coef(), e.terms().get(k).m()));
        String atDouble = lead.coef().signKnown() ? " (at the double itself it wins, and f → " + (lead.coef().sign() > 0 ? "∞" : "-∞") + ")" : "";
        String why = "point rounding: " + room.point() + " is a double standing for a number it rounds (π, √2, …), "
                + "and the series' leading " + (dropped > 1 ? "terms " : "term ") + ExpansionText.of(shown, approach)
                + (dropped > 1 ? " are" : " is") + " no bigger than that rounding makes it (f's numerator vanishes within the rounding of the "
                + "point), so it is taken as 0" + atDouble + "; " + s.reason();
        return new SideLimit(s.status(), s.value(), s.exact(), s.method(), why);
    }

    /** The room a coefficient has to be 0 up to the rounding of the approach's point: 0 where the point is exact. */
    static double room(Approach approach) {
        return approach.atInfinity() || !rounded(approach.at()) ? 0 : ULPS * Math.ulp(approach.at());
    }

    /**
     * Whether f, continuous at the double a, has a pole within its rounding: tan(x) is 1.6·10¹⁶ at {@code Math.PI/2},
     * but its denominator cos(x) is 6.1·10⁻¹⁷ − t + … there, 0 up to the rounding of the point. Then the limit is
     * taken from the series on each side (with that term as 0), not from the value at the double.
     */
    static boolean poleWithinRounding(Expr f, Layout layout, double at) {
        if (!rounded(at)) return false;
        Approach right = Approach.right(layout.coordinateName(0), at);
        Series s = new Series(4).withPointRoom(room(right));
        try {
            Expansion e = new Expander(layout, new Expansion[]{right.coordinate()}, s).expand(f);
            return s.pointZeros() > 0 && e.hasTerms() && e.leading().m().growth() > 0;
        } catch (CannotExpand | ArithmeticException c) {   // OutsideDomain too
            return false;
        }
    }

    /**
     * Whether a derivative's value at the point a is 0 up to the rounding of a: a coordinate of a is rounded and
     * |∂^α f(a)| is no bigger than that rounding times |∂_i ∂^α f(a)|, so ∂^α f vanishes within the rounding of a.
     * cos(x) at {@code Math.PI/2} is 6.1e-17 beside a slope of −1: the Taylor term cos(a)·(x − a) of sin there is
     * dropped, as the learner who wrote π/2 expects (sympy's series of sin at pi/2 has no such term).
     */
    static boolean derivativeWithinRounding(Expr d, Real value, Layout layout, double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!rounded(a[i])) continue;
            Real next = Directions.value(Differentiator.partial(d, layout.coordinate(i)), layout, a);
            if (next != null && Math.abs(value.value()) <= ULPS * Math.ulp(a[i]) * Math.abs(next.value())) return true;
        }
        return false;
    }

    /** The words for a limit that took a denominator's constant term as 0 up to the rounding of the point. */
    static String denominatorNote(Room room) {
        return " (a denominator's constant term, 0 up to the rounding of " + room.point() + " — a double standing for a "
                + "number such as π/2 — was taken as 0: f has a pole at that number; at the double itself f is finite)";
    }

    /** The words for a limit that took a jump's or a logarithm's argument or a root's base as 0 up to the rounding of the point. */
    static String numberNote(Room room) {
        return " (the argument of a jump or a logarithm, or the base of a root, 0 up to the rounding of " + room.point() + " — a double standing for a "
                + "number such as π — was taken as 0, as it is at that number; at the double itself it is a little to one side)";
    }

    /**
     * Whether g, whose value at the point x is {@code value}, vanishes within the rounding of x: |g(x)| ≤ Σᵢ 4 ulp(xᵢ)·|∂ᵢg(x)|
     * over the rounded coordinates. sin(x) at {@code Math.PI} is 1.2e-16 beside a slope of −1: 0 at π, which the point stands for.
     */
    static boolean zeroWithinRounding(Expr g, Layout layout, double[] x, double value) {
        double scale = 1;
        for (double v : x) scale = Math.max(scale, Math.abs(v));
        if (!(Math.abs(value) <= 1e-8 * scale)) return false;   // far from 0 for any slope below 10⁷: no derivative needed
        double room = 0;
        for (int i = 0; i < x.length; i++) {
            if (!rounded(x[i])) continue;
            Real slope = Directions.value(Differentiator.partial(g, layout.coordinate(i)), layout, x);
            if (slope != null) room += ULPS * Math.ulp(x[i]) * Math.abs(slope.value());
        }
        return Math.abs(value) <= room;
    }

    /** Whether some coordinate of x is likely the rounding of another number. */
    static boolean anyRounded(double[] x) {
        for (double v : x) if (rounded(v)) return true;
        return false;
    }

    /** Whether a double is likely the rounding of another number: it needs more than 40 significant bits. */
    private static boolean rounded(double a) {
        if (a == 0 || !Double.isFinite(a)) return false;
        long bits = Double.doubleToLongBits(a) & 0x000fffffffffffffL;
        return bits != 0 && Long.numberOfTrailingZeros(bits) < 52 - 40;
    }
}
