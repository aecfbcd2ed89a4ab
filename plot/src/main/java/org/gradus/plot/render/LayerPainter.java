package org.gradus.plot.render;

import org.gradus.plot.figure.Band;
import org.gradus.plot.figure.Contours;
import org.gradus.plot.figure.Curve;
import org.gradus.plot.figure.Field;
import org.gradus.plot.figure.Grid;
import org.gradus.plot.figure.Label;
import org.gradus.plot.figure.Layer;
import org.gradus.plot.figure.Markers;
import org.gradus.plot.figure.Palette;
import org.gradus.plot.figure.Region;
import org.gradus.plot.figure.Span;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * Draws layers onto any {@link Graphics2D} (a PNG's image, an SVG document) inside a {@link DataArea}.
 * A field becomes one image of the data area's pixel size (in an SVG, one embedded image instead of
 * thousands of polygons); lines, marks and text stay vector shapes.
 */
public final class LayerPainter {
    private static final Color CONTOUR_LINE = new Color(0, 0, 0, 90);
    private static final double MAX_PAGE = 1e5;

    private LayerPainter() {
    }

    /** Draws the layers in order, placing labels of marks where they cover nothing else; returns the texts' boxes. */
    public static java.util.List<Rectangle2D> paintAll(Graphics2D g, java.util.List<Layer> layers, DataArea area) {
        LabelPlacer placer = new LabelPlacer(area.rect(), layers, area);
        for (Layer l : layers) paint(g, l, area, placer);
        return placer.texts();
    }

    /** Draws one layer, clipped to the data area (labels may reach past it). */
    public static void paint(Graphics2D g, Layer layer, DataArea area) {
        paint(g, layer, area, new LabelPlacer(area.rect(), java.util.List.of(layer), area));
    }

    private static void paint(Graphics2D g, Layer layer, DataArea area, LabelPlacer placer) {
        Shape clip = g.getClip();
        if (!(layer instanceof Label)) g.clip(area.rect());
        try {
            if (layer instanceof Field f) field(g, f, area);
            else if (layer instanceof Curve c) curve(g, c, area, c.x().length);
            else if (layer instanceof Markers m) markers(g, m, area, placer);
            else if (layer instanceof Band b) band(g, b, area);
            else if (layer instanceof Span s) span(g, s, area);
            else if (layer instanceof Region r) region(g, r, area);
            else if (layer instanceof Label l) placer.drawn(label(g, l.text(), area.px(l.x()), area.py(l.y()), l.colour()));
        } finally {
            g.setClip(clip);
        }
    }

