package org.gradus.calculus;

import org.apache.commons.math3.fraction.BigFraction;
import org.gradus.atoms.Ops;
import org.gradus.atoms.array.Shapes;
import org.gradus.calculus.series.Real;
import org.gradus.diff.Differentiator;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.PointArgs;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Taylor polynomials of any order in any number of variables, as exact expressions:
 * Σ_{|α| ≤ n} ∂^α f(a)/α! · (x − a)^α, one term per monomial (like terms collected, so the mixed
 * derivative of f(x, y) at (1, 2) gives {@code 2*(x - 1)*(y - 2)}, not two halves), each coefficient
 * from the exact symbolic derivative evaluated exactly where the numbers allow ({@code x**3/6}, not
 * 0.16666666666666666). At a point that is a double standing for a number ({@code Math.PI/2}), a coefficient no
 * bigger than the point's rounding makes it is 0 ({@link PointRounding#derivativeWithinRounding}): sin's polynomial
 * there is 1 − (x − a)²/2, without cos(a)·(x − a) = 6.1e-17·(x − a).
 */
public final class Taylor {
    /** Past this many terms the polynomial is refused (it would be unreadable and slow). */
    static final int MAX_TERMS = 5000;

    private Taylor() {
    }

    /**
     * The Taylor polynomial of f at {@code at} (variable name → value) of the given order.
     *
     * @throws IllegalArgumentException for a negative order, a polynomial of more than {@value #MAX_TERMS}
     *                                  terms, a point where f is undefined or not smooth, or a variable
     *                                  without a value
     */
    public static Expr polynomial(Expr f, Layout layout, Map<String, ?> at, int order) {
        Shapes.requireScalar(f, "taylor");
        if (order < 0) throw new IllegalArgumentException("taylor's order must be 0 or more, got " + order);
        double[] a = layout.fromNames(PointArgs.restrict(at, layout), null);
        int n = layout.dimension();
        if (binomial(order + n, n) > MAX_TERMS) {
            throw new IllegalArgumentException("a Taylor polynomial of order " + order + " in " + n + " variables has "
                    + binomial(order + n, n) + " terms; use a lower order or fewer variables (at most " + MAX_TERMS + ")");
        }
        List<Expr> dx = new ArrayList<>();
        for (int i = 0; i < n; i++) dx.add(a[i] == 0 ? layout.coordinate(i) : Ops.sub(layout.coordinate(i), Constant.of(a[i])));
        PointWalk walk = PointWalk.at(f, layout, a);
        if (!walk.findings().isEmpty()) {
            boolean kinks = walk.findings().stream().anyMatch(w -> w.kind() != PointWalk.Kind.UNDEFINED);   // kinks, jumps, domain edges
            Real[] c = n == 1 ? TaylorCoefficients.ofExpansion(f, layout, a[0], order, kinks) : null;
            if (c != null) return polynomial(c, dx.get(0));
            PointWalk.Finding w = walk.findings().get(0);
            throw new IllegalArgumentException("taylor needs f smooth at " + PointArgs.format(layout, a) + ", but " + w.node() + ": " + w.message()
                    + (n == 1 ? "" : " (in one variable, a point where f is undefined but its series from both sides agree, as sin(x)/x at 0, "
                    + "gives the polynomial of f extended by its limit)"));
        }
        Map<List<Integer>, Expr> derivatives = new HashMap<>();
        derivatives.put(List.of(), f);
        List<Expr> terms = new ArrayList<>();
        List<List<Integer>> level = List.of(List.of());
        for (int k = 0; k <= order; k++) {
            List<List<Integer>> next = new ArrayList<>();
            for (List<Integer> alpha : level) {
                Expr d = derivatives.get(alpha);
                Expr term = term(d, alpha, dx, layout, a);
                if (term != null) terms.add(term);
                if (k == order) continue;
                int last = alpha.isEmpty() ? 0 : alpha.get(alpha.size() - 1);
                for (int i = last; i < n; i++) {
                    List<Integer> child = new ArrayList<>(alpha);
                    child.add(i);
                    derivatives.put(child, Differentiator.partial(d, layout.coordinate(i)));
                    next.add(child);
                }
            }
            level = next;
        }
        return Ops.sumOfTerms(terms);
    }

    /** Σ cₖ·(x − a)ᵏ. */
    private static Expr polynomial(Real[] c, Expr dx) {
        List<Expr> terms = new ArrayList<>();
        for (int k = 0; k < c.length; k++) {
            if (c[k].isExactZero()) continue;
            Expr term = term(c[k], k == 0 ? Constant.ONE : Ops.pow(dx, Constant.of(k)));
            if (term == null) throw new IllegalArgumentException("taylor: a coefficient overflows");
            terms.add(term);
        }
        return Ops.sumOfTerms(terms);
    }

    /** ∂^α f(a)/α! · Π (x_i − a_i)^{α_i}, or null when the coefficient is 0. */
    private static Expr term(Expr d, List<Integer> alpha, List<Expr> dx, Layout layout, double[] a) {
        Real value = d.isConstant(0) ? Real.ZERO : Directions.value(d, layout, a);
        if (value == null) {
            throw new IllegalArgumentException("taylor: the derivative " + d + " is undefined at " + PointArgs.format(layout, a));
        }
        if (value.isExactZero() || PointRounding.derivativeWithinRounding(d, value, layout, a)) return null;
        BigInteger factorials = BigInteger.ONE;
        List<Expr> factors = new ArrayList<>();
        int i = 0;
        while (i < alpha.size()) {
            int j = i;
            while (j < alpha.size() && alpha.get(j).equals(alpha.get(i))) j++;
            int power = j - i;
            for (int k = 2; k <= power; k++) factorials = factorials.multiply(BigInteger.valueOf(k));
            factors.add(Ops.pow(dx.get(alpha.get(i)), Constant.of(power)));
            i = j;
        }
        Expr term = term(value.divide(Real.of(new BigFraction(factorials))), factors.isEmpty() ? Constant.ONE : Ops.mul(factors));
        if (term == null) throw new IllegalArgumentException("taylor: a coefficient overflows at " + PointArgs.format(layout, a));
        return term;
    }

    /** c·monomial, c exact where it can be ({@code x**2/8} as sympy writes it); null when c overflows. */
    private static Expr term(Real c, Expr monomial) {
        if (!Double.isFinite(c.value())) return null;
        if (c.isExact()) {
            BigInteger p = c.exact().getNumerator(), q = c.exact().getDenominator();
            if (!q.equals(BigInteger.ONE) && q.bitLength() <= 40 && p.bitLength() <= 40) {
                // built as a quotient, not through Ops.div, which would fold /64 into 0.015625*; x**2/8 as sympy writes it, not 0.125*x**2
                Expr positive = Ops.fraction(Ops.mul(Constant.of(p.abs().doubleValue()), monomial), Constant.of(q.doubleValue()));
                return p.signum() < 0 ? Ops.neg(positive) : positive;
            }
        }
        return Ops.mul(Constant.of(c.value()), monomial);
    }

    private static long binomial(int n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
            if (r > Integer.MAX_VALUE) return r;
        }
        return r;
    }
}
