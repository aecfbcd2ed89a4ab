package org.gradus.analysis;

import org.apache.commons.math3.fraction.BigFraction;
import org.gradus.atoms.Add;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Divide;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Power;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Variable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A polynomial in one variable with exact rational coefficients (every double is a fraction), and its
 * real roots found exactly: square-free part, Sturm sequence to count and isolate them, bisection with
 * exact signs to the last bit, and a rational root recognized as such (x³ − 3x has roots −1, 0 and 1,
 * not −0.9999999999999999). Coefficients are lowest degree first.
 */
final class Polynomial {
    private static final int MAX_DEGREE = 40;

    private final BigFraction[] c;

    private Polynomial(BigFraction[] c) {
        int n = c.length;
        while (n > 1 && c[n - 1].getNumerator().signum() == 0) n--;
        this.c = Arrays.copyOf(c, Math.max(n, 1));
        if (this.c[0] == null) this.c[0] = BigFraction.ZERO;
    }

    /** e as a polynomial in x, or null when it is not one (or of too high a degree). */
    static Polynomial of(Expr e, Variable x) {
        try {
            return build(e, x);
        } catch (ArithmeticException tooBig) {
            return null;
        }
    }

    private static Polynomial build(Expr e, Variable x) {
        if (e instanceof Constant k) {
            if (!Double.isFinite(k.value())) return null;
            return new Polynomial(new BigFraction[]{new BigFraction(k.value())});
        }
        if (e == x || e.equals(x)) return new Polynomial(new BigFraction[]{BigFraction.ZERO, BigFraction.ONE});
        if (!(e instanceof Apply a)) return null;
        if (a.atom() instanceof Add) {
            Polynomial p = constant(BigFraction.ZERO);
            for (Expr t : a.args()) {
                Polynomial q = build(t, x);
                if (q == null) return null;
                p = p.plus(q);
            }
            return p;
        }
        if (a.atom() instanceof Multiply) {
            Polynomial p = constant(BigFraction.ONE);
            for (Expr t : a.args()) {
                Polynomial q = build(t, x);
                if (q == null) return null;
                p = p.times(q);
                if (p.degree() > MAX_DEGREE) return null;
            }
            return p;
        }
        if (a.atom() instanceof Power && a.arg(1) instanceof Constant k && k.value() == Math.rint(k.value())
                && k.value() >= 0 && k.value() <= MAX_DEGREE) {
            Polynomial b = build(a.arg(0), x);
            if (b == null) return null;
            Polynomial p = constant(BigFraction.ONE);
            for (int i = 0; i < (int) k.value(); i++) p = p.times(b);
            return p.degree() > MAX_DEGREE ? null : p;
        }
        if (a.atom() instanceof Divide && a.arg(1) instanceof Constant k && k.value() != 0) {
            Polynomial b = build(a.arg(0), x);
            return b == null ? null : b.scale(BigFraction.ONE.divide(new BigFraction(k.value())));
        }
        return null;
    }

    /**
     * The numerator of e over a common denominator, reduced by the greatest common divisor of the two (so that each
     * of its roots is a zero of e, not a pole): 1 − x² for 1/(x² + 1) − 2x²/(x² + 1)²; null when e is not a
     * rational function of x.
     */
    static Polynomial numerator(Expr e, Variable x) {
        try {
            Polynomial[] q = fraction(e, x);
            if (q == null || q[0].isZero()) return q == null ? null : q[0];
            return q[0].divide(gcd(q[0], q[1]))[0];
        } catch (ArithmeticException tooBig) {
            return null;
        }
    }

    /** e as {numerator, denominator}, or null. */
    private static Polynomial[] fraction(Expr e, Variable x) {
        Polynomial p = build(e, x);
        if (p != null) return new Polynomial[]{p, constant(BigFraction.ONE)};
        if (!(e instanceof Apply a)) return null;
        Polynomial n, d;
        if (a.atom() instanceof Add || a.atom() instanceof Multiply) {
            boolean sum = a.atom() instanceof Add;
            n = constant(sum ? BigFraction.ZERO : BigFraction.ONE);
            d = constant(BigFraction.ONE);
            for (Expr t : a.args()) {
                Polynomial[] f = fraction(t, x);
                if (f == null) return null;
                n = sum ? n.times(f[1]).plus(f[0].times(d)) : n.times(f[0]);
                d = d.times(f[1]);
            }
        } else if (a.atom() instanceof Power && a.arg(1) instanceof Constant k && k.value() == Math.rint(k.value())
                && Math.abs(k.value()) <= MAX_DEGREE) {
            Polynomial[] f = fraction(a.arg(0), x);
            if (f == null) return null;
            n = constant(BigFraction.ONE);
            d = constant(BigFraction.ONE);
            for (int i = 0; i < (int) Math.abs(k.value()); i++) {
                n = n.times(f[k.value() >= 0 ? 0 : 1]);
                d = d.times(f[k.value() >= 0 ? 1 : 0]);
            }
        } else if (a.atom() instanceof Divide) {
            Polynomial[] f = fraction(a.arg(0), x), g = fraction(a.arg(1), x);
            if (f == null || g == null || g[0].isZero()) return null;
            n = f[0].times(g[1]);
            d = f[1].times(g[0]);
        } else {
            return null;
        }
        return n.degree() > MAX_DEGREE || d.degree() > MAX_DEGREE || d.isZero() ? null : new Polynomial[]{n, d};
    }

