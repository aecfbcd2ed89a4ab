package org.gradus.plot.terminal;

import org.gradus.plot.figure.Axis;
import org.gradus.plot.figure.Band;
import org.gradus.plot.figure.Contours;
import org.gradus.plot.figure.Curve;
import org.gradus.plot.figure.Field;
import org.gradus.plot.figure.Figure;
import org.gradus.plot.figure.Grid;
import org.gradus.plot.figure.Label;
import org.gradus.plot.figure.Layer;
import org.gradus.plot.figure.Levels;
import org.gradus.plot.figure.Markers;
import org.gradus.plot.figure.Panel;
import org.gradus.plot.figure.Region;
import org.gradus.plot.figure.Span;
import org.gradus.plot.render.DataArea;
import org.gradus.plot.render.Ranges;
import org.gradus.plot.render.Ticks;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link Figure} in a terminal of columns × rows cells: curves, paths and contour lines in
 * braille dots (2 × 4 per cell), level sets as cell backgrounds in the band colours, marks as symbols
 * (o start, × end, ★ minimum, ▲ maximum, ● other), axes with ticks, and the legend below. Without
 * colours the level sets are drawn as their contour lines instead.
 */
public final class TerminalRenderer {
    private static final int AXIS = 0x808080;

    private TerminalRenderer() {
    }

    /**
     * @param colour whether the terminal shows colours (backgrounds carry the level sets)
     * @throws IllegalArgumentException when the terminal is too small for a picture (under 30 × 10)
     */
    public static TerminalPicture render(Figure figure, int columns, int rows, boolean colour) {
        if (columns < 30 || rows < 10) throw new IllegalArgumentException("the terminal is too small for a picture (" + columns + "×" + rows + "); it needs at least 30×10");
        figure = flattened(figure);
        List<String[]> legend = legendLines(figure);
        boolean hasField = figure.panels().stream().anyMatch(p -> p.field() != null);
        int legendRows = legend.size() + (hasField ? 1 : 0);
        int titleRows = figure.title() == null ? 0 : 1;
        TerminalPicture pic = new TerminalPicture(columns, rows);
        if (titleRows > 0) pic.text(0, Math.max(0, (columns - figure.title().length()) / 2), figure.title(), TerminalPicture.DEFAULT);
        int available = rows - titleRows - legendRows;
        int n = figure.panels().size();
        int each = Math.max(6, available / n);
        for (int k = 0; k < n; k++) panel(pic, figure.panels().get(k), titleRows + k * each, each, columns, colour);
        int row = titleRows + n * each;
        for (String[] entry : legend) {
            int rgb = Integer.parseInt(entry[0]);
            pic.text(row, 2, entry[1], rgb);
            pic.text(row, 2 + entry[1].length() + 1, entry[2], TerminalPicture.DEFAULT);
            row++;
        }
        if (hasField) colourBar(pic, row, figure, colour);
        return pic;
    }

    // ---- one panel --------------------------------------------------------------------------------

    private static void panel(TerminalPicture pic, Panel p, int top, int height, int columns, boolean colour) {
        Ranges.Range xr = Ranges.x(p), yr = Ranges.y(p);
        int titleRow = p.title() != null ? 1 : 0;
        if (titleRow > 0) pic.text(top, Math.max(0, (columns - p.title().length()) / 2), p.title(), TerminalPicture.DEFAULT);
        int plotTop = top + titleRow + 1;                  // a row for the y label
        int plotRows = height - titleRow - 4;              // y label, axis, x ticks, x label
        List<double[]> yTicks = ticks(yr, p.y(), Math.max(2, plotRows / 3));
        int margin = 1;
        for (double[] t : yTicks) margin = Math.max(margin, Ticks.format(t[0]).length());
        int left = margin + 1;                             // tick labels, then the axis column
        int plotCols = columns - left - 1;
        if (plotRows < 3 || plotCols < 10) return;
        DataArea area = new DataArea(new Rectangle2D.Double(0, 0, plotCols * 2, plotRows * 4), xr.lower(), xr.upper(), p.x().log(),
                yr.lower(), yr.upper(), p.y().log());
        BrailleCanvas canvas = new BrailleCanvas(plotCols, plotRows);
        for (Layer l : p.layers()) backgrounds(pic, l, area, plotTop, left + 1, plotRows, plotCols, colour, canvas);
        List<int[]> marks = new ArrayList<>();
        List<Object[]> labels = new ArrayList<>();
        for (Layer l : p.layers()) dots(l, area, canvas, marks, labels);
        canvas.drawOn(pic, plotTop, left + 1);
        for (int[] m : marks) pic.set(plotTop + m[0], left + 1 + m[1], (char) m[2], m[3], TerminalPicture.DEFAULT);
        for (Object[] lb : labels) {
            int r = (Integer) lb[0], c = (Integer) lb[1] + 2;
            String text = (String) lb[2];
            if (c + text.length() > plotCols) c = Math.max(0, (Integer) lb[1] - 1 - text.length());
            pic.text(plotTop + r, left + 1 + c, text, TerminalPicture.DEFAULT);
        }
        axes(pic, p, area, yTicks, xr, plotTop, left, plotRows, plotCols);
    }

