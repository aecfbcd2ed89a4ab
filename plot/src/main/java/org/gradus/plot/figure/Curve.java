package org.gradus.plot.figure;

import java.awt.Color;

/**
 * A polyline through (x[i], y[i]); a NaN in either coordinate breaks it (a function's pole, a gap).
 *
 * @param width line width in points (1/72 inch; at the default size one point is one pixel)
 */
public record Curve(String legend, double[] x, double[] y, Color colour, Dash dash, double width) implements Layer {
    /** How a line is stroked. */
    public enum Dash { SOLID, DASHED, DOTTED }

    public Curve {
        if (x.length != y.length) throw new IllegalArgumentException("a curve needs as many x as y values");
    }

    public static Curve solid(String legend, double[] x, double[] y, Color colour) {
        return new Curve(legend, x, y, colour, Dash.SOLID, 2);
    }
}
