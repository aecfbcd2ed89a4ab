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
 * A polynomial in x and y with exact rational coefficients, held as a polynomial in y whose coefficients are
 * polynomials in x ({@link Polynomial}), and its resultant in y: a polynomial in x that vanishes at the x of
 * every common zero of two such polynomials (Sylvester's determinant, taken fraction-free by Bareiss's
 * elimination, every division exact).
 */
final class BivariatePolynomial {
    private static final int MAX_DEGREE = 12;

    /** Coefficients of y⁰, y¹, …, each a polynomial in x; no trailing zero (the zero polynomial has none). */
    private final List<Polynomial> c;

    private BivariatePolynomial(List<Polynomial> c) {
        List<Polynomial> t = new ArrayList<>(c);
        while (!t.isEmpty() && t.get(t.size() - 1).isZero()) t.remove(t.size() - 1);
        this.c = List.copyOf(t);
    }

    /** e as a polynomial in x and y, or null when it is not one (or of too high a degree). */
    static BivariatePolynomial of(Expr e, Variable x, Variable y) {
        try {
            return build(e, x, y);
        } catch (ArithmeticException tooBig) {
            return null;
        }
    }

    private static BivariatePolynomial build(Expr e, Variable x, Variable y) {
        if (e instanceof Constant k) {
            return Double.isFinite(k.value()) ? constant(Polynomial.constant(new BigFraction(k.value()))) : null;
        }
        if (e.equals(x)) return constant(Polynomial.of(x, x));
        if (e.equals(y)) return new BivariatePolynomial(List.of(Polynomial.constant(BigFraction.ZERO), Polynomial.constant(BigFraction.ONE)));
        if (!(e instanceof Apply a)) return null;
        if (a.atom() instanceof Add || a.atom() instanceof Multiply) {
            boolean sum = a.atom() instanceof Add;
            BivariatePolynomial p = constant(Polynomial.constant(sum ? BigFraction.ZERO : BigFraction.ONE));
            for (Expr t : a.args()) {
                BivariatePolynomial q = build(t, x, y);
                if (q == null) return null;
                p = sum ? p.plus(q) : p.times(q);
                if (p.tooBig()) return null;
            }
            return p;
        }
        if (a.atom() instanceof Power && a.arg(1) instanceof Constant k && k.value() == Math.rint(k.value())
                && k.value() >= 0 && k.value() <= MAX_DEGREE) {
            BivariatePolynomial b = build(a.arg(0), x, y);
            if (b == null) return null;
            BivariatePolynomial p = constant(Polynomial.constant(BigFraction.ONE));
            for (int i = 0; i < (int) k.value(); i++) p = p.times(b);
            return p.tooBig() ? null : p;
        }
        if (a.atom() instanceof Divide && a.arg(1) instanceof Constant k && k.value() != 0 && Double.isFinite(k.value())) {
            BivariatePolynomial b = build(a.arg(0), x, y);
            return b == null ? null : b.times(constant(Polynomial.constant(BigFraction.ONE.divide(new BigFraction(k.value())))));
        }
        return null;
    }

    private static BivariatePolynomial constant(Polynomial p) {
        return new BivariatePolynomial(List.of(p));
    }

    private boolean tooBig() {
        if (c.size() - 1 > MAX_DEGREE) return true;
        for (Polynomial p : c) if (p.degree() > MAX_DEGREE) return true;
        return false;
    }

    /** The highest total degree of a term (−1 for the zero polynomial). */
    int totalDegree() {
        int d = -1;
        for (int j = 0; j < c.size(); j++) if (!c.get(j).isZero()) d = Math.max(d, j + c.get(j).degree());
        return d;
    }

    boolean isZero() {
        return c.isEmpty();
    }

    /** The degree in y (−1 for the zero polynomial). */
    int degreeInY() {
        return c.size() - 1;
    }

    private Polynomial coefficient(int j) {
        return j < c.size() ? c.get(j) : Polynomial.constant(BigFraction.ZERO);
    }

