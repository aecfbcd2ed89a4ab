package org.gradus.plot.figure;

import java.awt.Color;

/**
 * Marks at points, each optionally labelled (the label drawn beside the mark).
 *
 * @param size   the mark's diameter in points
 * @param labels one per point or null; a null entry draws no label
 */
public record Markers(String legend, double[] x, double[] y, Shape shape, Color colour, double size, String[] labels) implements Layer {
    /**
     * The mark: a filled dot (rimmed black or white to stand out on a colour field), a data point (a scatter's dot on
     * white, rimmed with its own darker shade so that every class looks the same size), an open circle (a path's
     * start), a cross (a path's end), a star (an optimum), a triangle, a hole (an open circle filled white: a value a
     * curve approaches but does not take, at a jump or a removable discontinuity).
     */
    public enum Shape { DOT, POINT, CIRCLE, CROSS, STAR, TRIANGLE, HOLE }

    public Markers {
        if (x.length != y.length) throw new IllegalArgumentException("markers need as many x as y values");
        if (labels != null && labels.length != x.length) throw new IllegalArgumentException("markers need one label per point");
    }

    public static Markers at(double x, double y, Shape shape, Color colour, double size, String label) {
        return new Markers(null, new double[]{x}, new double[]{y}, shape, colour, size, label == null ? null : new String[]{label});
    }
}
