package org.gradus.plot.figure;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * A function of two coordinates drawn as a surface in three dimensions, as matplotlib's {@code plot_surface}: seen
 * from {@code elevation} and {@code azimuth} in degrees ({@code view_init}; 30 and −60 by default), each face coloured
 * by its height on the colour map. Descent paths ({@link Line}) and marked points ({@link Point}) lie on it.
 * {@link #flat()} is the same picture as level sets, for a terminal, which cannot draw the surface.
 */
public record Surface(Grid grid, ColourMap colours, double elevation, double azimuth, String xLabel, String yLabel, String zLabel,
                      List<Line> lines, List<Point> points) implements Layer {
    public Surface {
        lines = List.copyOf(lines);
        points = List.copyOf(points);
    }

    /** A path on the surface: its points and their heights. */
    public record Line(String legend, double[] x, double[] y, double[] z, Color colour) {
    }

    /** A marked point on the surface, labelled (null: no label). */
    public record Point(double x, double y, double z, Markers.Shape shape, Color colour, String label) {
    }

    @Override
    public String legend() {
        return null;
    }

    /** The level sets of the same grid with the paths and points on them: what a terminal draws instead. */
    public List<Layer> flat() {
        List<Layer> out = new ArrayList<>();
        out.add(new Field(grid, Levels.choose(grid.finiteValues(), "auto"), colours, true, zLabel));
        for (Line l : lines) out.add(new Curve(l.legend(), l.x(), l.y(), l.colour(), Curve.Dash.SOLID, 2));
        for (Point p : points) out.add(Markers.at(p.x(), p.y(), p.shape(), p.colour(), 12, p.label()));
        return out;
    }
}
