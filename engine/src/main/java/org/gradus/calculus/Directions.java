package org.gradus.calculus;

import org.gradus.atoms.Ops;
import org.gradus.calculus.series.CannotExpand;
import org.gradus.calculus.series.Expander;
import org.gradus.calculus.series.Expansion;
import org.gradus.calculus.series.Monomial;
import org.gradus.calculus.series.Real;
import org.gradus.calculus.series.Series;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Variable;
import org.gradus.expr.VariableBlock;

import java.util.ArrayList;
import java.util.List;

/**
 * Limits of a function of several variables along a ray x₀ + t·d, t → 0⁺: the limit of f itself (does f
 * tend to its value from this direction?) and the one-sided directional derivative
 * f′(x₀; d) = lim (f(x₀ + t·d) − f(x₀))/t, both by the series engine, so that √(x²) at 0 has the slope
 * |d|, not the 0 a first-order walk through the kink would give.
 */
public final class Directions {
    private Directions() {
    }

    /** lim f(x₀ + t·d) as t → 0⁺. */
    public static SideLimit limit(Expr f, Layout layout, double[] x0, double[] d) {
        Approach ap = Approach.right("t", 0);
        return SideLimits.along(f, layout, line(x0, d, layout.dimension()), ap, t -> at(x0, d, t));
    }

    /**
     * f′(x₀; d), or ±∞ for an infinite slope, NaN-valued {@link SideLimit#status() NONE} when the
     * quotient oscillates; {@code f0} is f(x₀) as the series engine knows it ({@link #value}).
     */
    public static SideLimit slope(Expr f, Layout layout, double[] x0, double[] d, Real f0) {
        int n = layout.dimension();
        Variable value = new Variable("f0", 0), tau = new Variable("t", 0);
        List<VariableBlock> blocks = new ArrayList<>(layout.blocks());
        blocks.add(value);
        blocks.add(tau);
        Layout extended = new Layout(blocks);
        Expansion[] coords = new Expansion[n + 2];
        System.arraycopy(line(x0, d, n), 0, coords, 0, n);
        coords[n] = Expansion.constant(f0);
        coords[n + 1] = Expansion.term(Real.ONE, Monomial.T);
        Expr quotient = Ops.div(Ops.sub(f, value), tau);
        return SideLimits.along(quotient, extended, coords, Approach.right("t", 0), t -> {
            double[] p = new double[n + 2];
            System.arraycopy(at(x0, d, t), 0, p, 0, n);
            p[n] = f0.value();
            p[n + 1] = t;
            return p;
        });
    }

    /** f(x₀) exactly where the numbers allow, or null when f is undefined there or no rule evaluates it. */
    public static Real value(Expr f, Layout layout, double[] x0) {
        return value(f, layout, x0, true);
    }

    /**
     * As {@link #value(Expr, Layout, double[])}; without {@code roundingZeros}, null also when the value relied
     * on a difference that is 0 only up to rounding (so that a sign decided from it is certain).
     */
    public static Real value(Expr f, Layout layout, double[] x0, boolean roundingZeros) {
        Expansion[] coords = new Expansion[x0.length];
        for (int i = 0; i < x0.length; i++) coords[i] = Expansion.constant(Real.of(x0[i]));
        try {
            Series s = new Series(2);
            Real v = new Expander(layout, coords, s).expand(f).constantValue();
            return roundingZeros || s.roundedZeros() == 0 ? v : null;
        } catch (CannotExpand | ArithmeticException e) {
            return null;
        }
    }

    private static Expansion[] line(double[] x0, double[] d, int n) {
        Expansion[] coords = new Expansion[n];
        Series s = new Series(2);
        for (int i = 0; i < n; i++) {
            coords[i] = s.add(Expansion.constant(Real.of(x0[i])), Expansion.term(Real.of(d[i]), Monomial.T));
        }
        return coords;
    }

    private static double[] at(double[] x0, double[] d, double t) {
        double[] p = new double[x0.length];
        for (int i = 0; i < p.length; i++) p[i] = x0[i] + t * d[i];
        return p;
    }
}
