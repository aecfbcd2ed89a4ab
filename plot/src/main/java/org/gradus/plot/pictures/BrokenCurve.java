package org.gradus.plot.pictures;

import org.gradus.analysis.Discontinuities;
import org.gradus.analysis.Enclosure;
import org.gradus.atoms.Interval;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Variable;
import org.gradus.plot.figure.Curve;
import org.gradus.plot.figure.Layer;
import org.gradus.plot.figure.Markers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * A function's curve as a textbook draws it: broken at its poles (tan(x) at π/2 is no vertical line from +10¹⁶ to
 * −10¹⁶) and at its discontinuities, each marked with an open circle at a finite one-sided limit f does not take and a
 * filled dot at the value it does — sign(x) at 0: circles at −1 and 1, the dot at 0; sin(x)/x: a hole at (0, 1).
 * matplotlib joins the samples across a jump with a vertical segment; here the engine's limits say where f jumps.
 *
 * @param curve the polyline, NaN where it breaks
 * @param marks the circles and dots, drawn over the curve
 */
record BrokenCurve(Curve curve, List<Layer> marks) {
    /** The diameter of the circles and dots, in points. */
    private static final double MARK = 9;

    static BrokenCurve of(Expr f, Layout layout, double[] xs, String legend, Color colour) {
        double[][] xy = atPoles(f, layout, xs);
        List<Layer> marks = new ArrayList<>();
        if (layout.blocks().get(0) instanceof Variable x) {
            for (Discontinuities.Point d : Discontinuities.of(f, x, xs[0], xs[xs.length - 1])) {
                xy = brokenAt(xy, d);
                marks.addAll(marks(d, colour));
            }
        }
        return new BrokenCurve(new Curve(legend, xy[0], xy[1], colour, Curve.Dash.SOLID, 2.2), marks);
    }

    /** An open circle at each finite one-sided limit f does not take there, and a dot at f's value if it jumps away from one. */
    private static List<Layer> marks(Discontinuities.Point d, Color colour) {
        List<Layer> out = new ArrayList<>();
        boolean defined = !Double.isNaN(d.value());
        boolean dot = false;
        for (double limit : d.left() == d.right() ? new double[]{d.left()} : new double[]{d.left(), d.right()}) {
            if (Double.isNaN(limit) || d.takes(limit)) continue;
            out.add(Markers.at(d.x(), limit, Markers.Shape.HOLE, colour, MARK, null));
            dot = defined;
        }
        if (dot) out.add(Markers.at(d.x(), d.value(), Markers.Shape.DOT, colour, MARK, null));
        return out;
    }

    /** The polyline with the samples at d.x replaced by its left limit, a break, and its right limit. */
    private static double[][] brokenAt(double[][] xy, Discontinuities.Point d) {
        List<double[]> points = new ArrayList<>();
        boolean placed = false;
        for (int i = 0; i < xy[0].length; i++) {
            double x = xy[0][i];
            if (x == d.x()) continue;
            if (!placed && x > d.x()) {
                points.add(new double[]{d.x(), d.left()});
                points.add(new double[]{d.x(), Double.NaN});
                points.add(new double[]{d.x(), d.right()});
                placed = true;
            }
            points.add(new double[]{x, xy[1][i]});
        }
        return columns(points);
    }

    /**
     * f at each x as {xs, values}, with a gap (a NaN sample between two) wherever f has a pole between neighbouring
     * samples: tan(x) on [0, 3] is defined at every sample, and joined across π/2 its curve would draw a vertical
     * line. A pole is where f changes sign between two samples and its interval enclosure over the stretch between
     * them is unbounded or undefined there (rigorous: a steep but continuous stretch keeps its line).
     */
    static double[][] atPoles(Expr f, Layout layout, double[] xs) {
        double[] ys = OneVariable.values(f, layout, xs);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            if (i > 0 && ys[i - 1] * ys[i] < 0 && poleBetween(f, layout, xs[i - 1], xs[i])) points.add(new double[]{0.5 * (xs[i - 1] + xs[i]), Double.NaN});
            points.add(new double[]{xs[i], ys[i]});
        }
        return points.size() == xs.length ? new double[][]{xs, ys} : columns(points);
    }

    private static boolean poleBetween(Expr f, Layout layout, double a, double b) {
        Enclosure e = Enclosure.overBox(layout, new Interval[]{new Interval(a, b)});
        Interval r = e.of(f);
        return !e.defined() || r.lo() == Double.NEGATIVE_INFINITY || r.hi() == Double.POSITIVE_INFINITY;
    }

    private static double[][] columns(List<double[]> points) {
        double[][] out = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            out[0][i] = points.get(i)[0];
            out[1][i] = points.get(i)[1];
        }
        return out;
    }
}
