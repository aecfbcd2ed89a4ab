package org.gradus.analysis;

import org.apache.commons.math3.fraction.BigFraction;
import org.gradus.atoms.Add;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Divide;
import org.gradus.atoms.Exp;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Ops;
import org.gradus.atoms.Power;
import org.gradus.diff.Differentiator;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Traversal;
import org.gradus.expr.Variable;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Every zero of a function of one variable on an interval, with a proof that there is no other:
 * <ul>
 *   <li>a product, quotient or power is zero where a factor (the numerator, the base) is, a sum whose terms share
 *       a factor where that factor or the sum of the rest is (exp(−x) − x·exp(−x) = exp(−x)·(1 − x)), a sum over its
 *       terms' common denominator where its numerator is ({@link SharedFactors}), and exp(u) nowhere — even where
 *       it underflows, so that no enclosure could tell its sign;</li>
 *   <li>a polynomial's roots are isolated exactly by Sturm sequences ({@link Polynomial}), and a rational
 *       function's are its numerator's over a common denominator, reduced by their gcd;</li>
 *   <li>anything else by bisection with rigorous interval enclosures ({@link Enclosure}): a piece where
 *       h's enclosure excludes 0 has no zero; where h′'s does, h is monotone and has at most one, found
 *       by bisection to adjacent doubles (about 1e-16 relative) when h changes sign; where h″'s does,
 *       h has at most two, told apart at the extremum of h. What cannot be resolved to 1e-13 is
 *       reported as unresolved, never guessed.</li>
 * </ul>
 */
final class RootFinder {
    private static final int MAX_PIECES = 20000;

    /**
     * The zeros found (increasing), the ranges left unresolved, whether h is identically 0, and how many of the zeros
     * are only places where h is 0 up to rounding (1 − cos x within 10⁻⁸ of 0, a cluster of them): each such place
     * may hold a zero or none, so a caller that lists the zeros as points must not take them for distinct ones.
     */
    record Zeros(List<Polynomial.Root> roots, List<double[]> unresolved, boolean identicallyZero, int nearZeros) {
        Zeros(List<Polynomial.Root> roots, List<double[]> unresolved, boolean identicallyZero) {
            this(roots, unresolved, identicallyZero, 0);
        }
    }

    private final Variable x;
    private final Layout layout;
    private final boolean signChangesOnly;
    private final List<Polynomial.Root> roots = new ArrayList<>();
    private final List<double[]> unresolved = new ArrayList<>();
    private int nearZeros;

    private RootFinder(Variable x, boolean signChangesOnly) {
        this.x = x;
        this.signChangesOnly = signChangesOnly;
        this.layout = new Layout(List.of(x));
    }

    /** The zeros of h in [lo, hi] (ends may be infinite). */
    static Zeros of(Expr h, Variable x, double lo, double hi) {
        return of(h, x, lo, hi, false);
    }

    /**
     * With {@code signChangesOnly}, a piece where h is certainly ≥ 0 (or ≤ 0) is skipped even if h may touch
     * 0 in it: what matters for monotonicity is where h changes sign, and 1 − cos(x) never does.
     */
    static Zeros of(Expr h, Variable x, double lo, double hi, boolean signChangesOnly) {
        RootFinder r = new RootFinder(x, signChangesOnly);
        if (!Traversal.contains(h, x)) {
            boolean zero = h.isConstant(0);
            return new Zeros(List.of(), List.of(), zero);
        }
        Polynomial p = Polynomial.of(h, x);
        if (p != null && p.isZero()) return new Zeros(List.of(), List.of(), true);
        r.zeros(h, lo, hi);
        List<Polynomial.Root> sorted = new ArrayList<>();
        for (Polynomial.Root root : r.roots) {
            boolean dup = false;
            for (Polynomial.Root s : sorted) dup |= same(s, root);
            if (!dup) sorted.add(root);
        }
        sorted.sort((a, b) -> Double.compare(a.asDouble(), b.asDouble()));
        return new Zeros(sorted, merged(r.unresolved), false, r.nearZeros);
    }

