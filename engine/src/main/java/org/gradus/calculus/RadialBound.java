package org.gradus.calculus;

import org.apache.commons.math3.fraction.BigFraction;
import org.gradus.atoms.OutwardRounding;
import org.gradus.atoms.Add;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Divide;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Power;
import org.gradus.calculus.series.Real;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Variable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A proof that a rational function of several variables tends to L at a point a, as the lectures do it in
 * polar coordinates, made rigorous. With y = x − a, f − L = N(y)/D(y), two polynomials with exact rational
 * coefficients; split each into homogeneous parts, N = N_p + N_(p+1) + …, D = D_b + D_(b+1) + … . Write
 * y = r·u with r = ‖y‖∞ and u on the boundary of the cube [−1, 1]ⁿ: then D = r^b·(D_b(u) + O(r)). If D_b(u)
 * stays away from 0 on the whole boundary (interval bounds on pieces of each face) and p &gt; b, then near a
 * |f − L| ≤ C·r^(p−b) → 0 uniformly in the direction: the limit is L. For L = ±∞: N's lowest part also stays
 * away from 0, p &lt; b, and N_p/D_b has L's sign everywhere: |f| ≥ c·r^(p−b) → ∞. Only sums, products,
 * quotients and integer powers are expanded; anything else decides nothing.
 */
final class RadialBound {
    private static final int MAX_TERMS = 4000, MAX_POWER = 12;

    private RadialBound() {
    }

    /** A polynomial in y: exponent vector → exact coefficient. */
    private record Poly(Map<List<Integer>, BigFraction> terms) {
    }

    /** N/D. */
    private record Ratio(Poly num, Poly den) {
    }

    /**
     * The degree k of the bound when f → limit at the point is proved (|f − L| ≤ C·r^k for a finite L, |f| ≥
     * c·r^−k with L's sign for L = ±∞); 0 when nothing is proved.
     */
    static int proves(Expr f, List<Variable> variables, double[] point, SideLimit limit) {
        int n = variables.size();
        Ratio q = ratioAbout(f, variables, point);
        if (q == null) return 0;
        Poly den = q.den;
        int b = lowestDegree(den);
        Poly lowDen = part(den, b);
        if (Double.isInfinite(limit.value())) {
            int p = lowestDegree(q.num);
            if (p < 0 || p >= b) return 0;
            Poly lowNum = part(q.num, p);
            boolean positive = limit.value() > 0;
            return onBoundary(n, u -> {
                Interval nu = value(lowNum, u), du = value(lowDen, u);
                if (!(nu.positive() || nu.negative()) || !(du.positive() || du.negative())) return false;
                return (nu.positive() == du.positive()) == positive;
            }) ? b - p : 0;
        }
        Real exact = limit.exact();
        if (exact == null || !exact.isExact()) return 0;
        Poly gap = plus(q.num, scale(den, exact.exact().negate()));
        if (!awayFromZero(n, lowDen)) return 0;
        int p = lowestDegree(gap);
        if (p < 0) return Integer.MAX_VALUE;                 // f = L near a
        return p > b ? p - b : 0;
    }

    /**
     * The side from which h approaches h0 near the point: +1 when h − h0 &gt; 0 on a punctured neighbourhood (x² + y²
     * near 0), −1 when &lt; 0, 0 when neither is proved (the lowest homogeneous parts of h − h0's numerator and
     * denominator keep one sign of their quotient on the whole boundary of the cube).
     */
    static int side(Expr h, List<Variable> variables, double[] point, BigFraction h0) {
        int n = variables.size();
        Ratio q = ratioAbout(h, variables, point);
        if (q == null) return 0;
        Poly gap = plus(q.num, scale(q.den, h0.negate()));
        int p = lowestDegree(gap), b = lowestDegree(q.den);
        if (p <= 0) return 0;                                // h − h0 does not vanish at the point, or is 0
        Poly lowGap = part(gap, p), lowDen = part(q.den, b);
        for (int sign : new int[]{1, -1}) {
            boolean holds = onBoundary(n, u -> {
                Interval g = value(lowGap, u), d = value(lowDen, u);
                if (!(g.positive() || g.negative()) || !(d.positive() || d.negative())) return false;
                return (g.positive() == d.positive()) == (sign > 0);
            });
            if (holds) return sign;
        }
        return 0;
    }

    /**
     * A rational f's order near the point, for {@link Squeeze}: with a centre, |f − centre| ≤ C·r^upper (upper =
     * Integer.MAX_VALUE when f is the centre near a); without, |f| ≤ C·r^upper (upper ≤ 0); lowerToo: the same
     * quantity is also ≥ c·r^upper. Null when f is not rational or its denominator's lowest part vanishes somewhere on
     * the boundary of the cube (x/(x − y)).
     */
    record Magnitude(BigFraction centre, int upper, boolean lowerToo) {
    }