    BivariatePolynomial plus(BivariatePolynomial o) {
        List<Polynomial> r = new ArrayList<>();
        for (int j = 0; j < Math.max(c.size(), o.c.size()); j++) r.add(coefficient(j).plus(o.coefficient(j)));
        return new BivariatePolynomial(r);
    }

    BivariatePolynomial times(BivariatePolynomial o) {
        if (isZero() || o.isZero()) return new BivariatePolynomial(List.of());
        List<Polynomial> r = new ArrayList<>();
        for (int j = 0; j < c.size() + o.c.size() - 1; j++) r.add(Polynomial.constant(BigFraction.ZERO));
        for (int i = 0; i < c.size(); i++) {
            for (int j = 0; j < o.c.size(); j++) r.set(i + j, r.get(i + j).plus(c.get(i).times(o.c.get(j))));
        }
        return new BivariatePolynomial(r);
    }

    /** The value at the rational point (x, y), exactly. */
    BigFraction at(BigFraction x, BigFraction y) {
        BigFraction r = BigFraction.ZERO;
        for (int j = c.size() - 1; j >= 0; j--) r = r.multiply(y).add(c.get(j).at(x));
        return r;
    }

    /**
     * The resultant of p and q in y, a polynomial in x; null when both are free of y (their common zeros are
     * then whole vertical lines or none, which the resultant cannot tell).
     */
    static Polynomial resultantInY(BivariatePolynomial p, BivariatePolynomial q) {
        int m = p.degreeInY(), n = q.degreeInY();
        if (m < 0 || n < 0 || (m == 0 && n == 0)) return null;
        int size = m + n;
        Polynomial zero = Polynomial.constant(BigFraction.ZERO);
        Polynomial[][] s = new Polynomial[size][size];
        for (Polynomial[] row : s) Arrays.fill(row, zero);
        for (int i = 0; i < n; i++) for (int j = 0; j <= m; j++) s[i][i + j] = p.coefficient(m - j);
        for (int i = 0; i < m; i++) for (int j = 0; j <= n; j++) s[n + i][i + j] = q.coefficient(n - j);
        return determinant(s);
    }

    /** det by Bareiss's fraction-free elimination: each division is exact. */
    private static Polynomial determinant(Polynomial[][] a) {
        int size = a.length;
        Polynomial previous = Polynomial.constant(BigFraction.ONE);
        boolean negate = false;
        for (int k = 0; k < size - 1; k++) {
            if (a[k][k].isZero()) {
                int swap = -1;
                for (int i = k + 1; i < size && swap < 0; i++) if (!a[i][k].isZero()) swap = i;
                if (swap < 0) return Polynomial.constant(BigFraction.ZERO);
                Polynomial[] t = a[k];
                a[k] = a[swap];
                a[swap] = t;
                negate = !negate;
            }
            for (int i = k + 1; i < size; i++) {
                for (int j = k + 1; j < size; j++) {
                    Polynomial[] qr = a[i][j].times(a[k][k]).plus(a[i][k].times(a[k][j]).scale(BigFraction.MINUS_ONE)).divide(previous);
                    if (!qr[1].isZero()) throw new IllegalStateException("Bareiss: a division that is not exact");
                    a[i][j] = qr[0];
                }
            }
            previous = a[k][k];
        }
        Polynomial d = a[size - 1][size - 1];
        return negate ? d.scale(BigFraction.MINUS_ONE) : d;
    }

    /** The same polynomial with x and y exchanged. */
    BivariatePolynomial swapped() {
        int degX = 0;
        for (Polynomial p : c) degX = Math.max(degX, p.degree());
        List<Polynomial> r = new ArrayList<>();
        for (int i = 0; i <= degX; i++) {
            BigFraction[] coefficients = new BigFraction[Math.max(1, c.size())];
            for (int j = 0; j < coefficients.length; j++) coefficients[j] = j < c.size() ? c.get(j).coefficientOf(i) : BigFraction.ZERO;
            r.add(Polynomial.of(coefficients));
        }
        return new BivariatePolynomial(r);
    }
}