    /** The ranges sorted, with overlapping and touching ones joined: one note per stretch left unresolved. */
    static List<double[]> merged(List<double[]> ranges) {
        List<double[]> sorted = new ArrayList<>(ranges);
        sorted.sort((a, b) -> Double.compare(a[0], b[0]));
        List<double[]> out = new ArrayList<>();
        for (double[] r : sorted) {
            double[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
            else out.add(new double[]{r[0], r[1]});
        }
        return out;
    }

    private static boolean same(Polynomial.Root a, Polynomial.Root b) {
        if (a.exact() != null && b.exact() != null) return a.exact().equals(b.exact());
        return Math.abs(a.asDouble() - b.asDouble()) <= 4 * Math.ulp(Math.max(Math.abs(a.asDouble()), Double.MIN_NORMAL)) + 1e-300;
    }

    private void zeros(Expr h, double lo, double hi) {
        if (!Traversal.contains(h, x)) {
            if (h.isConstant(0)) unresolved.add(new double[]{lo, hi});
            return;
        }
        if (h instanceof Apply a && a.atom() instanceof Multiply) {
            for (Expr f : a.args()) zeros(f, lo, hi);
            return;
        }
        if (h instanceof Apply a && a.atom() instanceof Exp) return;      // e^u > 0
        if (h instanceof Apply a && a.atom() instanceof Add) {
            SharedFactors.Split split = SharedFactors.of(a, x);
            if (split != null) {
                for (Expr f : split.factors()) zeros(f, lo, hi);
                zeros(split.rest(), lo, hi);
                return;
            }
        }
        if (h instanceof Apply a && a.atom() instanceof Divide) {
            zeros(a.arg(0), lo, hi);
            return;
        }
        if (h instanceof Apply a && a.atom() instanceof Power && a.arg(1) instanceof Constant k && k.value() > 0) {
            zeros(a.arg(0), lo, hi);
            return;
        }
        if (h instanceof Apply a && a.atom() instanceof Power && a.arg(1) instanceof Constant k && k.value() < 0) return;   // u^k ≠ 0 where defined
        Polynomial p = Polynomial.of(h, x);
        if (p == null) p = Polynomial.numerator(h, x);     // a rational function: the zeros of its numerator
        if (p != null) {
            if (p.isZero()) unresolved.add(new double[]{lo, hi});
            else roots.addAll(p.roots(lo, hi));
            return;
        }
        bisection(h, lo, hi);
    }

    // ---- interval bisection ------------------------------------------------------------------------

    private void bisection(Expr h, double lo, double hi) {
        Expr h1 = Differentiator.partial(h, x), h2 = Differentiator.partial(h1, x);
        double a = lo, b = hi;
        // unbounded ends: prove there is no zero beyond ±R, then search [−R, R]
        for (double bound : new double[]{10, 1e3, 1e6, 1e12}) {
            if (Double.isInfinite(a) && settled(h, Double.NEGATIVE_INFINITY, -bound)) a = -bound;
            if (Double.isInfinite(b) && settled(h, bound, Double.POSITIVE_INFINITY)) b = bound;
        }
        // a tail where no bound was proved stays unresolved; the search covers the rest
        if (Double.isInfinite(a)) {
            a = Math.min(-1e12, b);
            unresolved.add(new double[]{Double.NEGATIVE_INFINITY, a});
        }
        if (Double.isInfinite(b)) {
            b = Math.max(1e12, a);
            unresolved.add(new double[]{b, Double.POSITIVE_INFINITY});
        }
        Deque<double[]> todo = new ArrayDeque<>();
        todo.push(new double[]{a, b});
        int pieces = 0;
        while (!todo.isEmpty()) {
            double[] iv = todo.pop();
            double l = iv[0], r = iv[1];
            if (!containsZero(h, l, r)) continue;
            if (signChangesOnly && oneSigned(h, l, r)) continue;
            if (++pieces > MAX_PIECES) {
                unresolved.add(iv);
                continue;
            }
            if (!containsZero(h1, l, r)) {
                monotonePiece(h, l, r);
                continue;
            }
            double width = r - l;
            if (width <= 1e-9 * Math.max(1, Math.max(Math.abs(l), Math.abs(r))) && !containsZero(h2, l, r)) {
                convexPiece(h, h1, l, r);
                continue;
            }
            if (width <= 1e-13 * Math.max(1, Math.max(Math.abs(l), Math.abs(r)))) {
                unresolved.add(iv);
                continue;
            }
            double m = 0.5 * (l + r);
            todo.push(new double[]{m, r});
            todo.push(new double[]{l, m});
        }
    }

    /** h monotone on [l, r]: a zero where it changes sign (or is exactly 0 at an end). */
    private void monotonePiece(Expr h, double l, double r) {
        int sl = signAt(h, l), sr = signAt(h, r);
        if (sl == 0) roots.add(approx(l, l));
        if (sr == 0) roots.add(approx(r, r));
        if (sl != 0 && sr != 0 && sl != 2 && sr != 2 && sl != sr) roots.add(bracket(h, l, r, sl));
        // an end where h is 0 up to rounding: h is monotone here, so that end is the only zero near — unless only
        // sign changes matter, and none is certain
        if (!signChangesOnly) {
            if (sl == 2) nearZero(approx(l, l));
            if (sr == 2) nearZero(approx(r, r));
        }
    }

    /**
     * h″ of one sign on a tiny [l, r]: h has one extremum m there (a zero of h′) and at most two zeros, one
     * on each side of m. When h(m) is exactly 0, m is a double zero where h touches 0 without changing sign
     * (1 − cos x at 0).
     */
    private void convexPiece(Expr h, Expr h1, double l, double r) {
        int s1l = signAt(h1, l), s1r = signAt(h1, r);
        double m;
        if (s1l == 0) m = l;
        else if (s1r == 0) m = r;
        else if (s1l == 2 || s1r == 2 || s1l == s1r) {
            monotonePiece(h, l, r);
            return;
        } else {
            m = bracket(h1, l, r, s1l).asDouble();
        }
        int sm = signAt(h, m);
        if (sm == 0) {
            roots.add(approx(m, m)); // h touches 0 at its extremum
            return;
        }
        if (sm == 2) {
            nearZero(approx(m, m));  // and may touch 0 there
            return;
        }
        monotonePiece(h, l, m);
        monotonePiece(h, m, r);
    }

    private void nearZero(Polynomial.Root r) {
        roots.add(r);
        nearZeros++;
    }

    /** The zero of h in (l, r), where h(l) has sign sl and h(r) the other: bisection to adjacent doubles. */
    private Polynomial.Root bracket(Expr h, double l, double r, int sl) {
        for (int i = 0; i < 2000; i++) {
            double m = 0.5 * (l + r);
            if (m <= l || m >= r) break;
            int s = signAt(h, m);
            if (s == 0) return approx(m, m);
            if (s == 2) return approx(l, r);
            if (s == sl) l = m;
            else r = m;
        }
        return approx(l, r);
    }

    private static Polynomial.Root approx(double l, double r) {
        double v = l == r ? l : 0.5 * (l + r);
        return new Polynomial.Root(new BigFraction(l), new BigFraction(r), v);
    }

    /** +1, −1, 0 (exactly zero), or 2 when the sign is not certain at x: exact arithmetic where it applies, else an enclosure. */
    private int signAt(Expr h, double p) {
        org.gradus.calculus.series.Real exact = org.gradus.calculus.Directions.value(h, layout, new double[]{p}, false);
        if (exact != null) {
            if (exact.isExactZero()) return 0;
            if (exact.signKnown()) return exact.sign();
        }
        Interval v = Enclosure.atPoint(layout, new double[]{p}).of(h);
        if (v.lo() > 0) return 1;
        if (v.hi() < 0) return -1;
        if (v.lo() == 0 && v.hi() == 0) return 0;
        return 2;
    }

    /** No zero of h in [l, r] that matters: none at all, or (when only sign changes matter) h of one sign there. */
    private boolean settled(Expr h, double l, double r) {
        return !containsZero(h, l, r) || (signChangesOnly && oneSigned(h, l, r));
    }

    private boolean oneSigned(Expr h, double l, double r) {
        Interval v = Enclosure.overBox(layout, new Interval[]{new Interval(l, r)}).of(h);
        return v.lo() >= 0 || v.hi() <= 0;
    }

    private boolean containsZero(Expr h, double l, double r) {
        Enclosure e = Enclosure.overBox(layout, new Interval[]{new Interval(l, r)});
        Interval v = e.of(h);
        return Double.isNaN(v.lo()) || !e.excludesZero(h);
    }
}