    static Magnitude magnitude(Expr f, List<Variable> variables, double[] point) {
        int n = variables.size();
        Ratio q = ratioAbout(f, variables, point);
        if (q == null) return null;
        int b = lowestDegree(q.den);
        if (!awayFromZero(n, part(q.den, b))) return null;
        if (b == 0) {
            List<Integer> origin = List.copyOf(Collections.nCopies(n, 0));
            BigFraction c = q.num.terms.getOrDefault(origin, BigFraction.ZERO).divide(q.den.terms.get(origin));
            Poly gap = plus(q.num, scale(q.den, c.negate()));
            int p = lowestDegree(gap);
            return p < 0 ? new Magnitude(c, Integer.MAX_VALUE, false) : new Magnitude(c, p, awayFromZero(n, part(gap, p)));
        }
        int p = lowestDegree(q.num);
        if (p < 0) return new Magnitude(BigFraction.ZERO, Integer.MAX_VALUE, false);
        boolean lower = awayFromZero(n, part(q.num, p));
        return new Magnitude(p > b ? BigFraction.ZERO : null, p - b, lower);
    }

    private static boolean awayFromZero(int n, Poly p) {
        return onBoundary(n, u -> {
            Interval v = value(p, u);
            return v.positive() || v.negative();
        });
    }

    /** f as N/D in y = x − a, or null when f is no rational function (or one too large). */
    private static Ratio ratioAbout(Expr f, List<Variable> variables, double[] point) {
        Map<Expr, Integer> index = new HashMap<>();
        for (int k = 0; k < variables.size(); k++) index.put(variables.get(k), k);
        try {
            Ratio q = ratio(f, index, point, variables.size());
            return q == null || q.den.terms.isEmpty() ? null : q;
        } catch (ArithmeticException tooBig) {
            return null;
        }
    }

    private interface PieceTest {
        boolean holds(Interval[] u);
    }

    /** Whether the test holds on every piece of every face of the cube's boundary. */
    private static boolean onBoundary(int n, PieceTest test) {
        int pieces = n == 1 ? 1 : n == 2 ? 64 : n == 3 ? 12 : 4;
        int cells = (int) Math.pow(pieces, n - 1);
        for (int j = 0; j < n; j++) {
            for (double sign : new double[]{-1, 1}) {
                for (int cell = 0; cell < cells; cell++) {
                    Interval[] u = new Interval[n];
                    for (int k = 0, rest = cell; k < n; k++) {
                        if (k == j) {
                            u[k] = Interval.point(sign);
                            continue;
                        }
                        int piece = rest % pieces;
                        rest /= pieces;
                        u[k] = new Interval(-1 + 2.0 * piece / pieces, -1 + 2.0 * (piece + 1) / pieces);
                    }
                    if (!test.holds(u)) return false;
                }
            }
        }
        return true;
    }

    /** An enclosure of the polynomial over the box u. */
    private static Interval value(Poly p, Interval[] u) {
        Interval sum = Interval.point(0);
        for (Map.Entry<List<Integer>, BigFraction> t : p.terms.entrySet()) {
            double c = t.getValue().doubleValue();
            Interval term = new Interval(Math.nextDown(c), Math.nextUp(c));
            for (int k = 0; k < u.length; k++) term = OutwardRounding.mul(term, power(u[k], t.getKey().get(k)));
            sum = OutwardRounding.add(sum, term);
        }
        return sum;
    }

    /** uᵉ over an interval: an even power of an interval holding 0 is [0, max]. */
    private static Interval power(Interval u, int e) {
        if (e == 0) return Interval.point(1);
        double a = Math.pow(u.lo(), e), b = Math.pow(u.hi(), e);
        Interval r = e % 2 == 1 ? new Interval(a, b)
                : u.contains(0) ? new Interval(0, Math.max(a, b)) : new Interval(Math.min(a, b), Math.max(a, b));
        return OutwardRounding.widen(r);
    }