    /** The first {@code points} points of a curve (an animation frame draws paths growing). */
    public static void curve(Graphics2D g, Curve c, DataArea area, int points) {
        Path2D.Double path = new Path2D.Double();
        boolean pen = false;
        for (int i = 0; i < Math.min(points, c.x().length); i++) {
            double px = area.px(c.x()[i]), py = area.py(c.y()[i]);
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                pen = false;
                continue;
            }
            px = clamp(px);
            py = clamp(py);
            if (pen) path.lineTo(px, py);
            else path.moveTo(px, py);
            pen = true;
        }
        g.setColor(c.colour());
        g.setStroke(stroke(c.width(), c.dash()));
        g.draw(path);
    }

    static Stroke stroke(double width, Curve.Dash dash) {
        float w = (float) width;
        return switch (dash) {
            case SOLID -> new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
            case DASHED -> new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[]{6 * Math.max(1, w / 2), 4 * Math.max(1, w / 2)}, 0);
            case DOTTED -> new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, new float[]{0.1f, 3 * Math.max(1, w)}, 0);
        };
    }

    private static double clamp(double p) {
        return Math.max(-MAX_PAGE, Math.min(MAX_PAGE, p));
    }

    // ---- fields and regions: images of the data area -------------------------------------------

    private static void field(Graphics2D g, Field f, DataArea area) {
        int bands = f.levels().bands();
        int[] argb = new int[bands];
        for (int k = 0; k < bands; k++) argb[k] = f.colours().at(f.levels().colourPosition(k)).getRGB();
        double[] bounds = f.levels().bounds();
        Grid grid = f.grid();
        BufferedImage img = image(area, (x, y) -> {
            double v = grid.valueAt(x, y);
            if (Double.isNaN(v)) return 0;
            int k = java.util.Arrays.binarySearch(bounds, v);
            if (k < 0) k = -k - 2;
            return argb[Math.max(0, Math.min(bands - 1, k))];
        });
        g.drawImage(img, (int) Math.floor(area.rect().getMinX()), (int) Math.floor(area.rect().getMinY()), null);
        if (f.lines()) {
            g.setColor(CONTOUR_LINE);
            g.setStroke(new BasicStroke(0.7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (double level : f.levels().lines()) polylines(g, f.grid(), level, area);
        }
    }

    private static void region(Graphics2D g, Region r, DataArea area) {
        if (r.draw().shades()) {
            int fill = Palette.alpha(r.colour(), r.alpha()).getRGB();
            BufferedImage img = image(area, (x, y) -> r.g().valueAt(x, y) <= 0 ? fill : 0);
            g.drawImage(img, (int) Math.floor(area.rect().getMinX()), (int) Math.floor(area.rect().getMinY()), null);
        }
        if (!r.draw().outlines()) return;
        g.setColor(r.colour());
        g.setStroke(stroke(2, r.dash()));
        polylines(g, r.g(), 0, area);
    }

    private interface PixelColour {
        int argb(double x, double y);
    }

    /** An image covering the data area, one pixel per page unit, each pixel coloured at its centre. */
    private static BufferedImage image(DataArea area, PixelColour colour) {
        Rectangle2D r = area.rect();
        int x0 = (int) Math.floor(r.getMinX()), y0 = (int) Math.floor(r.getMinY());
        int w = Math.max(1, (int) Math.ceil(r.getMaxX()) - x0), h = Math.max(1, (int) Math.ceil(r.getMaxY()) - y0);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        double[] xs = new double[w];
        for (int i = 0; i < w; i++) xs[i] = area.dataX(x0 + i + 0.5);
        for (int j = 0; j < h; j++) {
            double y = area.dataY(y0 + j + 0.5);
            for (int i = 0; i < w; i++) row[i] = colour.argb(xs[i], y);
            img.setRGB(0, j, w, 1, row, 0, w);
        }
        return img;
    }

    private static void polylines(Graphics2D g, Grid grid, double level, DataArea area) {
        Path2D.Double path = new Path2D.Double();
        for (double[][] line : Contours.trace(grid, level)) {
            int n = line[0].length;
            double[] px = new double[n], py = new double[n];
            for (int k = 0; k < n; k++) {
                px[k] = area.px(line[0][k]);
                py[k] = area.py(line[1][k]);
            }
            boolean[] keep = Simplify.keep(px, py, 0.25);
            boolean first = true;
            for (int k = 0; k < n; k++) {
                if (!keep[k]) continue;
                if (first) path.moveTo(px[k], py[k]);
                else path.lineTo(px[k], py[k]);
                first = false;
            }
        }
        g.draw(path);
    }

    // ---- marks, bands, spans, text --------------------------------------------------------------

    private static void markers(Graphics2D g, Markers m, DataArea area, LabelPlacer placer) {
        for (int i = 0; i < m.x().length; i++) {
            double px = area.px(m.x()[i]), py = area.py(m.y()[i]);
            if (!Double.isFinite(px) || !Double.isFinite(py)) continue;
            mark(g, m.shape(), m.colour(), m.size(), px, py);
        }
        if (m.labels() == null) return;
        Shape clip = g.getClip();
        g.setClip(null);
        for (int i = 0; i < m.x().length; i++) {
            if (m.labels()[i] == null) continue;
            double px = area.px(m.x()[i]), py = area.py(m.y()[i]);
            if (Double.isFinite(px) && Double.isFinite(py) && area.rect().contains(px, py)) {
                g.setFont(Theme.LABEL_FONT);
                FontMetrics fm = g.getFontMetrics();
                double[] at = placer.place(px, py, m.size() / 2, fm.stringWidth(m.labels()[i]), fm.getAscent(), fm.getDescent());
                double lx = at[0], ly = at[1];
                label(g, m.labels()[i], lx, ly, Color.BLACK);
            }
        }
        g.setClip(clip);
    }

    /** One mark of the given diameter centred at (px, py). */
    public static void mark(Graphics2D g, Markers.Shape shape, Color colour, double size, double px, double py) {
        double r = size / 2;
        switch (shape) {
            case DOT, POINT -> {
                Shape s = new Ellipse2D.Double(px - r, py - r, size, size);
                g.setColor(colour);
                g.fill(s);
                g.setColor(shape == Markers.Shape.POINT ? rim(colour) : contrast(colour));
                g.setStroke(new BasicStroke(shape == Markers.Shape.POINT ? 0.8f : 1f));
                g.draw(s);
            }
            case CIRCLE -> {
                Shape s = new Ellipse2D.Double(px - r, py - r, size, size);
                g.setColor(contrast(colour));
                g.setStroke(new BasicStroke(4f));
                g.draw(s);
                g.setColor(colour);
                g.setStroke(new BasicStroke(2.2f));
                g.draw(s);
            }
            case HOLE -> {
                Shape s = new Ellipse2D.Double(px - r, py - r, size, size);
                g.setColor(Color.WHITE);
                g.fill(s);
                g.setColor(colour);
                g.setStroke(new BasicStroke(1.8f));
                g.draw(s);
            }
            case CROSS -> {
                Path2D.Double s = new Path2D.Double();
                s.moveTo(px - r, py - r);
                s.lineTo(px + r, py + r);
                s.moveTo(px - r, py + r);
                s.lineTo(px + r, py - r);
                g.setColor(contrast(colour));
                g.setStroke(new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(s);
                g.setColor(colour);
                g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(s);
            }
            case STAR, TRIANGLE -> {
                Path2D.Double s = new Path2D.Double();
                int n = shape == Markers.Shape.STAR ? 10 : 3;
                for (int k = 0; k < n; k++) {
                    double a = -Math.PI / 2 + 2 * Math.PI * k / n;
                    double rr = shape == Markers.Shape.STAR && k % 2 == 1 ? r * 0.45 : r;
                    if (k == 0) s.moveTo(px + rr * Math.cos(a), py + rr * Math.sin(a));
                    else s.lineTo(px + rr * Math.cos(a), py + rr * Math.sin(a));
                }
                s.closePath();
                g.setColor(colour);
                g.fill(s);
                g.setColor(contrast(colour));
                g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(s);
            }
        }
    }

    /** A darker shade of c: the rim of a data point, which separates overlapping points without changing their size. */
    static Color rim(Color c) {
        return new Color((int) (c.getRed() * 0.6), (int) (c.getGreen() * 0.6), (int) (c.getBlue() * 0.6), 230);
    }

    /** Black or white, whichever stands out against c. */
    static Color contrast(Color c) {
        double lum = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return lum > 140 ? new Color(0, 0, 0, 200) : new Color(255, 255, 255, 220);
    }

    private static void band(Graphics2D g, Band b, DataArea area) {
        Path2D.Double path = new Path2D.Double();
        int n = b.x().length;
        boolean open = false;
        int start = 0;
        for (int i = 0; i <= n; i++) {
            boolean ok = i < n && Double.isFinite(b.lower()[i]) && Double.isFinite(b.upper()[i]);
            if (ok && !open) {
                open = true;
                start = i;
            } else if (!ok && open) {
                open = false;
                for (int k = start; k < i; k++) {
                    double px = area.px(b.x()[k]), py = clamp(area.py(b.upper()[k]));
                    if (k == start) path.moveTo(px, py);
                    else path.lineTo(px, py);
                }
                for (int k = i - 1; k >= start; k--) path.lineTo(area.px(b.x()[k]), clamp(area.py(b.lower()[k])));
                path.closePath();
            }
        }
        g.setColor(Palette.alpha(b.colour(), b.alpha()));
        g.fill(path);
    }

    private static void span(Graphics2D g, Span s, DataArea area) {
        double a = area.px(s.from()), b = area.px(s.to());
        Rectangle2D r = area.rect();
        g.setColor(Palette.alpha(s.colour(), s.alpha()));
        g.fill(new Rectangle2D.Double(Math.min(a, b), r.getMinY(), Math.abs(b - a), r.getHeight()));
    }

    /**
     * A caption under the data area's lower right corner, on the line of the x axis's name (an animation's
     * iteration counter): outside the data, where neither the legend nor a path can cover it.
     */
    public static void caption(Graphics2D g, String text, DataArea area, int pageHeight) {
        g.setFont(Theme.LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        label(g, text, area.rect().getMaxX() - fm.stringWidth(text) - 3, pageHeight - fm.getDescent() - 4, Theme.TEXT);
    }

    /** Text with its baseline's left end near (px, py), on a light rounded box so it reads on any background. */
    static Rectangle2D label(Graphics2D g, String text, double px, double py, Color colour) {
        g.setFont(Theme.LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        double w = fm.stringWidth(text), h = fm.getAscent() + fm.getDescent();
        Rectangle2D box = new Rectangle2D.Double(px - 3, py - fm.getAscent() - 2, w + 6, h + 4);
        g.setColor(new Color(255, 255, 255, 210));
        g.fill(new RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight(), 6, 6));
        g.setColor(colour);
        g.drawString(text, (float) px, (float) py);
        return box;
    }
}
