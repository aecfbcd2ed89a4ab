package org.gradus.plot.pictures;

import org.gradus.plot.figure.Curve;
import org.gradus.plot.figure.Layer;

import java.util.Arrays;
import java.util.List;

/**
 * The y range of a plot of functions that may blow up (1/x near 0, tan near π/2): the data's range,
 * unless the function's own values reach far past their bulk (more than 4 times the range of its 5th to
 * 95th percentile) — then that bulk, widened by half of it on each side, so the shape of f stays visible instead of a spike. Approximations drawn
 * beside f (tangents, Taylor polynomials) never set the range: they run off it where they leave f.
 */
final class RobustRange {
    private RobustRange() {
    }

    /** {lower, upper} from f's values, or null to let the axis fit every curve as usual. */
    static double[] of(double[] f, List<Layer> curves) {
        double[] v = Arrays.stream(f).filter(Double::isFinite).sorted().toArray();
        if (v.length < 10) return null;
        double lo = v[0], hi = v[v.length - 1];
        double q05 = v[(int) (0.05 * (v.length - 1))], q95 = v[(int) Math.ceil(0.95 * (v.length - 1))];
        double bulk = q95 - q05;
        if (bulk > 0 && hi - lo > 4 * bulk) {
            lo = Math.max(lo, q05 - 0.5 * bulk);
            hi = Math.min(hi, q95 + 0.5 * bulk);
        }
        // the other functions of the plot (not the approximations) widen it
        for (Layer l : curves) {
            if (l instanceof Curve c && c.dash() == Curve.Dash.SOLID && c.x().length > 2 && !java.util.Arrays.equals(c.y(), f)) {
                for (double y : c.y()) {
                    if (Double.isFinite(y) && Math.abs(y) < 1e6 * Math.max(1, Math.abs(hi - lo))) {
                        lo = Math.min(lo, y);
                        hi = Math.max(hi, y);
                    }
                }
            }
        }
        double m = 0.05 * Math.max(hi - lo, 1e-9 * Math.max(1, Math.abs(hi)));
        return new double[]{lo - m, hi + m};
    }
}
