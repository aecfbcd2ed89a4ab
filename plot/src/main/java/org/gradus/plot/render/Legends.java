package org.gradus.plot.render;

import org.gradus.plot.figure.Band;
import org.gradus.plot.figure.Curve;
import org.gradus.plot.figure.Layer;
import org.gradus.plot.figure.Markers;
import org.gradus.plot.figure.Palette;
import org.gradus.plot.figure.Panel;
import org.gradus.plot.figure.Region;
import org.gradus.plot.figure.Span;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.ui.RectangleAnchor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/** Legend entries of a panel's layers, and where the legend goes. */
final class Legends {
    private Legends() {
    }

    /** A corner of the plot in relative coordinates, and the legend's anchor there. */
    record Corner(double x, double y, RectangleAnchor anchor) {
    }

    static LegendItemCollection items(Panel panel) {
        LegendItemCollection items = new LegendItemCollection();
        for (Layer l : panel.legendLayers()) {
            LegendItem item;
            if (l instanceof Curve c) {
                item = nearWhite(c.colour()) && c.dash() == Curve.Dash.SOLID
                        ? outlinedLine(c.legend(), c.colour(), Math.max(2, c.width()))
                        : new LegendItem(c.legend(), null, null, null, new Line2D.Double(-10, 0, 10, 0),
                        LayerPainter.stroke(Math.max(2, c.width()), c.dash()), nearWhite(c.colour()) ? new Color(0xb0b0b0) : c.colour());
            } else if (l instanceof Markers m) {
                item = new LegendItem(m.legend(), null, null, null, new Ellipse2D.Double(-4, -4, 8, 8), m.colour(),
                        new BasicStroke(1f), LayerPainter.contrast(m.colour()));
            } else if (l instanceof Region r) {
                item = r.outlineOnly()
                        ? new LegendItem(r.legend(), null, null, null, new Line2D.Double(-10, 0, 10, 0), LayerPainter.stroke(2, r.dash()), r.colour())
                        : new LegendItem(r.legend(), null, null, null, new Rectangle2D.Double(-7, -5, 14, 10),
                        Palette.alpha(r.colour(), Math.max(0.35, r.alpha())), new BasicStroke(1.5f), r.colour());
            } else if (l instanceof Band b) {
                item = new LegendItem(b.legend(), null, null, null, new Rectangle2D.Double(-7, -5, 14, 10),
                        Palette.alpha(b.colour(), Math.max(0.35, b.alpha())), new BasicStroke(0f), Palette.alpha(b.colour(), 0));
            } else if (l instanceof Span s) {
                item = new LegendItem(s.legend(), null, null, null, new Rectangle2D.Double(-7, -5, 14, 10),
                        Palette.alpha(s.colour(), Math.max(0.35, s.alpha())), new BasicStroke(0f), Palette.alpha(s.colour(), 0));
            } else {
                continue;
            }
            item.setLabelPaint(Theme.TEXT);
            items.add(item);
        }
        return items;
    }

    /** Colours that would vanish on the white legend box. */
    private static boolean nearWhite(Color c) {
        return c.getRed() > 235 && c.getGreen() > 235 && c.getBlue() > 235;
    }

    /**
     * A solid near-white line's sample: a bar of the line's own colour and width with a dark edge, so the
     * legend shows the colour the reader sees on the level sets (a grey sample would name a grey path).
     */
    private static LegendItem outlinedLine(String label, Color colour, double width) {
        double h = width + 1.5;
        return new LegendItem(label, null, null, null, true, new Rectangle2D.Double(-10, -h / 2, 20, h), true, colour,
                true, new Color(0x555555), new BasicStroke(0.9f), false, new Line2D.Double(-10, 0, 10, 0),
                new BasicStroke(0f), colour);
    }

    /**
     * The corner whose quarter of the plot holds the fewest points of the panel's curves and marks
     * (matplotlib's {@code loc='best'} in spirit); upper right on a tie; the top or bottom middle where it holds
     * fewer still (a V or a parabola leaves the top middle empty, where every corner has a branch).
     */
    static Corner freeCorner(Panel panel, Ranges.Range xr, Ranges.Range yr) {
        int[] counts = new int[6];           // upper right, upper left, lower left, lower right, upper middle, lower middle
        boolean xLog = panel.x().log(), yLog = panel.y().log();
        for (Layer l : panel.layers()) {
            double[] xs, ys;
            if (l instanceof Curve c) {
                xs = c.x();
                ys = c.y();
            } else if (l instanceof Markers m) {
                xs = m.x();
                ys = m.y();
            } else if (l instanceof Band b) {
                xs = b.x();
                ys = b.upper();
            } else {
                continue;
            }
            for (int i = 0; i < xs.length; i++) {
                double tx = fraction(xs[i], xr, xLog), ty = fraction(ys[i], yr, yLog);
                if (!(tx >= 0 && tx <= 1 && ty >= 0 && ty <= 1)) continue;
                boolean right = tx > 0.55, left = tx < 0.45, up = ty > 0.6, down = ty < 0.4;
                if (right && up) counts[0]++;
                if (left && up) counts[1]++;
                if (left && down) counts[2]++;
                if (right && down) counts[3]++;
                boolean middle = tx > 0.2 && tx < 0.8;
                if (middle && up) counts[4]++;
                if (middle && down) counts[5]++;
            }
        }
        int best = 0;
        for (int k = 1; k < 6; k++) if (counts[k] < counts[best]) best = k;
        return switch (best) {
            case 4 -> new Corner(0.5, 0.985, RectangleAnchor.TOP);
            case 5 -> new Corner(0.5, 0.015, RectangleAnchor.BOTTOM);
            case 1 -> new Corner(0.015, 0.985, RectangleAnchor.TOP_LEFT);
            case 2 -> new Corner(0.015, 0.015, RectangleAnchor.BOTTOM_LEFT);
            case 3 -> new Corner(0.985, 0.015, RectangleAnchor.BOTTOM_RIGHT);
            default -> new Corner(0.985, 0.985, RectangleAnchor.TOP_RIGHT);
        };
    }

    private static double fraction(double v, Ranges.Range r, boolean log) {
        if (log) return v > 0 ? (Math.log10(v) - Math.log10(r.lower())) / (Math.log10(r.upper()) - Math.log10(r.lower())) : Double.NaN;
        return (v - r.lower()) / (r.upper() - r.lower());
    }
}
