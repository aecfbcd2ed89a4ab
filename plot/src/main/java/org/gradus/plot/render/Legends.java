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
                        new BasicStroke(1f), m.shape() == Markers.Shape.POINT ? LayerPainter.rim(m.colour()) : LayerPainter.contrast(m.colour()));
            } else if (l instanceof Region r) {
                item = !r.draw().shades()
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

    /** What a text under the legend costs, in points of curves under it. */
    static final int TEXT_WEIGHT = 25;

    /** Where the legend may go, in matplotlib's order of preference for {@code loc='best'} (upper right first). */
    private static final Corner[] PLACES = {
            new Corner(0.985, 0.985, RectangleAnchor.TOP_RIGHT), new Corner(0.015, 0.985, RectangleAnchor.TOP_LEFT),
            new Corner(0.015, 0.015, RectangleAnchor.BOTTOM_LEFT), new Corner(0.985, 0.015, RectangleAnchor.BOTTOM_RIGHT),
            new Corner(0.985, 0.5, RectangleAnchor.RIGHT), new Corner(0.015, 0.5, RectangleAnchor.LEFT),
            new Corner(0.5, 0.015, RectangleAnchor.BOTTOM), new Corner(0.5, 0.985, RectangleAnchor.TOP)};

    /**
     * The place where a legend box of this size (fractions of the data area's width and height, margins included)
     * covers the least of the panel's curves and marks, as matplotlib's {@code loc='best'} measures it: the points
     * of curves and markers inside the box, and the segments of curves that cross it without a point inside; the
     * first place in matplotlib's order on a tie (upper right, upper left, lower left, lower right, right, left,
     * lower and upper middle). A decision boundary that is one long segment counts where it crosses the box; a
     * data point hidden under the box counts once. A text the layers drew (a mark's label, {@code texts}, in the same
     * fractions) counts as {@link #TEXT_WEIGHT} points: the legend hides a word only where every place hides more.
     */
    static Corner freeCorner(Panel panel, Ranges.Range xr, Ranges.Range yr, double width, double height, java.util.List<Rectangle2D> texts) {
        boolean xLog = panel.x().log(), yLog = panel.y().log();
        Rectangle2D[] boxes = new Rectangle2D[PLACES.length];
        for (int k = 0; k < PLACES.length; k++) boxes[k] = box(PLACES[k], width, height);
        int[] covered = new int[PLACES.length];
        for (Layer l : panel.layers()) {
            double[] xs, ys;
            boolean joined = true;
            if (l instanceof Curve c) {
                xs = c.x();
                ys = c.y();
            } else if (l instanceof Markers m) {
                xs = m.x();
                ys = m.y();
                joined = false;
            } else if (l instanceof Band b) {
                xs = b.x();
                ys = b.upper();
            } else {
                continue;
            }
            double px = Double.NaN, py = Double.NaN;
            for (int i = 0; i < xs.length; i++) {
                double tx = fraction(xs[i], xr, xLog), ty = fraction(ys[i], yr, yLog);
                for (int k = 0; k < boxes.length; k++) {
                    if (boxes[k].contains(tx, ty)) covered[k]++;
                    else if (joined && Double.isFinite(px) && Double.isFinite(py) && Double.isFinite(tx) && Double.isFinite(ty)
                            && !boxes[k].contains(px, py) && boxes[k].intersectsLine(px, py, tx, ty)) covered[k]++;
                }
                px = tx;
                py = ty;
            }
        }
        for (Rectangle2D t : texts) for (int k = 0; k < boxes.length; k++) if (boxes[k].intersects(t)) covered[k] += TEXT_WEIGHT;
        int best = 0;
        for (int k = 1; k < PLACES.length; k++) if (covered[k] < covered[best]) best = k;
        return PLACES[best];
    }

    /** The legend's box at a place, in fractions of the data area (y up), as the legend annotation draws it. */
    private static Rectangle2D box(Corner c, double width, double height) {
        double left = c.x() == 0.5 ? 0.5 - width / 2 : c.x() > 0.5 ? 1 - width : 0;
        double bottom = c.y() == 0.5 ? 0.5 - height / 2 : c.y() > 0.5 ? 1 - height : 0;
        return new Rectangle2D.Double(left, bottom, width, height);
    }

    private static double fraction(double v, Ranges.Range r, boolean log) {
        if (log) return v > 0 ? (Math.log10(v) - Math.log10(r.lower())) / (Math.log10(r.upper()) - Math.log10(r.lower())) : Double.NaN;
        return (v - r.lower()) / (r.upper() - r.lower());
    }
}