    private static void axes(TerminalPicture pic, Panel p, DataArea area, List<double[]> yTicks, Ranges.Range xr,
                             int plotTop, int left, int plotRows, int plotCols) {
        pic.text(plotTop - 1, 0, p.y().label() == null ? "" : p.y().label(), TerminalPicture.DEFAULT);
        for (int r = 0; r < plotRows; r++) pic.set(plotTop + r, left, '│', AXIS, TerminalPicture.DEFAULT);
        int axisRow = plotTop + plotRows;
        pic.set(axisRow, left, '└', AXIS, TerminalPicture.DEFAULT);
        for (int c = 0; c < plotCols; c++) pic.set(axisRow, left + 1 + c, '─', AXIS, TerminalPicture.DEFAULT);
        for (double[] t : yTicks) {
            int r = Math.min(plotRows - 1, (int) Math.floor(area.py(t[0]) / 4));   // the lower bound sits on the last row
            if (r < 0) continue;
            String s = Ticks.format(t[0]);
            pic.text(plotTop + r, left - s.length(), s, TerminalPicture.DEFAULT);
            pic.set(plotTop + r, left, '┤', AXIS, TerminalPicture.DEFAULT);
        }
        int free = 0;
        for (double[] t : ticks(xr, p.x(), Math.max(2, plotCols / 12))) {
            int c = Math.min(plotCols - 1, (int) Math.floor(area.px(t[0]) / 2));   // the upper bound sits on the last column
            if (c < 0) continue;
            String s = Ticks.format(t[0]);
            int start = Math.max(0, left + 1 + c - s.length() / 2);
            if (start < free) continue;
            pic.set(axisRow, left + 1 + c, '┬', AXIS, TerminalPicture.DEFAULT);
            pic.text(axisRow + 1, start, s, TerminalPicture.DEFAULT);
            free = start + s.length() + 1;
        }
        String xl = p.x().label() == null ? "" : p.x().label();
        pic.text(axisRow + 2, left + 1 + Math.max(0, (plotCols - xl.length()) / 2), xl, TerminalPicture.DEFAULT);
    }

    /** Nice tick values in the range ({v}), linear (whole numbers on a count axis) or powers of ten. */
    static List<double[]> ticks(Ranges.Range r, Axis axis, int count) {
        List<double[]> out = new ArrayList<>();
        if (axis.log()) {
            int a = (int) Math.ceil(Math.log10(r.lower())), b = (int) Math.floor(Math.log10(r.upper()));
            int every = Math.max(1, (int) Math.ceil((b - a + 1) / (double) Math.max(1, count)));
            for (int k = a; k <= b; k += every) out.add(new double[]{Math.pow(10, k)});
            return out;
        }
        double step = axis.tickStep(Levels.niceStep(r.upper() - r.lower(), count));
        double v = Math.ceil(r.lower() / step - 1e-9) * step;
        for (int i = 0; v <= r.upper() + 1e-9 * step && i < 100; i++, v += step) out.add(new double[]{Math.abs(v) < step * 1e-9 ? 0 : v});
        return out;
    }

