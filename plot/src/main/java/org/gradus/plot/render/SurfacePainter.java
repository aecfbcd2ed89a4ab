package org.gradus.plot.render;

import org.gradus.plot.figure.Grid;
import org.gradus.plot.figure.Surface;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Draws a {@link Surface} as matplotlib's 3-D axes do: the box of the data seen from the surface's elevation and
 * azimuth (an orthographic view, the box 4 : 4 : 3 as matplotlib's default aspect), its three far panes light grey
 * with grid lines at the ticks, ticks and labels on the x and y edges in front and the z edge at the left, then the
 * faces from the farthest to the nearest (the painter's algorithm, exact for a surface over a grid seen from above
 * its edge), each coloured by its mean height, then the paths and points on top.
 */
final class SurfacePainter {
    private static final double[] ASPECT = {4, 4, 3};
    private static final Color PANE = new Color(0xf2f2f2), PANE_EDGE = new Color(0xbdbdbd), PANE_GRID = new Color(0xd9d9d9);

    private final Surface s;
    private final double[] lo = new double[3], hi = new double[3];
    private final double[] right, up, toward;
    private double scale, cx, cy;

    private SurfacePainter(Surface s) {
        this.s = s;
        Grid g = s.grid();
        lo[0] = g.xs()[0];
        hi[0] = g.xs()[g.columns() - 1];
        lo[1] = g.ys()[0];
        hi[1] = g.ys()[g.rows() - 1];
        double[] z = g.finiteValues();
        lo[2] = java.util.Arrays.stream(z).min().orElse(0);
        hi[2] = java.util.Arrays.stream(z).max().orElse(1);
        if (!(hi[2] > lo[2])) {
            lo[2] -= 0.5;
            hi[2] += 0.5;
        }
        double a = Math.toRadians(s.azimuth()), e = Math.toRadians(s.elevation());
        right = new double[]{-Math.sin(a), Math.cos(a), 0};
        up = new double[]{-Math.cos(a) * Math.sin(e), -Math.sin(a) * Math.sin(e), Math.cos(e)};
        toward = new double[]{Math.cos(a) * Math.cos(e), Math.sin(a) * Math.cos(e), Math.sin(e)};
    }

    /** Draws the surface in rect. */
    static void draw(Graphics2D g, Rectangle2D rect, Surface s) {
        new SurfacePainter(s).paint(g, rect);
    }

    private void paint(Graphics2D g, Rectangle2D rect) {
        fit(rect);
        panes(g);
        faces(g);
        lines(g);
        axes(g);
        legend(g, rect);
    }

    // ---- projection --------------------------------------------------------------------------------

    /** The box coordinate of a data value on axis k: centred, scaled to the aspect. */
    private double box(int k, double v) {
        return ((v - lo[k]) / (hi[k] - lo[k]) - 0.5) * ASPECT[k];
    }

    /** {page x, page y, depth (larger is nearer)} of a data point. */
    private double[] project(double x, double y, double z) {
        double bx = box(0, x), by = box(1, y), bz = box(2, z);
        double u = bx * right[0] + by * right[1] + bz * right[2];
        double v = bx * up[0] + by * up[1] + bz * up[2];
        double d = bx * toward[0] + by * toward[1] + bz * toward[2];
        return new double[]{cx + scale * u, cy - scale * v, d};
    }

    private double[] corner(int i, int j, int k) {
        return project(i == 0 ? lo[0] : hi[0], j == 0 ? lo[1] : hi[1], k == 0 ? lo[2] : hi[2]);
    }

    /** The scale and centre that fit the box's eight corners in rect, with room for the tick and axis labels. */
    private void fit(Rectangle2D rect) {
        scale = 1;
        cx = 0;
        cy = 0;
        double minU = Double.POSITIVE_INFINITY, maxU = Double.NEGATIVE_INFINITY, minV = Double.POSITIVE_INFINITY, maxV = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < 8; c++) {
            double[] p = corner(c & 1, c >> 1 & 1, c >> 2 & 1);
            minU = Math.min(minU, p[0]);
            maxU = Math.max(maxU, p[0]);
            minV = Math.min(minV, p[1]);
            maxV = Math.max(maxV, p[1]);
        }
        double room = 70;
        scale = Math.min((rect.getWidth() - 2 * room) / (maxU - minU), (rect.getHeight() - 2 * room) / (maxV - minV));
        cx = rect.getCenterX() - scale * (minU + maxU) / 2;
        cy = rect.getCenterY() - scale * (minV + maxV) / 2;
    }

    // ---- the box -----------------------------------------------------------------------------------

    /** For axis k, the end (0 for lo, 1 for hi) whose pane lies behind the data: the one farther from the viewer. */
    private int far(int k) {
        return toward[k] > 0 ? 0 : 1;
    }

    private void panes(Graphics2D g) {
        for (int k = 0; k < 3; k++) {
            int at = k == 2 ? 0 : far(k);                     // the floor, and the two far walls
            int a = (k + 1) % 3, b = (k + 2) % 3;
            Path2D.Double pane = new Path2D.Double();
            for (int c = 0; c < 4; c++) {
                int[] ijk = new int[3];
                ijk[k] = at;
                ijk[a] = c == 1 || c == 2 ? 1 : 0;
                ijk[b] = c >= 2 ? 1 : 0;
                double[] p = corner(ijk[0], ijk[1], ijk[2]);
                if (c == 0) pane.moveTo(p[0], p[1]);
                else pane.lineTo(p[0], p[1]);
            }
            pane.closePath();
            g.setColor(PANE);
            g.fill(pane);
            g.setStroke(new BasicStroke(0.8f));
            g.setColor(PANE_GRID);
            for (int axis : new int[]{a, b}) {
                int other = axis == a ? b : a;
                for (double t : ticks(axis)) {
                    double[] p = point(k, at, axis, t, other, 0), q = point(k, at, axis, t, other, 1);
                    g.draw(new java.awt.geom.Line2D.Double(p[0], p[1], q[0], q[1]));
                }
            }
            g.setColor(PANE_EDGE);
            g.draw(pane);
        }
    }

    /** The page point on the pane k = at (0 lo, 1 hi) where axis has the value t and other is at its end e. */
    private double[] point(int k, int at, int axis, double t, int other, int e) {
        double[] v = new double[3];
        v[k] = at == 0 ? lo[k] : hi[k];
        v[axis] = t;
        v[other] = e == 0 ? lo[other] : hi[other];
        return project(v[0], v[1], v[2]);
    }

    /** About five round tick values inside the range of axis k. */
    private double[] ticks(int k) {
        double range = hi[k] - lo[k], raw = range / 5, mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            step = m * mag;
            if (range / step <= 6) break;
        }
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(lo[k] / step - 1e-9) * step; t <= hi[k] + 1e-9 * step; t += step) out.add(Math.abs(t) < 1e-12 * step ? 0 : t);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Tick labels and the axis label of each axis along one edge of the box: x and y on the floor's edges nearest the
     * viewer (matplotlib's places), z on the vertical edge farthest left on the page.
     */
    private void axes(Graphics2D g) {
        int nearX = 1 - far(0), nearY = 1 - far(1);
        edge(g, 0, new int[]{-1, nearY, 0}, s.xLabel());
        edge(g, 1, new int[]{nearX, -1, 0}, s.yLabel());
        int bestI = 0, bestJ = 0;
        double left = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                if (i == nearX && j == nearY) continue;        // the front edge would cross the surface
                double u = corner(i, j, 0)[0];
                if (u < left) {
                    left = u;
                    bestI = i;
                    bestJ = j;
                }
            }
        }
        edge(g, 2, new int[]{bestI, bestJ, -1}, s.zLabel());
    }

    /** Ticks along the edge of axis k, the other two coordinates at the given ends; labels pushed away from the box. */
    private void edge(Graphics2D g, int k, int[] ends, String label) {
        double[] centre = project((lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, (lo[2] + hi[2]) / 2);
        double[] v = new double[3];
        for (int a = 0; a < 3; a++) if (a != k) v[a] = ends[a] == 0 ? lo[a] : hi[a];
        v[k] = lo[k];
        double[] p0 = project(v[0], v[1], v[2]);
        v[k] = hi[k];
        double[] p1 = project(v[0], v[1], v[2]);
        g.setColor(Theme.AXIS);
        g.setStroke(new BasicStroke(1f));
        g.draw(new java.awt.geom.Line2D.Double(p0[0], p0[1], p1[0], p1[1]));
        double mx = (p0[0] + p1[0]) / 2, my = (p0[1] + p1[1]) / 2;
        double ox = mx - centre[0], oy = my - centre[1], on = Math.hypot(ox, oy);
        if (k == 2) {
            ox = -1;
            oy = 0;
            on = 1;
        }
        ox /= on;
        oy /= on;
        g.setFont(Theme.TICK_FONT);
        FontMetrics fm = g.getFontMetrics();
        double widest = 0;
        for (double t : ticks(k)) {
            v[k] = t;
            double[] p = project(v[0], v[1], v[2]);
            g.draw(new java.awt.geom.Line2D.Double(p[0], p[1], p[0] + 4 * ox, p[1] + 4 * oy));
            String text = Ticks.format(t);
            double w = fm.stringWidth(text);
            widest = Math.max(widest, w);
            double tx = p[0] + 14 * ox - w / 2 * (1 - Math.abs(ox)) - (ox < 0 ? w * Math.abs(ox) : 0);
            double ty = p[1] + 14 * oy + fm.getAscent() / 2.0;
            g.setColor(Theme.TEXT);
            g.drawString(text, (float) tx, (float) ty);
            g.setColor(Theme.AXIS);
        }
        if (label == null) return;
        g.setFont(Theme.AXIS_LABEL_FONT);
        fm = g.getFontMetrics();
        double gap = k == 2 ? 30 + widest : 32;
        double lx = mx + gap * ox - fm.stringWidth(label) / 2.0, ly = my + gap * oy + fm.getAscent() / 2.0;
        g.setColor(Theme.TEXT);
        g.drawString(label, (float) lx, (float) ly);
    }

    // ---- the surface -------------------------------------------------------------------------------

    private record Face(Path2D.Double shape, double depth, Color colour) {
    }

    private void faces(Graphics2D g) {
        Grid grid = s.grid();
        double[][] z = grid.z();
        List<Face> faces = new ArrayList<>();
        for (int j = 0; j + 1 < grid.rows(); j++) {
            for (int i = 0; i + 1 < grid.columns(); i++) {
                double a = z[j][i], b = z[j][i + 1], c = z[j + 1][i + 1], d = z[j + 1][i];
                if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) continue;
                double[] p = project(grid.xs()[i], grid.ys()[j], a), q = project(grid.xs()[i + 1], grid.ys()[j], b);
                double[] r = project(grid.xs()[i + 1], grid.ys()[j + 1], c), t = project(grid.xs()[i], grid.ys()[j + 1], d);
                Path2D.Double shape = new Path2D.Double();
                shape.moveTo(p[0], p[1]);
                shape.lineTo(q[0], q[1]);
                shape.lineTo(r[0], r[1]);
                shape.lineTo(t[0], t[1]);
                shape.closePath();
                double mean = (a + b + c + d) / 4;
                faces.add(new Face(shape, (p[2] + q[2] + r[2] + t[2]) / 4, s.colours().at((mean - lo[2]) / (hi[2] - lo[2]))));
            }
        }
        faces.sort(Comparator.comparingDouble(Face::depth));
        g.setStroke(new BasicStroke(0.6f));
        for (Face f : faces) {
            g.setColor(f.colour());
            g.fill(f.shape());
            g.draw(f.shape());          // the edge in the face's colour closes the hairline seams between faces
        }
    }

    private void lines(Graphics2D g) {
        for (Surface.Line l : s.lines()) {
            Path2D.Double path = new Path2D.Double();
            boolean open = false;
            for (int i = 0; i < l.x().length; i++) {
                if (!Double.isFinite(l.z()[i])) {
                    open = false;
                    continue;
                }
                double[] p = project(l.x()[i], l.y()[i], l.z()[i]);
                if (open) path.lineTo(p[0], p[1]);
                else path.moveTo(p[0], p[1]);
                open = true;
            }
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(path);
            g.setColor(l.colour());
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(path);
            int first = 0, last = l.x().length - 1;                // a circle at the start, a cross at the end, as on level sets
            while (first <= last && !Double.isFinite(l.z()[first])) first++;
            while (last >= first && !Double.isFinite(l.z()[last])) last--;
            if (first > last) continue;
            double[] a = project(l.x()[first], l.y()[first], l.z()[first]), b = project(l.x()[last], l.y()[last], l.z()[last]);
            LayerPainter.mark(g, org.gradus.plot.figure.Markers.Shape.CIRCLE, l.colour(), 11, a[0], a[1]);
            LayerPainter.mark(g, org.gradus.plot.figure.Markers.Shape.CROSS, l.colour(), 11, b[0], b[1]);
        }
        // the labels after every mark, each where it covers no mark and no other label (as on level sets)
        List<org.gradus.plot.figure.Layer> marks = new ArrayList<>();
        for (Surface.Point pt : s.points()) {
            double[] p = project(pt.x(), pt.y(), pt.z());
            LayerPainter.mark(g, pt.shape(), pt.colour(), 12, p[0], p[1]);
            marks.add(org.gradus.plot.figure.Markers.at(p[0], p[1], pt.shape(), pt.colour(), 12, null));
        }
        Rectangle2D page = g.getClipBounds() != null ? g.getClipBounds() : new Rectangle2D.Double(0, 0, 1e4, 1e4);
        DataArea identity = new DataArea(page, page.getMinX(), page.getMaxX(), false, page.getMaxY(), page.getMinY(), false);
        LabelPlacer placer = new LabelPlacer(page, marks, identity);
        g.setFont(Theme.LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        for (Surface.Point pt : s.points()) {
            if (pt.label() == null) continue;
            double[] p = project(pt.x(), pt.y(), pt.z());
            double[] at = placer.place(p[0], p[1], 6, fm.stringWidth(pt.label()), fm.getAscent(), fm.getDescent());
            LayerPainter.label(g, pt.label(), at[0], at[1], Theme.TEXT);
        }
    }

    /** The paths' names at the top left, each beside a short line of its colour. */
    private void legend(Graphics2D g, Rectangle2D rect) {
        List<Surface.Line> named = s.lines().stream().filter(l -> l.legend() != null).toList();
        if (named.isEmpty()) return;
        g.setFont(Theme.LEGEND_FONT);
        FontMetrics fm = g.getFontMetrics();
        double x = rect.getMinX() + 10, y = rect.getMinY() + 10, row = fm.getHeight() + 2;
        double width = 0;
        for (Surface.Line l : named) width = Math.max(width, fm.stringWidth(l.legend()));
        Rectangle2D box = new Rectangle2D.Double(x, y, width + 46, row * named.size() + 8);
        g.setColor(new Color(255, 255, 255, 220));
        g.fill(box);
        g.setColor(PANE_EDGE);
        g.setStroke(new BasicStroke(0.8f));
        g.draw(box);
        for (int k = 0; k < named.size(); k++) {
            double ly = y + 4 + row * k + row / 2;
            g.setColor(named.get(k).colour());
            g.setStroke(new BasicStroke(2f));
            g.draw(new java.awt.geom.Line2D.Double(x + 6, ly, x + 30, ly));
            g.setColor(Theme.TEXT);
            g.drawString(named.get(k).legend(), (float) (x + 38), (float) (ly + fm.getAscent() / 2.0 - 1));
        }
    }
}
