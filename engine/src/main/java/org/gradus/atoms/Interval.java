package org.gradus.atoms;

/**
 * A closed interval [lo, hi] of reals (infinite ends allowed) used to bound the values an expression
 * takes on a domain: signs for the composition rules, domains of atoms, boxes for sampling.
 * Arithmetic is outward-safe for the operations below (it may over-approximate, never under).
 */
public record Interval(double lo, double hi) {
    public static final Interval ALL = new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    public static final Interval NONNEGATIVE = new Interval(0, Double.POSITIVE_INFINITY);
    public static final Interval NONPOSITIVE = new Interval(Double.NEGATIVE_INFINITY, 0);

    public Interval {
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            lo = Double.NEGATIVE_INFINITY;
            hi = Double.POSITIVE_INFINITY;
        }
        if (lo > hi) throw new IllegalArgumentException("empty interval [" + lo + ", " + hi + "]");
    }

    public static Interval point(double v) {
        return new Interval(v, v);
    }

    public boolean isPoint() {
        return lo == hi;
    }

    public boolean nonnegative() {
        return lo >= 0;
    }

    public boolean nonpositive() {
        return hi <= 0;
    }

    public boolean positive() {
        return lo > 0;
    }

    public boolean negative() {
        return hi < 0;
    }

    public boolean contains(double v) {
        return lo <= v && v <= hi;
    }

    public boolean bounded() {
        return Double.isFinite(lo) && Double.isFinite(hi);
    }

    public Interval plus(Interval o) {
        return new Interval(lo + o.lo, hi + o.hi);
    }

    public Interval negate() {
        return new Interval(-hi, -lo);
    }

    public Interval minus(Interval o) {
        return plus(o.negate());
    }

    public Interval times(Interval o) {
        double a = mul(lo, o.lo), b = mul(lo, o.hi), c = mul(hi, o.lo), d = mul(hi, o.hi);
        return new Interval(Math.min(Math.min(a, b), Math.min(c, d)), Math.max(Math.max(a, b), Math.max(c, d)));
    }

    /** 0 * inf counts as 0 here: a bound, not a value. */
    private static double mul(double a, double b) {
        return (a == 0 || b == 0) ? 0 : a * b;
    }

    public Interval reciprocal() {
        if (lo > 0 || hi < 0) return new Interval(1 / hi, 1 / lo);
        if (lo == 0 && hi > 0) return new Interval(1 / hi, Double.POSITIVE_INFINITY);
        if (hi == 0 && lo < 0) return new Interval(Double.NEGATIVE_INFINITY, 1 / lo);
        return ALL;
    }

    public Interval dividedBy(Interval o) {
        return times(o.reciprocal());
    }

    /** The image under an increasing function. */
    public Interval mapIncreasing(java.util.function.DoubleUnaryOperator f) {
        return new Interval(f.applyAsDouble(lo), f.applyAsDouble(hi));
    }

    /** The image under a decreasing function. */
    public Interval mapDecreasing(java.util.function.DoubleUnaryOperator f) {
        return new Interval(f.applyAsDouble(hi), f.applyAsDouble(lo));
    }

    public Interval union(Interval o) {
        return new Interval(Math.min(lo, o.lo), Math.max(hi, o.hi));
    }

    public Interval intersect(Interval o) {
        double l = Math.max(lo, o.lo), h = Math.min(hi, o.hi);
        return l <= h ? new Interval(l, h) : null;
    }

    @Override
    public String toString() {
        return "[" + lo + ", " + hi + "]";
    }
}