    /** The figure with each surface replaced by its level sets: a terminal cannot draw in three dimensions. */
    private static Figure flattened(Figure figure) {
        List<Panel> panels = new java.util.ArrayList<>();
        for (Panel p : figure.panels()) {
            List<Layer> layers = new java.util.ArrayList<>();
            for (Layer l : p.layers()) {
                if (l instanceof org.gradus.plot.figure.Surface s) layers.addAll(s.flat());
                else layers.add(l);
            }
            panels.add(new Panel(p.title(), p.x(), p.y(), layers, p.equalAspect()));
        }
        return new Figure(figure.title(), panels, figure.series());
    }

    // ---- layers -----------------------------------------------------------------------------------

    /** Cell backgrounds: level set bands, shaded regions, bands and spans (blended over what is there). */
    private static void backgrounds(TerminalPicture pic, Layer l, DataArea area, int top, int left, int rows, int cols, boolean colour,
                                    BrailleCanvas canvas) {
        for (int r = 0; r < rows; r++) {
            double y = area.dataY(4 * r + 2);
            for (int c = 0; c < cols; c++) {
                double x = area.dataX(2 * c + 1);
                int bg = pic.background(top + r, left + c);
                Integer tint = null;
                if (l instanceof Field f && colour) {
                    Color col = f.colourOf(f.grid().valueAt(x, y));
                    if (col != null) pic.background(top + r, left + c, col.getRGB() & 0xffffff);
                } else if (l instanceof Region g && g.draw().shades() && g.g().valueAt(x, y) <= 0) {
                    tint = blend(bg, g.colour(), Math.max(0.25, g.alpha()));
                } else if (l instanceof Span s && x >= Math.min(s.from(), s.to()) && x <= Math.max(s.from(), s.to())) {
                    tint = blend(bg, s.colour(), Math.max(0.2, s.alpha()));
                } else if (l instanceof Band b && inside(b, x, y)) {
                    tint = blend(bg, b.colour(), Math.max(0.3, b.alpha()));
                }
                if (tint != null && colour) pic.background(top + r, left + c, tint);
            }
        }
        if (l instanceof Field f && !colour) {
            for (double level : f.levels().lines()) contour(canvas, f.grid(), level, area, 0x808080);
        }
    }

    private static boolean inside(Band b, double x, double y) {
        double[] xs = b.x();
        for (int i = 0; i + 1 < xs.length; i++) {
            if (x >= Math.min(xs[i], xs[i + 1]) && x <= Math.max(xs[i], xs[i + 1])) {
                double t = xs[i + 1] == xs[i] ? 0 : (x - xs[i]) / (xs[i + 1] - xs[i]);
                double lo = b.lower()[i] + t * (b.lower()[i + 1] - b.lower()[i]), hi = b.upper()[i] + t * (b.upper()[i + 1] - b.upper()[i]);
                return y >= Math.min(lo, hi) && y <= Math.max(lo, hi);
            }
        }
        return false;
    }

    /** colour over bg (the terminal's own background counts as white) at alpha. */
    static int blend(int bg, Color c, double alpha) {
        int base = bg == TerminalPicture.DEFAULT ? 0xffffff : bg;
        int r = (int) Math.round(((base >> 16) & 255) * (1 - alpha) + c.getRed() * alpha);
        int g = (int) Math.round(((base >> 8) & 255) * (1 - alpha) + c.getGreen() * alpha);
        int b = (int) Math.round((base & 255) * (1 - alpha) + c.getBlue() * alpha);
        return r << 16 | g << 8 | b;
    }

    /** Dots for lines and outlines; marks and labels collected as {row, column, char, colour} and {row, column, text}. */
    private static void dots(Layer l, DataArea area, BrailleCanvas canvas, List<int[]> marks, List<Object[]> labels) {
        if (l instanceof Curve c) {
            int rgb = c.colour().getRGB() & 0xffffff;
            for (int i = 0; i + 1 < c.x().length; i++) {
                canvas.line(area.px(c.x()[i]), area.py(c.y()[i]), area.px(c.x()[i + 1]), area.py(c.y()[i + 1]), rgb);
            }
            if (c.x().length == 1) canvas.dot((int) area.px(c.x()[0]), (int) area.py(c.y()[0]), rgb);
        } else if (l instanceof Region g && g.draw().outlines()) {
            contour(canvas, g.g(), 0, area, g.colour().getRGB() & 0xffffff);
        } else if (l instanceof Markers m) {
            for (int i = 0; i < m.x().length; i++) {
                double px = area.px(m.x()[i]), py = area.py(m.y()[i]);
                if (!(px >= 0 && py >= 0 && px < canvas.width() && py < canvas.height())) continue;
                int row = (int) (py / 4), col = (int) (px / 2);
                marks.add(new int[]{row, col, symbol(m.shape()), m.colour().getRGB() & 0xffffff});
                if (m.labels() != null && m.labels()[i] != null) labels.add(new Object[]{row, col, m.labels()[i]});
            }
        } else if (l instanceof Label t) {
            double px = area.px(t.x()), py = area.py(t.y());
            if (px >= 0 && py >= 0 && px < canvas.width() && py < canvas.height()) labels.add(new Object[]{(int) (py / 4), (int) (px / 2) - 2, t.text()});
        }
    }

