package org.gradus.calculus.series;

import org.apache.commons.math3.fraction.BigFraction;
import org.gradus.print.Numbers;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * A real number as the series engine knows it: exactly, as a fraction, when it comes from the
 * script's numbers (every double is a fraction) through + − × ÷ and integer powers; otherwise as a
 * rigorous enclosure [lo, hi] with a best estimate (the values of exp, log, sin, ... at a point).
 *
 * <p>Decisions a limit depends on — is this coefficient zero, what is its sign — are exact for exact
 * numbers and certain for enclosures that exclude 0. An enclosure that contains 0 and is no wider than
 * rounding ({@link #isRoundingZero}) is a number that is 0 up to the rounding of the script's own
 * constants ({@code sin(1)} in a script is the double nearest sin 1); the engine treats it as 0 and
 * says so.
 */
public final class Real {
    public static final Real ZERO = new Real(BigFraction.ZERO);
    public static final Real ONE = new Real(BigFraction.ONE);

    /** Relative width below which an enclosure of 0 is rounding, not information. */
    static final double ROUNDING = 1e-12;

    private final BigFraction exact;
    // for an exact number these are computed when first asked for (most coefficients never are)
    private double lo, hi, mid;
    private boolean bounded;

    private Real(BigFraction exact) {
        this.exact = exact;
    }

    private Real(double lo, double hi, double mid) {
        this.exact = null;
        this.lo = lo;
        this.hi = hi;
        this.mid = Double.isNaN(mid) ? 0.5 * (lo + hi) : Math.max(lo, Math.min(hi, mid));
        this.bounded = true;
    }

    private void bound() {
        if (bounded) return;
        double d = toDouble(exact);
        mid = d;
        if (exact.getNumerator().signum() == 0) {
            lo = 0;
            hi = 0;
        } else {
            lo = Math.nextDown(d);
            hi = Math.nextUp(d);
        }
        bounded = true;
    }

    /** The double nearest f (to within one ulp: BigFraction's own doubleValue rounds twice). */
    private static double toDouble(BigFraction f) {
        if (f.getDenominator().equals(BigInteger.ONE) && f.getNumerator().bitLength() < 53) return f.getNumerator().doubleValue();
        return new BigDecimal(f.getNumerator()).divide(new BigDecimal(f.getDenominator()), DIGITS).doubleValue();
    }

    private static final MathContext DIGITS = new MathContext(25);

    /** The double itself, exactly. */
    public static Real of(double v) {
        if (!Double.isFinite(v)) throw new ArithmeticException("not a finite number: " + v);
        if (v == 0) return ZERO;
        if (v == 1) return ONE;
        return new Real(new BigFraction(v));
    }

    public static Real of(BigFraction f) {
        return new Real(f);
    }

    public static Real of(long numerator, long denominator) {
        return new Real(new BigFraction(numerator, denominator));
    }

    /**
     * A number known to lie in [lo, hi], with {@code best} its best estimate.
     *
     * @throws ArithmeticException when the bounds are NaN or lo &gt; hi
     */
    public static Real enclosed(double lo, double hi, double best) {
        if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) throw new ArithmeticException("no enclosure [" + lo + ", " + hi + "]");
        return new Real(lo, hi, best);
    }

    /** The enclosure of a value computed in double with relative error at most {@code relError}. */
    public static Real approximately(double v, double relError) {
        if (!Double.isFinite(v)) throw new ArithmeticException("not a finite number: " + v);
        double r = Math.abs(v) * relError + Double.MIN_NORMAL;
        return new Real(Math.nextDown(v - r), Math.nextUp(v + r), v);
    }

    public boolean isExact() {
        return exact != null;
    }

    /** The exact value, or null when only an enclosure is known. */
    public BigFraction exact() {
        return exact;
    }

    public double lo() {
        bound();
        return lo;
    }

    public double hi() {
        bound();
        return hi;
    }

    /** The best double estimate (the nearest double for exact numbers). */
    public double value() {
        bound();
        return mid;
    }

    /** True when it is exactly 0. */
    public boolean isExactZero() {
        return exact != null && exact.getNumerator().signum() == 0;
    }

    /** True when the enclosure contains 0 (an exact number: when it is 0). */
    public boolean mayBeZero() {
        return exact != null ? isExactZero() : lo <= 0 && hi >= 0;
    }

    /**
     * True when this is not exact but its enclosure contains 0 and is narrower than rounding relative to
     * {@code scale} (the size of the numbers it was computed from).
     */
    public boolean isRoundingZero(double scale) {
        return exact == null && lo <= 0 && hi >= 0 && (hi - lo) <= ROUNDING * Math.max(Math.abs(scale), Double.MIN_NORMAL);
    }

    /** +1 or −1 when the sign is certain, 0 when exactly zero; throws when the enclosure contains 0. */
    public int sign() {
        if (exact != null) return exact.getNumerator().signum();
        if (lo > 0) return 1;
        if (hi < 0) return -1;
        throw new CannotExpand("the sign of a number in [" + Numbers.round(lo, 6) + ", " + Numbers.round(hi, 6) + "] is not known");
    }

    /** True when the sign is known (exact, or an enclosure not containing 0). */
    public boolean signKnown() {
        return exact != null || lo > 0 || hi < 0;
    }

    public boolean isInteger() {
        return exact != null && exact.getDenominator().equals(BigInteger.ONE);
    }

    // ---- arithmetic ----------------------------------------------------------------------------

    public Real negate() {
        return exact != null ? new Real(exact.negate()) : new Real(-hi, -lo, -mid);
    }

    public Real add(Real o) {
        if (exact != null && o.exact != null) return new Real(exact.add(o.exact));
        if (isExactZero()) return o;
        if (o.isExactZero()) return this;
        return new Real(Math.nextDown(lo() + o.lo()), Math.nextUp(hi() + o.hi()), value() + o.value());
    }

    public Real subtract(Real o) {
        return add(o.negate());
    }

    public Real multiply(Real o) {
        if (exact != null && o.exact != null) return new Real(exact.multiply(o.exact));
        if (isExactZero() || o.isExactZero()) return ZERO;
        double a = lo() * o.lo(), b = lo() * o.hi(), c = hi() * o.lo(), d = hi() * o.hi();
        double l = Math.min(Math.min(a, b), Math.min(c, d)), h = Math.max(Math.max(a, b), Math.max(c, d));
        return new Real(Math.nextDown(l), Math.nextUp(h), value() * o.value());
    }

    /** @throws CannotExpand when the divisor may be 0 */
    public Real divide(Real o) {
        if (o.mayBeZero()) throw new CannotExpand("division by a number that may be 0");
        if (exact != null && o.exact != null) return new Real(exact.divide(o.exact));
        if (isExactZero()) return ZERO;
        double a = lo() / o.lo(), b = lo() / o.hi(), c = hi() / o.lo(), d = hi() / o.hi();
        double l = Math.min(Math.min(a, b), Math.min(c, d)), h = Math.max(Math.max(a, b), Math.max(c, d));
        return new Real(Math.nextDown(l), Math.nextUp(h), value() / o.value());
    }

    public Real pow(int k) {
        if (k == 0) return ONE;
        if (k < 0) return ONE.divide(pow(-k));
        if (exact != null) return new Real(exact.pow(k));
        Real r = ONE;
        for (int i = 0; i < k; i++) r = r.multiply(this);
        return r;
    }

    public Real multiply(long k) {
        return multiply(of(k, 1));
    }

    public Real divide(long k) {
        return divide(of(k, 1));
    }

    /** Compares values when the order is certain; throws when the enclosures overlap (and they are not equal exactly). */
    public int compareTo(Real o) {
        return subtract(o).sign();
    }

    /** {@code 1/2}, {@code -3}, {@code 0.7071067812}: a short fraction when exact and small, else a rounded decimal. */
    public String text() {
        if (exact != null) {
            BigInteger num = exact.getNumerator(), den = exact.getDenominator();
            if (den.equals(BigInteger.ONE) && num.bitLength() < 50) return num.toString();
            if (den.bitLength() <= 20 && num.bitLength() <= 40) return num + "/" + den;
        }
        return Numbers.round(value(), 10);
    }

    /** Constants a limit often is, each with the double nearest it, as a learner writes them. */
    private static final String[] CONSTANT_NAMES = {"e", "1/e", "e²", "√e", "π", "π/2", "π/4", "1/π", "√2", "1/√2", "√π", "ln 2"};
    private static final double[] CONSTANT_VALUES = {Math.E, 1 / Math.E, Math.E * Math.E, Math.sqrt(Math.E), Math.PI, Math.PI / 2,
            Math.PI / 4, 1 / Math.PI, Math.sqrt(2), 1 / Math.sqrt(2), Math.sqrt(Math.PI), Math.log(2)};

    /**
     * The name of a well-known constant ({@code e}, {@code π}, {@code √2}, {@code ln 2}, …) or its negative this number is up
     * to rounding — an enclosure no wider than rounding that holds the double nearest the constant, as an
     * enclosure of 0 that narrow is taken for 0 ({@link #isRoundingZero}) — or null. An exact fraction is
     * never one of them (they are irrational).
     */
    public String constantName() {
        if (exact != null) return null;
        bound();
        for (int k = 0; k < CONSTANT_VALUES.length; k++) {
            double c = CONSTANT_VALUES[k];
            if (lo <= c && c <= hi && hi - lo <= ROUNDING * c) return CONSTANT_NAMES[k];
            if (lo <= -c && -c <= hi && hi - lo <= ROUNDING * c) return "−" + CONSTANT_NAMES[k];   // atan at −∞: −π/2
        }
        return null;
    }

    @Override
    public String toString() {
        return exact != null ? text() : text() + " ∈ [" + lo + ", " + hi + "]";
    }
}
