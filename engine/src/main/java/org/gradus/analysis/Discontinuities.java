package org.gradus.analysis;

import org.gradus.calculus.Limit;
import org.gradus.calculus.PointWalk;
import org.gradus.calculus.SideLimit;
import org.gradus.eval.Program;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Variable;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Where a function of one variable is not continuous on [a, b] although a one-sided limit there is finite: a jump
 * (sign(x) at 0), a removable hole (sin(x)/x at 0), a value apart from its limit (sign(x)² at 0) — what a textbook
 * picture marks with an open circle at each limit and a filled dot at the value, the curve broken between. The
 * candidates are f's breaks (the zeros of the arguments of its jumps, poles and domain edges, found exactly as for
 * {@code monotonicity}); at each the limits decide, so a steep but continuous stretch is never marked. Poles, where
 * both sides go to ±∞, and domain edges (√x at 0, continuous from its side) carry no mark.
 */
public final class Discontinuities {
    private Discontinuities() {
    }

    /**
     * One discontinuity.
     *
     * @param x     where
     * @param value f(x), NaN where f is undefined there
     * @param left  the limit from the left, NaN where it is not a finite number (undefined, infinite, oscillating, unknown)
     * @param right the limit from the right, likewise
     */
    public record Point(double x, double value, double left, double right) {
        /** Whether f takes this finite limit as its value here (to rounding): no open circle belongs there. */
        public boolean takes(double limit) {
            return !Double.isNaN(value) && !differs(limit, value);
        }
    }

    /** The discontinuities of f, a function of the scalar variable x alone, strictly inside (a, b), increasing. */
    public static List<Point> of(Expr f, Variable x, double a, double b) {
        Layout layout = new Layout(List.of(x));
        TreeSet<Double> breaks = new TreeSet<>();
        for (Expr s : PiecewiseSmooth.switches(PiecewiseSmooth.expanded(f))) {
            for (Polynomial.Root r : RootFinder.of(s, x, a, b).roots()) {
                if (r.asDouble() > a && r.asDouble() < b) breaks.add(r.asDouble());
            }
        }
        Program p = Program.compile(f, layout);
        List<Point> out = new ArrayList<>();
        for (double at : breaks) {
            boolean undefined = PointWalk.at(f, layout, new double[]{at}).first(PointWalk.Kind.UNDEFINED) != null;
            double value = undefined ? Double.NaN : p.value(new double[]{at});
            SideLimit[] s;
            try {
                s = Limit.sides(f, x, at);
            } catch (IllegalArgumentException | ArithmeticException notDecided) {
                continue;
            }
            double left = finite(s[1] != null ? s[1] : s[0]), right = finite(s[2] != null ? s[2] : s[0]);
            boolean apart = !Double.isNaN(value) && (differs(left, value) || differs(right, value));
            boolean hole = Double.isNaN(value) && (!Double.isNaN(left) || !Double.isNaN(right));
            if (apart || hole || !Double.isNaN(left) && differs(right, left)) out.add(new Point(at, value, left, right));
        }
        return out;
    }

    private static double finite(SideLimit s) {
        return s != null && s.finite() ? s.value() : Double.NaN;
    }

    private static boolean differs(double limit, double value) {
        return !Double.isNaN(limit) && Math.abs(limit - value) > 1e-12 * Math.max(1, Math.abs(value));
    }
}