    private static void contour(BrailleCanvas canvas, Grid grid, double level, DataArea area, int rgb) {
        for (double[][] line : Contours.trace(grid, level)) {
            for (int k = 0; k + 1 < line[0].length; k++) {
                canvas.line(area.px(line[0][k]), area.py(line[1][k]), area.px(line[0][k + 1]), area.py(line[1][k + 1]), rgb);
            }
        }
    }

    static char symbol(Markers.Shape s) {
        return switch (s) {
            case CIRCLE, HOLE -> 'o';
            case CROSS -> '×';
            case STAR -> '★';
            case TRIANGLE -> '▲';
            case DOT, POINT -> '●';
        };
    }

    // ---- legend and colour bar --------------------------------------------------------------------

    /**
     * A legend colour that reads on a light terminal as on a dark one: a white path (white reads best on
     * the field) is listed in mid grey, as the PNG legend does.
     */
    static Color readable(Color c) {
        return c.getRed() > 235 && c.getGreen() > 235 && c.getBlue() > 235 ? new Color(0xa0a0a0) : c;
    }

    /** {rgb, glyph, text} per legend entry of every panel. */
    private static List<String[]> legendLines(Figure figure) {
        List<String[]> out = new ArrayList<>();
        for (Panel p : figure.panels()) {
            for (Layer l : p.legendLayers()) {
                Color c;
                String glyph;
                if (l instanceof Curve cv) {
                    c = cv.colour();
                    glyph = cv.dash() == Curve.Dash.SOLID ? "━━" : "╍╍";
                } else if (l instanceof Markers m) {
                    c = m.colour();
                    glyph = " " + symbol(m.shape());
                } else if (l instanceof Region g) {
                    c = g.colour();
                    glyph = "▒▒";
                } else if (l instanceof Band b) {
                    c = b.colour();
                    glyph = "░░";
                } else if (l instanceof Span s) {
                    c = s.colour();
                    glyph = "░░";
                } else {
                    continue;
                }
                out.add(new String[]{Integer.toString(readable(c).getRGB() & 0xffffff), glyph, l.legend()});
            }
        }
        return out;
    }

    private static void colourBar(TerminalPicture pic, int row, Figure figure, boolean colour) {
        for (Panel p : figure.panels()) {
            Field f = p.field();
            if (f == null) continue;
            double[] b = f.levels().bounds();
            String lo = f.valueLabel() + " " + Ticks.format(b[0]) + " ";
            pic.text(row, 2, lo, TerminalPicture.DEFAULT);
            int c = 2 + lo.length();
            for (int k = 0; k < f.levels().bands(); k++) {
                int rgb = f.colours().at(f.levels().colourPosition(k)).getRGB() & 0xffffff;
                pic.set(row, c, colour ? ' ' : "·:-=+*#%@".charAt(Math.min(8, k * 9 / f.levels().bands())), TerminalPicture.DEFAULT, colour ? rgb : TerminalPicture.DEFAULT);
                pic.set(row, c + 1, colour ? ' ' : "·:-=+*#%@".charAt(Math.min(8, k * 9 / f.levels().bands())), TerminalPicture.DEFAULT, colour ? rgb : TerminalPicture.DEFAULT);
                c += 2;
            }
            pic.text(row, c + 1, Ticks.format(b[b.length - 1]) + (f.levels().log() ? "  (log-spaced levels)" : ""), TerminalPicture.DEFAULT);
            return;
        }
    }
}
