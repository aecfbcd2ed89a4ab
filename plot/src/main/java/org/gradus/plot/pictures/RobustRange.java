package org.gradus.plot.pictures;


import java.util.Arrays;
import java.util.List;

/**
 * The y range of a plot of functions that may blow up (1/x near 0, tan near π/2): each function's range,
 * unless its values reach far past their bulk (more than 4 times the range of its 5th to 95th percentile) —
 * then that bulk, widened by half of it on each side, so the shape of f stays visible instead of a spike; the
 * plot's range covers every function's. Approximations drawn beside f (tangents, Taylor polynomials) never set
 * the range: they run off it where they leave f.
 */
final class RobustRange {
    private RobustRange() {
    }

    /**
     * {lower, upper} covering each function's robust range (its values at the samples) and every one of the points
     * (the value sign(x)² takes at 0, apart from its curve), or null to let the axis fit as usual. A range of one
     * value (a constant) is widened by 5 % of it on each side (±0.05 about 0), as matplotlib does, before the margins.
     */
    static double[] of(List<double[]> functions, double... points) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] f : functions) {
            double[] r = one(f);
            if (r == null) return null;
            lo = Math.min(lo, r[0]);
            hi = Math.max(hi, r[1]);
        }
        for (double p : points) {
            if (!Double.isFinite(p)) continue;
            lo = Math.min(lo, p);
            hi = Math.max(hi, p);
        }
        if (!(lo <= hi)) return null;
        if (hi - lo <= 1e-9 * Math.max(Math.abs(lo), Math.abs(hi))) {
            double widen = lo == 0 && hi == 0 ? 0.05 : 0.05 * Math.max(Math.abs(lo), Math.abs(hi));
            lo -= widen;
            hi += widen;
        }
        double m = 0.05 * (hi - lo);
        return new double[]{lo - m, hi + m};
    }

    private static double[] one(double[] f) {
        double[] v = Arrays.stream(f).filter(Double::isFinite).sorted().toArray();
        if (v.length < 10) return null;
        double lo = v[0], hi = v[v.length - 1];
        double q05 = v[(int) (0.05 * (v.length - 1))], q95 = v[(int) Math.ceil(0.95 * (v.length - 1))];
        double bulk = q95 - q05;
        if (bulk > 0 && hi - lo > 4 * bulk) {
            lo = Math.max(lo, q05 - 0.5 * bulk);
            hi = Math.min(hi, q95 + 0.5 * bulk);
        }
        return new double[]{lo, hi};
    }
}