    private static Ratio ratio(Expr e, Map<Expr, Integer> index, double[] point, int n) {
        if (e instanceof Constant c) return new Ratio(constant(new BigFraction(c.value()), n), constant(BigFraction.ONE, n));
        if (e instanceof Variable) {
            Integer k = index.get(e);
            if (k == null) return null;
            Map<List<Integer>, BigFraction> t = new HashMap<>(constant(new BigFraction(point[k]), n).terms);
            List<Integer> y = new ArrayList<>(Collections.nCopies(n, 0));
            y.set(k, 1);
            t.put(List.copyOf(y), BigFraction.ONE);
            return new Ratio(new Poly(t), constant(BigFraction.ONE, n));
        }
        if (!(e instanceof Apply a)) return null;
        if (a.atom() instanceof Add || a.atom() instanceof Multiply) {
            Ratio out = null;
            for (Expr t : a.args()) {
                Ratio r = ratio(t, index, point, n);
                if (r == null) return null;
                out = out == null ? r : a.atom() instanceof Add ? sum(out, r) : product(out, r);
            }
            return out;
        }
        if (a.atom() instanceof Divide) {
            Ratio p = ratio(a.arg(0), index, point, n), q = ratio(a.arg(1), index, point, n);
            return p == null || q == null ? null : product(p, new Ratio(q.den, q.num));
        }
        if (a.atom() instanceof Power && a.arg(1) instanceof Constant k && k.value() == Math.rint(k.value()) && Math.abs(k.value()) <= MAX_POWER) {
            Ratio base = ratio(a.arg(0), index, point, n);
            if (base == null) return null;
            if (k.value() < 0) base = new Ratio(base.den, base.num);
            Ratio r = new Ratio(constant(BigFraction.ONE, n), constant(BigFraction.ONE, n));
            for (int i = 0; i < Math.abs(k.value()); i++) r = product(r, base);
            return r;
        }
        return null;
    }

    private static Ratio sum(Ratio x, Ratio y) {
        if (isOne(x.den) && isOne(y.den)) return new Ratio(plus(x.num, y.num), x.den);
        return new Ratio(plus(times(x.num, y.den), times(y.num, x.den)), times(x.den, y.den));
    }

    private static Ratio product(Ratio x, Ratio y) {
        return new Ratio(times(x.num, y.num), times(x.den, y.den));
    }

    private static Poly constant(BigFraction c, int n) {
        Map<List<Integer>, BigFraction> t = new HashMap<>();
        if (!c.equals(BigFraction.ZERO)) t.put(List.copyOf(Collections.nCopies(n, 0)), c);
        return new Poly(t);
    }

    private static boolean isOne(Poly p) {
        return p.terms.size() == 1 && p.terms.values().iterator().next().equals(BigFraction.ONE) && degree(p.terms.keySet().iterator().next()) == 0;
    }

    private static Poly plus(Poly p, Poly q) {
        Map<List<Integer>, BigFraction> t = new HashMap<>(p.terms);
        q.terms.forEach((e, c) -> {
            BigFraction s = t.getOrDefault(e, BigFraction.ZERO).add(c);
            if (s.equals(BigFraction.ZERO)) t.remove(e);
            else t.put(e, s);
        });
        return new Poly(t);
    }

    private static Poly scale(Poly p, BigFraction c) {
        Map<List<Integer>, BigFraction> t = new HashMap<>();
        if (!c.equals(BigFraction.ZERO)) p.terms.forEach((e, v) -> t.put(e, v.multiply(c)));
        return new Poly(t);
    }

    private static Poly times(Poly p, Poly q) {
        Map<List<Integer>, BigFraction> t = new HashMap<>();
        for (Map.Entry<List<Integer>, BigFraction> a : p.terms.entrySet()) {
            for (Map.Entry<List<Integer>, BigFraction> b : q.terms.entrySet()) {
                List<Integer> e = new ArrayList<>(a.getKey().size());
                for (int k = 0; k < a.getKey().size(); k++) e.add(a.getKey().get(k) + b.getKey().get(k));
                BigFraction s = t.getOrDefault(e, BigFraction.ZERO).add(a.getValue().multiply(b.getValue()));
                if (s.equals(BigFraction.ZERO)) t.remove(e);
                else t.put(List.copyOf(e), s);
            }
        }
        if (t.size() > MAX_TERMS) throw new ArithmeticException("too many terms");
        return new Poly(t);
    }

    private static int degree(List<Integer> e) {
        int d = 0;
        for (int k : e) d += k;
        return d;
    }

    /** The lowest total degree of a term, or −1 for the zero polynomial. */
    private static int lowestDegree(Poly p) {
        int low = -1;
        for (List<Integer> e : p.terms.keySet()) low = low < 0 ? degree(e) : Math.min(low, degree(e));
        return low;
    }

    /** The homogeneous part of degree d. */
    private static Poly part(Poly p, int d) {
        Map<List<Integer>, BigFraction> t = new HashMap<>();
        p.terms.forEach((e, c) -> {
            if (degree(e) == d) t.put(e, c);
        });
        return new Poly(t);
    }
}
