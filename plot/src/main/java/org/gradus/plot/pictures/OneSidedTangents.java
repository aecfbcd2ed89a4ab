package org.gradus.plot.pictures;

import org.gradus.calculus.Directions;
import org.gradus.calculus.SideLimit;
import org.gradus.calculus.series.Real;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.plot.figure.Curve;
import org.gradus.plot.render.Ticks;

import java.awt.Color;
import java.util.List;

/**
 * {@code tangentAt: x0} where f has a kink (|x| at 0): no tangent line, but the two one-sided tangents, each drawn
 * on its own side — the half-lines of slope f′₋(x0) and f′₊(x0), the one-sided derivatives taken exactly by the
 * series engine ({@link Directions#slope}) — labelled with both slopes, as a lecture draws why |x| is not
 * differentiable at 0.
 */
final class OneSidedTangents {
    private OneSidedTangents() {
    }

    /** The two half-lines over the plotted range r, or null where f has no value or a one-sided slope is not finite. */
    static List<Curve> at(Expr f, Layout layout, String name, double x0, double[] r, Color colour) {
        double[] p = {x0};
        Real f0 = Directions.value(f, layout, p);
        if (f0 == null || !(x0 > r[0] && x0 < r[1])) return null;
        SideLimit right = Directions.slope(f, layout, p, new double[]{1}, f0);
        SideLimit left = Directions.slope(f, layout, p, new double[]{-1}, f0);
        if (!right.finite() || !left.finite()) return null;
        double y0 = f0.value(), mRight = right.value(), mLeft = 0.0 - left.value();    // f′(x0; −1) = −f′₋(x0)
        String legend = "no tangent at " + name + " = " + Ticks.format(x0) + ": one-sided slopes " + Ticks.format(mLeft)
                + " (left) and " + Ticks.format(mRight) + " (right)";
        return List.of(
                new Curve(legend, new double[]{r[0], x0}, new double[]{y0 + mLeft * (r[0] - x0), y0}, colour, Curve.Dash.DASHED, 1.8),
                new Curve(null, new double[]{x0, r[1]}, new double[]{y0, y0 + mRight * (r[1] - x0)}, colour, Curve.Dash.DASHED, 1.8));
    }
}
