package org.gradus.atoms;

/**
 * Interval arithmetic rounded outward, as {@code analysis.Enclosure} encloses with it (and the limit's radial
 * bound in {@code calculus}): each bound moves one double
 * away from the value unless the operation was exact (an error-free sum or product), and results of the
 * math library are widened by a relative 1e-14 and one ulp. Signs survive: +0.0 as a lower bound means a
 * true value ≥ 0, −0.0 as an upper bound one ≤ 0 — the composition rules depend on them.
 */
public final class OutwardRounding {
    private OutwardRounding() {
    }

    private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

    /**
     * The next double below v. A result of +0.0 stays: IEEE sums that cancel to zero are exact (+0.0), and
     * a product or quotient that underflows keeps its sign (a negative one gives −0.0), so +0.0 means a
     * true value ≥ 0, and signs — which the composition rules depend on — survive rounding.
     */
    public static double down(double v) {
        if (Double.isInfinite(v)) return v;
        if (v == 0 && Double.doubleToRawLongBits(v) != NEGATIVE_ZERO) return 0.0;
        return Math.nextDown(v);
    }

    /** The next double above v; −0.0 stays (a true value ≤ 0), see {@link #down}. */
    public static double up(double v) {
        if (Double.isInfinite(v)) return v;
        if (v == 0 && Double.doubleToRawLongBits(v) == NEGATIVE_ZERO) return -0.0;
        return Math.nextUp(v);
    }

    public static Interval add(Interval a, Interval b) {
        double lo = a.lo() + b.lo(), hi = a.hi() + b.hi();
        return new Interval(exactSum(lo, a.lo(), b.lo()) ? lo : down(lo), exactSum(hi, a.hi(), b.hi()) ? hi : up(hi));
    }

    /**
     * Whether s = x + y was computed without rounding (the error-free transformation TwoSum gives a zero
     * error), so the bound needs no widening: 1 − [0, 1] is exactly [0, 1], and the sign of (1 − y) for a
     * 0/1 target y survives.
     */
    private static boolean exactSum(double s, double x, double y) {
        if (Double.isInfinite(s) || Double.isNaN(s)) return false;
        double yy = s - x;
        return (x - (s - yy)) + (y - yy) == 0;
    }

    /** Whether p = x · y was computed without rounding (the fused multiply-add sees no residual). */
    private static boolean exactProduct(double p, double x, double y) {
        if (p == 0) return x == 0 || y == 0;
        if (Double.isInfinite(p) || Double.isNaN(p) || Math.abs(p) < 0x1.0p-969) return false;   // residuals may underflow
        return Math.fma(x, y, -p) == 0;
    }

    public static Interval negate(Interval a) {
        return a.negate();
    }

    public static Interval sub(Interval a, Interval b) {
        return add(a, b.negate());
    }

    /**
     * The product's bounds are the least and greatest corner products; each bound is widened only when a corner
     * that gives it was rounded. (A rounded corner above the least one still encloses its true value above that
     * bound, since rounding is monotone; one equal to it may lie below.) So −1 · [0, ∞] is exactly [−∞, 0], the
     * infinite corner widening nothing, and the sign of −x² survives.
     */
    public static Interval mul(Interval a, Interval b) {
        if (a.isPoint() && b.isPoint() && (a.lo() == 0 || b.lo() == 0)) return Interval.point(0);
        double[] xs = {a.lo(), a.lo(), a.hi(), a.hi()}, ys = {b.lo(), b.hi(), b.lo(), b.hi()};
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 4; i++) {
            double p = prod(xs[i], ys[i]);
            lo = Math.min(lo, p);
            hi = Math.max(hi, p);
        }
        boolean loExact = true, hiExact = true;
        for (int i = 0; i < 4; i++) {
            double p = prod(xs[i], ys[i]);
            if (exactCorner(xs[i], ys[i])) continue;
            if (p == lo) loExact = false;
            if (p == hi) hiExact = false;
        }
        return new Interval(loExact ? lo : down(lo), hiExact ? hi : up(hi));
    }

    /**
     * Whether the corner product x · y of {@link #mul} is its true value: a zero factor gives an exact 0, an infinite
     * bound times a nonzero one is the infinite limit itself, and a finite product is exact when no residual is left.
     */
    private static boolean exactCorner(double x, double y) {
        if (x == 0 || y == 0) return true;
        if (Double.isInfinite(x) || Double.isInfinite(y)) return true;
        return exactProduct(x * y, x, y);
    }

    /** 0 times an infinite bound is 0: the bound is a limit, not a value. */
    private static double prod(double x, double y) {
        return (x == 0 || y == 0) ? 0 : x * y;
    }

    /**
     * x² over a: the square of the end of largest size above, 0 below where a holds 0 (the smaller square otherwise),
     * each exact where the product is — 2² is 4, not the next double past it, so 4 − x² on [−2, 2] keeps its 0.
     */
    public static Interval square(Interval a) {
        double lo = a.lo(), hi = a.hi();
        double big = Math.max(Math.abs(lo), Math.abs(hi)), small = lo <= 0 && hi >= 0 ? 0 : Math.min(Math.abs(lo), Math.abs(hi));
        double top = prod(big, big), bottom = prod(small, small);
        return new Interval(exactCorner(small, small) ? bottom : Math.max(0, down(bottom)), exactCorner(big, big) ? top : up(top));
    }

    public static Interval div(Interval a, Interval b) {
        if (b.positive() || b.negative()) {
            double p1 = a.lo() / b.lo(), p2 = a.lo() / b.hi(), p3 = a.hi() / b.lo(), p4 = a.hi() / b.hi();
            if (Double.isNaN(p1) || Double.isNaN(p2) || Double.isNaN(p3) || Double.isNaN(p4)) return Interval.ALL;
            double lo = Math.min(Math.min(p1, p2), Math.min(p3, p4));
            double hi = Math.max(Math.max(p1, p2), Math.max(p3, p4));
            return new Interval(down(lo), up(hi));
        }
        if (a.isPoint() && a.lo() == 0) return Interval.point(0);
        return widen(a.dividedBy(b));
    }

    /**
     * Widens by a relative 1e-14 and one ulp: covers the error of Math.exp, log, pow, sin and friends.
     * These are faithfully rounded, which keeps the sign of the true value, so a bound of +0.0 below
     * (−0.0 above) is kept, and a positive lower bound is not widened past 0.
     */
    public static Interval widen(Interval r) {
        double lo = r.lo(), hi = r.hi();
        if (Double.isFinite(lo)) {
            boolean plusZeroOrMore = lo > 0 || (lo == 0 && Double.doubleToRawLongBits(lo) != NEGATIVE_ZERO);
            lo = down(lo - Math.abs(lo) * 1e-14);
            if (plusZeroOrMore && lo < 0) lo = 0.0;
        }
        if (Double.isFinite(hi)) {
            boolean minusZeroOrLess = hi < 0 || (hi == 0 && Double.doubleToRawLongBits(hi) == NEGATIVE_ZERO);
            hi = up(hi + Math.abs(hi) * 1e-14);
            if (minusZeroOrLess && hi > 0) hi = -0.0;
        }
        return new Interval(lo, hi);
    }
}
