package org.gradus.plot.render;

import org.gradus.plot.figure.Axis;
import org.gradus.plot.figure.Field;
import org.gradus.plot.figure.Panel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.ColumnArrangement;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.ui.Size2D;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One panel as a JFreeChart: an {@link XYPlot} without datasets whose axes span the panel's ranges,
 * whose layers are drawn by one annotation through {@link LayerPainter}, with the legend inside the
 * plot (in the corner the data leave free) and, for a field, a colour bar on the right.
 */
final class PanelChart {
    private final Panel panel;
    private final Ranges.Range xr, yr;
    /** The data area of the last drawing (set while drawing). */
    private DataArea lastArea;
    private List<Rectangle2D> lastTexts = List.of();
    /** Extra space left and right, top and bottom of the plot, in pixels. */
    private double[] shrink = {0, 0};

    PanelChart(Panel panel, Ranges.Range xr, Ranges.Range yr) {
        this.panel = panel;
        this.xr = xr;
        this.yr = yr;
    }

    /** Narrows (shrink[0] on each side) or shortens (shrink[1] at top and bottom) the plot. */
    void shrink(double[] by) {
        this.shrink = by;
    }

    DataArea lastArea() {
        return lastArea;
    }

    /** The texts the layers drew (labels of marks, label layers) in fractions of the data area, y up, for the legend. */
    private List<Rectangle2D> textFractions() {
        List<Rectangle2D> out = new ArrayList<>();
        if (lastArea == null) return out;
        Rectangle2D a = lastArea.rect();
        for (Rectangle2D t : lastTexts) {
            out.add(new Rectangle2D.Double((t.getMinX() - a.getMinX()) / a.getWidth(), (a.getMaxY() - t.getMaxY()) / a.getHeight(),
                    t.getWidth() / a.getWidth(), t.getHeight() / a.getHeight()));
        }
        return out;
    }

