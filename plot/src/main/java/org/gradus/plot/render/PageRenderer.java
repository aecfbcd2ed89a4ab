package org.gradus.plot.render;

import org.gradus.plot.figure.Figure;
import org.gradus.plot.figure.Panel;
import org.jfree.chart.JFreeChart;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link Figure} on a page of width × height pixels: white, the title (plain) on top, the
 * panels stacked top to bottom below it. Returns where each panel's data went, for tests and for
 * animations that draw growing paths over a fixed background.
 */
public final class PageRenderer {
    static {
        // JFreeChart's workaround draws rotated text (the y label) as glyph outlines, which an SVG shows
        // hollow; plain drawString under a rotation is right on current JDKs and stays text in SVG
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private PageRenderer() {
    }

    /** Draws the figure; with {@code withLayers} false only axes, legends and colour bars are drawn. */
    public static List<DataArea> draw(Figure figure, Graphics2D g, int width, int height, boolean withLayers) {
        hints(g);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        double top = Theme.MARGIN;
        if (figure.title() != null && !figure.title().isBlank()) {
            g.setFont(Theme.TITLE_FONT);
            g.setColor(Theme.TEXT);
            FontMetrics fm = g.getFontMetrics();
            String title = figure.title();
            g.drawString(title, (float) (width - fm.stringWidth(title)) / 2f, (float) (top + fm.getAscent()));
            top += fm.getHeight() + 4;
        }
        int n = figure.panels().size();
        double each = (height - top - Theme.MARGIN) / n;
        List<DataArea> areas = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Rectangle2D rect = new Rectangle2D.Double(Theme.MARGIN, top + k * each, width - 2.0 * Theme.MARGIN, each);
            areas.add(drawPanel(figure.panels().get(k), g, rect, withLayers));
        }
        return areas;
    }

    /** Antialiased shapes and text, exact stroke placement, quality over speed. */
    public static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    private static DataArea drawPanel(Panel panel, Graphics2D g, Rectangle2D rect, boolean withLayers) {
        for (org.gradus.plot.figure.Layer l : panel.layers()) {
            if (l instanceof org.gradus.plot.figure.Surface s) {      // three dimensions: its own axes, no chart
                SurfacePainter.draw(g, rect, s);
                return new DataArea(rect, 0, 1, false, 0, 1, false);
            }
        }
        Ranges.Range xr = Ranges.x(panel), yr = Ranges.y(panel);
        PanelChart pc = new PanelChart(panel, xr, yr);
        if (panel.equalAspect() && !panel.x().log() && !panel.y().log()) {
            pc.shrink(equalAspect(xr, yr, measure(panel, xr, yr, rect).rect()));
        }
        JFreeChart chart = pc.chart(false, withLayers);
        Graphics2D sub = (Graphics2D) g.create();
        try {
            chart.draw(sub, rect);
        } finally {
            sub.dispose();
        }
        return pc.lastArea();
    }

    /** Where the data area would be, found by drawing axes and titles to a scratch image. */
    private static DataArea measure(Panel panel, Ranges.Range xr, Ranges.Range yr, Rectangle2D rect) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            hints(g);
            PanelChart pc = new PanelChart(panel, xr, yr);
            pc.chart(true, false).draw(g, rect);
            return pc.lastArea();
        } finally {
            g.dispose();
        }
    }

    /**
     * How much narrower (or shorter) the data area must be, split in {left/right, top/bottom} pixels, so
     * one unit is as long on both axes (matplotlib's {@code set_aspect('equal')}, adjusting the box).
     */
    static double[] equalAspect(Ranges.Range xr, Ranges.Range yr, Rectangle2D area) {
        double xs = (xr.upper() - xr.lower()) / area.getWidth(), ys = (yr.upper() - yr.lower()) / area.getHeight();
        if (xs < ys) return new double[]{(area.getWidth() - (xr.upper() - xr.lower()) / ys) / 2, 0};
        return new double[]{0, (area.getHeight() - (yr.upper() - yr.lower()) / xs) / 2};
    }
}