    static Polynomial constant(BigFraction v) {
        return new Polynomial(new BigFraction[]{v});
    }

    /** The polynomial with these coefficients, lowest degree first. */
    static Polynomial of(BigFraction[] coefficients) {
        return new Polynomial(coefficients.clone());
    }

    /** The coefficient of xⁱ (0 beyond the degree). */
    BigFraction coefficientOf(int i) {
        return i < c.length ? c[i] : BigFraction.ZERO;
    }

    int degree() {
        return c.length - 1;
    }

    boolean isZero() {
        return c.length == 1 && c[0].getNumerator().signum() == 0;
    }

    Polynomial plus(Polynomial o) {
        BigFraction[] r = new BigFraction[Math.max(c.length, o.c.length)];
        for (int i = 0; i < r.length; i++) {
            BigFraction a = i < c.length ? c[i] : BigFraction.ZERO, b = i < o.c.length ? o.c[i] : BigFraction.ZERO;
            r[i] = a.add(b);
        }
        return new Polynomial(r);
    }

    Polynomial times(Polynomial o) {
        BigFraction[] r = new BigFraction[c.length + o.c.length - 1];
        Arrays.fill(r, BigFraction.ZERO);
        for (int i = 0; i < c.length; i++) for (int j = 0; j < o.c.length; j++) r[i + j] = r[i + j].add(c[i].multiply(o.c[j]));
        return new Polynomial(r);
    }

    Polynomial scale(BigFraction k) {
        BigFraction[] r = new BigFraction[c.length];
        for (int i = 0; i < r.length; i++) r[i] = c[i].multiply(k);
        return new Polynomial(r);
    }

    Polynomial derivative() {
        if (c.length == 1) return constant(BigFraction.ZERO);
        BigFraction[] r = new BigFraction[c.length - 1];
        for (int i = 1; i < c.length; i++) r[i - 1] = c[i].multiply(i);
        return new Polynomial(r);
    }

    /** {quotient, remainder} of this ÷ d. */
    Polynomial[] divide(Polynomial d) {
        BigFraction[] rem = c.clone();
        int n = degree(), m = d.degree();
        if (n < m) return new Polynomial[]{constant(BigFraction.ZERO), this};
        BigFraction[] q = new BigFraction[n - m + 1];
        Arrays.fill(q, BigFraction.ZERO);
        for (int k = n - m; k >= 0; k--) {
            BigFraction f = rem[k + m].divide(d.c[m]);
            q[k] = f;
            for (int j = 0; j <= m; j++) rem[k + j] = rem[k + j].subtract(f.multiply(d.c[j]));
        }
        return new Polynomial[]{new Polynomial(q), new Polynomial(Arrays.copyOf(rem, Math.max(m, 1)))};
    }

    static Polynomial gcd(Polynomial a, Polynomial b) {
        while (!b.isZero()) {
            Polynomial r = a.divide(b)[1];
            a = b;
            b = r;
        }
        return a.scale(BigFraction.ONE.divide(a.c[a.degree()])); // monic
    }

    BigFraction at(BigFraction x) {
        BigFraction r = BigFraction.ZERO;
        for (int i = c.length - 1; i >= 0; i--) r = r.multiply(x).add(c[i]);
        return r;
    }

    int signAt(BigFraction x) {
        return at(x).getNumerator().signum();
    }

    /** The same roots, each simple: p / gcd(p, p′). */
    Polynomial squareFree() {
        if (degree() < 1) return this;
        return divide(gcd(this, derivative()))[0];
    }