    /** The chart; with {@code measureOnly} the layers are not drawn (used to find the data area first). */
    JFreeChart chart(boolean measureOnly, boolean withLayers) {
        ValueAxis x = axis(panel.x(), xr, 8);
        ValueAxis y = axis(panel.y(), yr, 7);
        XYPlot plot = new XYPlot(null, x, y, null);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Theme.AXIS);
        plot.setOutlineStroke(new BasicStroke(0.8f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(4 + shrink[1], 4 + shrink[0], 4 + shrink[1], 10 + shrink[0]));
        boolean field = panel.field() != null;
        plot.setDomainGridlinesVisible(!field);
        plot.setRangeGridlinesVisible(!field);
        plot.setDomainGridlinePaint(Theme.GRID);
        plot.setRangeGridlinePaint(Theme.GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.8f));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.addAnnotation(new LayersAnnotation(measureOnly || !withLayers));
        if (!measureOnly && !panel.legendEntries().isEmpty()) {
            LegendTitle legend = new LegendTitle(() -> Legends.items(panel), new ColumnArrangement(), new ColumnArrangement());
            legend.setItemFont(Theme.LEGEND_FONT);
            legend.setItemPaint(Theme.TEXT);
            legend.setBackgroundPaint(new Color(255, 255, 255, 215));
            legend.setFrame(new BlockBorder(new Color(0xcccccc)));
            legend.setPadding(new RectangleInsets(4, 6, 4, 6));
            legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 2));
            legend.setLegendItemGraphicPadding(new RectangleInsets(2, 4, 2, 2));
            legend.setPosition(RectangleEdge.RIGHT);
            legend.setVerticalAlignment(org.jfree.chart.ui.VerticalAlignment.TOP);
            plot.addAnnotation(new LegendAnnotation(legend, (w, h) -> Legends.freeCorner(panel, xr, yr, w, h, textFractions())));
        }
        JFreeChart chart = new JFreeChart(null, Theme.TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(2, 2, 2, 2));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (panel.title() != null) {
            TextTitle t = new TextTitle(panel.title(), Theme.PANEL_TITLE_FONT);
            t.setPaint(Theme.TEXT);
            t.setPadding(new RectangleInsets(0, 0, 4, 0));
            chart.setTitle(t);
        }
        Field f = panel.field();
        if (f != null) chart.addSubtitle(colourBar(f));
        return chart;
    }

    /** An axis over r with about {@code ticks} nicely spaced ticks (JFreeChart's own choice is denser). */
    private ValueAxis axis(Axis a, Ranges.Range r, int ticks) {
        ValueAxis axis;
        if (a.log()) {
            LogAxis log = new LogAxis(a.label());
            log.setSmallestValue(Double.MIN_NORMAL);
            log.setBase(10);
            log.setBaseSymbol("10");
            log.setMinorTickMarksVisible(true);
            double decades = Math.log10(r.upper()) - Math.log10(Math.max(r.lower(), Double.MIN_NORMAL));
            if (decades >= 2) {   // whole decades, as matplotlib's LogLocator labels them (JFreeChart would put 10^0.5 between)
                log.setAutoTickUnitSelection(false);
                log.setTickUnit(new NumberTickUnit(Math.ceil(decades / 8)));
            }
            axis = log;
        } else {
            NumberAxis n = new NumberAxis(a.label());
            n.setAutoRangeIncludesZero(false);
            double step = a.tickStep(org.gradus.plot.figure.Levels.niceStep(r.upper() - r.lower(), ticks));
            n.setTickUnit(new NumberTickUnit(step, new TickFormat()));
            axis = n;
        }
        axis.setAutoRange(false);
        axis.setRange(r.lower(), r.upper());
        axis.setLabelFont(Theme.AXIS_LABEL_FONT);
        axis.setLabelPaint(Theme.TEXT);
        axis.setTickLabelFont(Theme.TICK_FONT);
        axis.setTickLabelPaint(Theme.TEXT);
        axis.setAxisLinePaint(Theme.AXIS);
        axis.setTickMarkPaint(Theme.AXIS);
        axis.setTickMarkOutsideLength(4);
        axis.setTickMarkInsideLength(0);
        axis.setLabelInsets(new RectangleInsets(2, 2, 2, 2));
        return axis;
    }

    /** The field's colour bar: one equal block per band, labelled with the level values at the block edges. */
    private static PaintScaleLegend colourBar(Field f) {
        int bands = f.levels().bands();
        double[] bounds = f.levels().bounds();
        PaintScale scale = new PaintScale() {
            @Override
            public double getLowerBound() {
                return 0;
            }

            @Override
            public double getUpperBound() {
                return bands;
            }

            @Override
            public Paint getPaint(double v) {
                int k = Math.max(0, Math.min(bands - 1, (int) Math.floor(v)));
                return f.colours().at(f.levels().colourPosition(k));
            }
        };
        NumberAxis axis = new NumberAxis(f.valueLabel());
        axis.setRange(0, bands);
        int every = Math.max(1, (int) Math.ceil((bands + 1) / 16.0));
        axis.setTickUnit(new NumberTickUnit(every, new LevelFormat(bounds)));
        axis.setTickLabelFont(Theme.TICK_FONT);
        axis.setTickLabelPaint(Theme.TEXT);
        axis.setLabelFont(Theme.AXIS_LABEL_FONT);
        axis.setLabelPaint(Theme.TEXT);
        axis.setAxisLineVisible(false);
        axis.setTickMarkOutsideLength(3);
        PaintScaleLegend bar = new PaintScaleLegend(scale, axis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        bar.setStripWidth(14);
        bar.setStripOutlineVisible(false);
        bar.setSubdivisionCount(bands);              // one block per band
        bar.setAxisOffset(2);
        bar.setMargin(new RectangleInsets(6, 2, 28, 2));
        bar.setBackgroundPaint(Color.WHITE);
        return bar;
    }

    /** Tick labels as {@link Ticks#format} writes numbers (no 0.30000000000000004, no trailing zeros). */
    private static final class TickFormat extends NumberFormat {
        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            return to.append(Ticks.format(Math.abs(number) < 1e-12 ? 0 : number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return to.append(number);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null;
        }
    }

    /** Tick k of the colour bar shows the k-th level bound. */
    private static final class LevelFormat extends NumberFormat {
        private final double[] bounds;

        LevelFormat(double[] bounds) {
            this.bounds = bounds;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            int k = (int) Math.round(number);
            if (k >= 0 && k < bounds.length && Math.abs(number - k) < 1e-6) to.append(Ticks.format(bounds[k]));
            return to;
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null;
        }
    }

    /**
     * The legend inside the data area, in a corner, 6 pixels from its edges (placed in pixels: relative
     * data coordinates would be wrong on a log axis).
     */
    private static final class LegendAnnotation extends AbstractXYAnnotation {
        private final LegendTitle legend;
        /** The place for a legend of this width and height (fractions of the data area, margins included). */
        private final BiFunction<Double, Double, Legends.Corner> place;

        LegendAnnotation(LegendTitle legend, BiFunction<Double, Double, Legends.Corner> place) {
            this.legend = legend;
            this.place = place;
        }

        @Override
        public void draw(Graphics2D g, XYPlot plot, Rectangle2D area, ValueAxis x, ValueAxis y, int index, PlotRenderingInfo info) {
            // the legend's natural size; on a small picture a smaller font, down to 7 px, rather than a legend
            // cut at the data area's edge
            Size2D size = legend.arrange(g, RectangleConstraint.NONE);
            while ((size.width > area.getWidth() - 12 || size.height > area.getHeight() - 12) && legend.getItemFont().getSize2D() > 7) {
                legend.setItemFont(legend.getItemFont().deriveFont(legend.getItemFont().getSize2D() - 1));
                size = legend.arrange(g, RectangleConstraint.NONE);
            }
            Legends.Corner corner = place.apply((size.width + 12) / area.getWidth(), (size.height + 12) / area.getHeight());
            double left = corner.x() == 0.5 ? area.getCenterX() - size.width / 2
                    : corner.x() > 0.5 ? area.getMaxX() - 6 - size.width : area.getMinX() + 6;
            double top = corner.y() == 0.5 ? area.getCenterY() - size.height / 2
                    : corner.y() > 0.5 ? area.getMinY() + 6 : area.getMaxY() - 6 - size.height;
            legend.draw(g, new Rectangle2D.Double(left, top, size.width, size.height));
        }
    }

    /** Draws the panel's layers in order through {@link LayerPainter}, and records the data area. */
    private final class LayersAnnotation extends AbstractXYAnnotation {
        private final boolean skip;

        LayersAnnotation(boolean skip) {
            this.skip = skip;
        }

        @Override
        public void draw(Graphics2D g, XYPlot plot, Rectangle2D dataArea, ValueAxis x, ValueAxis y, int index, PlotRenderingInfo info) {
            lastArea = new DataArea(dataArea, x.getLowerBound(), x.getUpperBound(), panel.x().log(),
                    y.getLowerBound(), y.getUpperBound(), panel.y().log());
            lastTexts = List.of();
            if (skip) return;
            lastTexts = LayerPainter.paintAll(g, panel.layers(), lastArea);
        }
    }
}
