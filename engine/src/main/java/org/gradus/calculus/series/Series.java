package org.gradus.calculus.series;

import org.apache.commons.math3.fraction.BigFraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The arithmetic of {@link Expansion}s at one precision: each result keeps the terms within t^n of its
 * dominant term and folds the rest into its remainder, so cancellations of up to n orders are seen
 * (sin(t) − t = −t³/6 + ...). Remainders are propagated as big-O terms, so a result never claims more
 * than its operands knew.
 *
 * <p>A coefficient that cancels to 0 up to rounding (see {@link Real#isRoundingZero}) is dropped and
 * {@link #roundedZeros()} counts it, so that an answer that relied on it can say so.
 */
public final class Series {
    /** The most terms a power series is summed to before the rest is bounded by its first omitted term. */
    private static final int MAX_POWERS = 40;

    private final int n;
    private int roundedZeros;

    /** @param n the orders of t kept beyond each result's dominant term (≥ 1) */
    public Series(int n) {
        if (n < 1) throw new IllegalArgumentException("precision must be at least 1, got " + n);
        this.n = n;
    }

    public int precision() {
        return n;
    }

    /**
     * Where the variable is a + t at a point a that is the rounding of a number (π/2, √2): a denominator's
     * constant term no bigger than this times its t coefficient is 0 up to that rounding (cos(x) at
     * {@code Math.PI/2} is 6.1e-17 − t + …) and is dropped, as {@code PointRounding} explains. 0: never.
     */
    private double pointRoom;
    private int pointZeros;
    private int numberZeros;

    /** This series, judging denominators' constant terms against the point's rounding room (see above). */
    public Series withPointRoom(double room) {
        this.pointRoom = room;
        return this;
    }

    /**
     * Whether a term c·t^α followed by c′·t^(α+1) has |c| ≤ room·|c′|: what a coefficient that vanishes at a number
     * within δ of the point looks like (c ≈ δ·c′), room being the point's rounding. False for room 0.
     */
    public static boolean withinPointRoom(Expansion.Term lead, Expansion.Term next, double room) {
        if (!(room > 0) || !lead.m().isPower() || !next.m().isPower() || !next.m().alpha().equals(lead.m().alpha().add(BigFraction.ONE))) return false;
        double size = Math.max(Math.abs(lead.coef().lo()), Math.abs(lead.coef().hi()));
        return size <= room * Math.abs(next.coef().value());
    }

    /**
     * Whether a's constant term is 0 up to the rounding of the point (|c| ≤ room·|c′| beside its t term, see
     * {@link #withinPointRoom}).
     */
    private boolean constantWithinPointRoom(Expansion a) {
        return a.terms().size() > 1 && a.leading().m().isOne() && withinPointRoom(a.leading(), a.terms().get(1), pointRoom);
    }

    /**
     * Whether the argument of a jump (sign, step), a logarithm or the base of a fractional power is 0 up to the rounding of the point —
     * sign(sin(x)) at {@code Math.PI} has the argument 1.2e-16 − t + …, 0 at π — so that it is taken at the number the point
     * stands for (one-sided values, a root's infinite slope); counted in {@link #numberZeros()}.
     */
    public boolean zeroAtNumber(Expansion argument) {
        if (argument.constantTerm().isExactZero() || !constantWithinPointRoom(argument)) return false;
        numberZeros++;
        return true;
    }

    /** How many arguments of jumps and logarithms and bases of roots were taken as 0 up to the rounding of the point. */
    public int numberZeros() {
        return numberZeros;
    }

    /** How many denominators' constant terms were dropped as 0 up to the rounding of the point. */
    public int pointZeros() {
        return pointZeros;
    }

    /** How many coefficients were dropped as 0 up to rounding. */
    public int roundedZeros() {
        return roundedZeros;
    }

    private static final Comparator<Expansion.Term> DOMINANT_FIRST = (a, b) -> b.m().compareTo(a.m());

    // ---- normal form ---------------------------------------------------------------------------

    /**
     * Sorts, combines like terms, drops zeros and terms the remainder covers, and truncates to the
     * precision. {@code cancelled} is the size of the numbers that were summed (to judge rounding zeros).
     */
    private Expansion normal(List<Expansion.Term> raw, Monomial order) {
        List<Expansion.Term> sorted = new ArrayList<>(raw);
        sorted.sort(DOMINANT_FIRST);
        List<Expansion.Term> merged = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            Expansion.Term t = sorted.get(i);
            Real c = t.coef();
            int j = i + 1;
            while (j < sorted.size() && sorted.get(j).m().compareTo(t.m()) == 0) {
                c = c.add(sorted.get(j).coef());
                j++;
            }
            if (c.isExactZero()) {
                // cancelled exactly
            } else if (j > i + 1 && !c.isExact() && c.mayBeZero() && c.isRoundingZero(scale(sorted, i, j))) {
                roundedZeros++;
            } else {
                merged.add(new Expansion.Term(c, t.m()));
            }
            i = j;
        }
        List<Expansion.Term> kept = new ArrayList<>();
        for (Expansion.Term t : merged) if (order == null || t.m().compareTo(order) > 0) kept.add(t);
        if (kept.isEmpty()) return order == null ? Expansion.ZERO : Expansion.bigO(order);
        Monomial cutoff = kept.get(0).m().times(Monomial.power(new BigFraction(n)));
        List<Expansion.Term> out = new ArrayList<>();
        boolean dropped = false;
        for (Expansion.Term t : kept) {
            if (t.m().compareTo(cutoff) > 0) out.add(t);
            else dropped = true;
        }
        if (dropped) order = order == null || cutoff.compareTo(order) > 0 ? cutoff : order;
        return new Expansion(out, order);
    }

    private static double scale(List<Expansion.Term> terms, int from, int to) {
        double scale = 0;
        for (int k = from; k < to; k++) scale = Math.max(scale, Math.abs(terms.get(k).coef().value()));
        return scale;
    }

    private static Monomial larger(Monomial a, Monomial b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.compareTo(b) >= 0 ? a : b;
    }

    // ---- arithmetic ----------------------------------------------------------------------------

    public Expansion add(Expansion a, Expansion b) {
        List<Expansion.Term> raw = new ArrayList<>(a.terms());
        raw.addAll(b.terms());
        return normal(raw, larger(a.order(), b.order()));
    }

    public Expansion add(List<Expansion> parts) {
        List<Expansion.Term> raw = new ArrayList<>();
        Monomial order = null;
        for (Expansion p : parts) {
            raw.addAll(p.terms());
            order = larger(order, p.order());
        }
        return normal(raw, order);
    }

    public Expansion negate(Expansion a) {
        return scale(a, Real.ONE.negate());
    }

    public Expansion subtract(Expansion a, Expansion b) {
        return add(a, negate(b));
    }

    public Expansion scale(Expansion a, Real c) {
        if (c.isExactZero() || a.isExactZero()) return Expansion.ZERO;
        List<Expansion.Term> raw = new ArrayList<>();
        for (Expansion.Term t : a.terms()) raw.add(new Expansion.Term(t.coef().multiply(c), t.m()));
        return normal(raw, a.order());
    }

    /** a times the monomial m. */
    public Expansion shift(Expansion a, Monomial m) {
        List<Expansion.Term> raw = new ArrayList<>();
        for (Expansion.Term t : a.terms()) raw.add(new Expansion.Term(t.coef(), t.m().times(m)));
        return normal(raw, a.order() == null ? null : a.order().times(m));
    }

    public Expansion multiply(Expansion a, Expansion b) {
        if (a.isExactZero() || b.isExactZero()) return Expansion.ZERO;
        List<Expansion.Term> raw = new ArrayList<>();
        for (Expansion.Term x : a.terms()) {
            for (Expansion.Term y : b.terms()) raw.add(new Expansion.Term(x.coef().multiply(y.coef()), x.m().times(y.m())));
        }
        Monomial order = null;
        if (b.order() != null) order = larger(order, a.scale().times(b.order()));
        if (a.order() != null) order = larger(order, b.scale().times(a.order()));
        return normal(raw, order);
    }

    /**
     * 1/a.
     *
     * @throws OutsideDomain when a is identically 0
     * @throws CannotExpand  when a's dominant term, or its sign, is not known
     */
    public Expansion inverse(Expansion a) {
        if (a.isExactZero()) throw new OutsideDomain("division by zero");
        Expansion.Term lead = a.leading();
        if (constantWithinPointRoom(a)) {
            a = a.withoutLeading(1);
            lead = a.leading();
            pointZeros++;
        }
        if (!lead.coef().signKnown()) throw new CannotExpand("cannot tell whether a denominator's leading coefficient is 0");
        Real c = lead.coef();
        Expansion r = relativeRest(a);
        Expansion geometric = powerSeries(k -> (k % 2 == 0) ? Real.ONE : Real.ONE.negate(), r);
        return shift(scale(geometric, Real.ONE.divide(c)), lead.m().inverse());
    }

    public Expansion divide(Expansion a, Expansion b) {
        return multiply(a, inverse(b));
    }

    /** a/(c·m) − 1 for a's dominant term c·m: the relative rest, which tends to 0. */
    Expansion relativeRest(Expansion a) {
        Expansion.Term lead = a.leading();
        Expansion unit = shift(scale(a, Real.ONE.divide(lead.coef())), lead.m().inverse());
        return subtract(unit, Expansion.constant(Real.ONE));
    }

    /**
     * Σ coef(k)·v^k for v → 0 (or v ≡ 0), with the remainder bounded by the first omitted power: the
     * series of an analytic function at a point, evaluated at a small argument.
     */
    public Expansion powerSeries(IntFunction<Real> coef, Expansion v) {
        if (v.isExactZero()) return Expansion.constant(coef.apply(0));
        if (v.scale().growth() >= 0) throw new CannotExpand("a power series at an argument that does not tend to 0");
        List<Expansion> parts = new ArrayList<>();
        parts.add(Expansion.constant(coef.apply(0)));
        Expansion p = Expansion.constant(Real.ONE);
        int k = 1;
        for (; k <= MAX_POWERS; k++) {
            p = multiply(p, v);
            if (p.isExactZero()) return add(parts);
            if (!p.hasTerms()) {
                parts.add(p); // the rest of the series is O(v^k) too
                return add(parts);
            }
            Real c = coef.apply(k);
            if (!c.isExactZero()) parts.add(scale(p, c));
        }
        parts.add(Expansion.bigO(v.scale().pow(new BigFraction(k))));
        return add(parts);
    }
}
