package org.gradus.plot.pictures;

import org.gradus.diff.Differentiator;
import org.gradus.eval.Program;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a function of one variable increases and decreases on an interval, from the sign of its exact
 * derivative (the engine's symbolic f′, compiled): f′ is evaluated at 2001 evenly spaced points, and
 * each change of sign is located by bisection on f′ to the last bit, so an interval ends exactly where
 * f′ = 0 (or where f′ jumps, at a kink). Samples where f′ is not defined break the intervals.
 * Stands in for the engine's {@code monotonicity} command until the calculus work adds it.
 */
final class DerivativeSigns {
    /** An interval [from, to] on which f′ has one sign: +1 increasing, −1 decreasing, 0 constant. */
    record Interval(double from, double to, int sign) {
    }

    private static final int SAMPLES = 2001;

    private DerivativeSigns() {
    }

    static List<Interval> intervals(Expr f, Layout layout, double a, double b) {
        Expr df = Differentiator.partial(f, layout.coordinate(0));
        Program p = Program.compile(df, layout);
        double[] x = new double[1];
        double[] xs = new double[SAMPLES];
        int[] signs = new int[SAMPLES];
        double scale = 0;
        double[] values = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            xs[i] = i == SAMPLES - 1 ? b : a + (b - a) * i / (SAMPLES - 1);
            x[0] = xs[i];
            values[i] = p.value(x);
            if (Double.isFinite(values[i])) scale = Math.max(scale, Math.abs(values[i]));
        }
        double tiny = Math.max(scale, 1e-300) * 1e-12;
        for (int i = 0; i < SAMPLES; i++) signs[i] = Double.isFinite(values[i]) ? Math.abs(values[i]) <= tiny ? 0 : values[i] > 0 ? 1 : -1 : 2;
        List<Interval> out = new ArrayList<>();
        int i = 0;
        while (i < SAMPLES) {
            if (signs[i] == 2) {
                i++;
                continue;
            }
            int s = signs[i];
            double from = i == 0 || signs[i - 1] == 2 ? xs[i] : boundary(p, xs[i - 1], xs[i], signs[i - 1]);
            int j = i;
            while (j + 1 < SAMPLES && signs[j + 1] == s) j++;
            double to = j + 1 >= SAMPLES || signs[j + 1] == 2 ? xs[j] : boundary(p, xs[j], xs[j + 1], s);
            if (s != 0 || j > i) out.add(new Interval(from, to, s));
            i = j + 1;
        }
        return merge(out);
    }

    /** The point in [lo, hi] where f′ leaves the sign it has at lo, by bisection. */
    private static double boundary(Program p, double lo, double hi, int signAtLo) {
        double[] x = new double[1];
        for (int k = 0; k < 80 && hi - lo > Math.ulp(Math.max(Math.abs(lo), Math.abs(hi))); k++) {
            double mid = 0.5 * (lo + hi);
            x[0] = mid;
            double v = p.value(x);
            int s = !Double.isFinite(v) ? 2 : v > 0 ? 1 : v < 0 ? -1 : 0;
            if (s == signAtLo) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /** Isolated zeros of f′ (a single sample at 0, as at x = 0 for x³) do not split an interval. */
    private static List<Interval> merge(List<Interval> in) {
        List<Interval> out = new ArrayList<>();
        for (Interval iv : in) {
            if (iv.sign() == 0 && iv.to() - iv.from() <= 0) continue;
            if (!out.isEmpty() && out.get(out.size() - 1).sign() == iv.sign()) {
                Interval last = out.remove(out.size() - 1);
                out.add(new Interval(last.from(), iv.to(), iv.sign()));
            } else {
                out.add(iv);
            }
        }
        return out;
    }
}
