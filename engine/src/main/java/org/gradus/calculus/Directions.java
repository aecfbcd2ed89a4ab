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
 * |d|, not the 0 a first-order walk through the kink would give. Where x₀ is the rounding of a number (π), a kink
 * or pole within that rounding is taken at the number, as {@link PointRounding} explains: |sin(x)| at {@code Math.PI}
 * has the slopes −1 and 1 of |sin| at π, not the slope −1 of the double just left of π.
 */
public final class Directions {
    private Directions() {
    }

    /** lim f(x₀ + t·d) as t → 0⁺. */
    public static SideLimit limit(Expr f, Layout layout, double[] x0, double[] d) {
        Approach ap = Approach.right("t", 0);
        return SideLimits.along(f, layout, line(x0, d, layout.dimension()), ap, t -> at(x0, d, t), PointRounding.Room.along(x0, d));
    }

    /**
     * f′(x₀; d), or ±∞ for an infinite slope, NaN-valued {@link SideLimit#status() NONE} when the
     * quotient oscillates; {@code f0} is f(x₀) as the series engine knows it ({@link #value}).
     */
    public static SideLimit slope(Expr f, Layout layout, double[] x0, double[] d, Real valueAtX0) {
        int n = layout.dimension();
        PointRounding.Room room = PointRounding.Room.along(x0, d);
        Real atNumber = valueAtNumber(f, layout, x0, d, room);
        Real f0 = atNumber != null ? atNumber : valueAtX0;
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
        }, room);
    }

    /**
     * How f changes along the ray: the sign of f(x₀ + t·d) − f(x₀) for every small enough t &gt; 0, and the series that
     * shows it (−t² + O(t³)); 0 where that difference is exactly 0 near the point. The sign is that of the series'
     * leading term, a proof; null where no series decides it (its leading coefficient's sign unknown, a coefficient 0
     * only up to rounding, an atom the series engine cannot expand there).
     */
    public static Change change(Expr f, Layout layout, double[] x0, double[] d, Real valueAtX0) {
        Variable value = new Variable("f0", 0);
        List<VariableBlock> blocks = new ArrayList<>(layout.blocks());
        blocks.add(value);
        Layout extended = new Layout(blocks);
        Approach ap = Approach.right("t", 0);
        for (int precision : new int[]{6, 12}) {
            Series s = new Series(precision);
            Expansion[] coords = new Expansion[layout.dimension() + 1];
            System.arraycopy(line(x0, d, layout.dimension()), 0, coords, 0, layout.dimension());
            coords[layout.dimension()] = Expansion.constant(valueAtX0);
            try {
                Expansion e = new Expander(extended, coords, s).expand(Ops.sub(f, value));
                if (s.roundedZeros() > 0 || s.numberZeros() > 0 || s.pointZeros() > 0) return null;
                if (e.isExactZero()) return new Change(0, "0");
                if (e.hasTerms() && e.leading().coef().signKnown()) return new Change(e.leading().coef().sign(), ExpansionText.of(e, ap));
            } catch (CannotExpand | ArithmeticException | StackOverflowError e) {   // OutsideDomain too
                return null;
            }
        }
        return null;
    }

    /** The sign of f(x₀ + t·d) − f(x₀) for small t &gt; 0 (−1, 0 or 1) and its series in t, as {@link #change} found it. */
    public record Change(int sign, String series) {
    }

    /**
     * f at the number x₀ stands for, approached along d, where that differs from f(x₀) by a jump or root taken at the number
     * (max(sin(x), 0) at {@code Math.PI} is 1.2e-16 at the double, 0 at π); null where nothing was taken at the number.
     */
    private static Real valueAtNumber(Expr f, Layout layout, double[] x0, double[] d, PointRounding.Room room) {
        if (room.size() == 0) return null;
        try {
            Series s = new Series(2).withPointRoom(room.size());
            Expansion e = new Expander(layout, line(x0, d, layout.dimension()), s).expand(f);
            return s.numberZeros() > 0 && (!e.hasTerms() || e.leading().m().growth() <= 0) ? e.constantTerm() : null;
        } catch (CannotExpand | ArithmeticException e) {   // OutsideDomain too
            return null;
        }
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