    /**
     * Every real root in [lo, hi] (±∞ allowed), increasing, each exact when rational and otherwise the
     * nearest double (isolated exactly, then bisected with exact signs to adjacent doubles).
     *
     * @throws IllegalStateException for the zero polynomial (every point is a root)
     */
    List<Root> roots(double lo, double hi) {
        if (isZero()) throw new IllegalStateException("the zero polynomial");
        Polynomial p = squareFree();
        if (p.degree() < 1) return List.of();
        List<Polynomial> sturm = new ArrayList<>();
        sturm.add(p);
        sturm.add(p.derivative());
        while (sturm.get(sturm.size() - 1).degree() > 0) {
            Polynomial r = sturm.get(sturm.size() - 2).divide(sturm.get(sturm.size() - 1))[1].scale(BigFraction.MINUS_ONE);
            if (r.isZero()) break;
            sturm.add(r);
        }
        BigFraction bound = p.cauchyBound();
        BigFraction a = Double.isInfinite(lo) ? bound.negate().subtract(1) : new BigFraction(lo);
        BigFraction b = Double.isInfinite(hi) ? bound.add(1) : new BigFraction(hi);
        List<Root> out = new ArrayList<>();
        if (p.signAt(a) == 0) out.add(new Root(a));
        isolate(p, sturm, a, b, out);
        out.sort((u, v) -> u.value().compareTo(v.value()));
        return out;
    }

    private BigFraction cauchyBound() {
        BigFraction lead = c[degree()].abs(), m = BigFraction.ZERO;
        for (int i = 0; i < degree(); i++) {
            BigFraction r = c[i].abs().divide(lead);
            if (r.compareTo(m) > 0) m = r;
        }
        return m.add(1);
    }

    /** Sign changes of the Sturm sequence at x. */
    private static int changes(List<Polynomial> sturm, BigFraction x) {
        int n = 0, last = 0;
        for (Polynomial q : sturm) {
            int s = q.signAt(x);
            if (s == 0) continue;
            if (last != 0 && s != last) n++;
            last = s;
        }
        return n;
    }

    /** Roots in (a, b], by Sturm's theorem: V(a) − V(b) of them. */
    private static void isolate(Polynomial p, List<Polynomial> sturm, BigFraction a, BigFraction b, List<Root> out) {
        int count = changes(sturm, a) - changes(sturm, b);
        if (count == 0) return;
        if (count == 1) {
            out.add(refine(p, a, b));
            return;
        }
        BigFraction mid = a.add(b).divide(2);
        isolate(p, sturm, a, mid, out);
        isolate(p, sturm, mid, b, out);
    }

    /** The single root in (a, b]: exact when it is b, or a short fraction; else the nearest double. */
    private static Root refine(Polynomial p, BigFraction a, BigFraction b) {
        if (p.signAt(b) == 0) return new Root(b);
        int sa = p.signAt(a);
        // a root at a itself (a Sturm count over (a, b] leaves it out): p is square-free, so the one root inside is
        // simple and p has the sign opposite to p(b) just after a; bisecting on sign 0 would creep to a
        if (sa == 0) sa = -p.signAt(b);
        for (int i = 0; i < 200; i++) {
            BigFraction mid = a.add(b).divide(2);
            int s = p.signAt(mid);
            if (s == 0) return new Root(mid);
            if (s == sa) a = mid;
            else b = mid;
            double da = a.doubleValue(), db = b.doubleValue();
            if (Math.nextUp(da) >= db && i > 4) break;
        }
        double guess = a.add(b).divide(2).doubleValue();
        BigFraction simple = simplest(guess);
        if (simple != null && simple.compareTo(a) > 0 && simple.compareTo(b) <= 0 && p.signAt(simple) == 0) return new Root(simple);
        return new Root(a, b, guess);
    }

    /** The continued-fraction convergent of v with a denominator below 10⁶ closest to v, or null. */
    private static BigFraction simplest(double v) {
        if (!Double.isFinite(v)) return null;
        try {
            return new BigFraction(v, 1e-15 * Math.max(1, Math.abs(v)), 100);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A real root: exactly {@code exact} when known, else inside (lo, hi] with {@code value} its nearest
     * double.
     */
    record Root(BigFraction exact, BigFraction lo, BigFraction hi, double value0) {
        Root(BigFraction exact) {
            this(exact, exact, exact, exact.doubleValue());
        }

        Root(BigFraction lo, BigFraction hi, double value) {
            this(null, lo, hi, value);
        }

        BigFraction value() {
            return exact != null ? exact : lo.add(hi).divide(2);
        }

        double asDouble() {
            return value0;
        }

        boolean isExact() {
            return exact != null && exact.getDenominator().bitLength() < 64;
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = c.length - 1; i >= 0; i--) if (c[i].getNumerator().signum() != 0) sb.append(" + ").append(c[i]).append("*x^").append(i);
        return sb.length() == 0 ? "0" : sb.substring(3);
    }
}
