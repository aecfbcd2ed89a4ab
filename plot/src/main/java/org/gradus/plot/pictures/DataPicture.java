package org.gradus.plot.pictures;

import org.gradus.data.DataSet;
import org.gradus.expr.Layout;
import org.gradus.expr.VariableBlock;
import org.gradus.expr.VectorVariable;
import org.gradus.optim.OptimizationResult;
import org.gradus.plot.figure.Axis;
import org.gradus.plot.figure.ColourMap;
import org.gradus.plot.figure.Curve;
import org.gradus.plot.figure.Figure;
import org.gradus.plot.figure.Label;
import org.gradus.plot.figure.Layer;
import org.gradus.plot.figure.Markers;
import org.gradus.plot.figure.Palette;
import org.gradus.plot.figure.Panel;
import org.gradus.plot.render.Ticks;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code plot data}: a data set's rows as points — two features against each other, coloured by the
 * target (one colour per class when the target takes at most 10 whole-number values, else five quantile
 * bins of viridis), or one feature against the target. With {@code model: r} the fitted linear model of
 * the result is drawn: the line w·x + b for one feature, the decision boundary w·x + b = 0 of a
 * classifier for two (further features held at their mean); for a multinomial classifier (a K × features
 * matrix of weights, as softmax regression fits) the regions where each class scores highest, shaded in
 * its colour ({@link ClassRegions}). {@code features: ['a', 'b']} picks the columns drawn.
 */
public final class DataPicture {
    static final List<String> OPTIONS = List.of("model", "features");
    private static final int MAX_CLASSES = 10;

    private DataPicture() {
    }

    public static Figure figure(DataSet data, PlotOptions o) {
        o.check("a data plot", OPTIONS, List.of());
        List<String> names = data.featureNames();
        List<String> drawn = features(data, o);
        double[] y = data.target() == null ? null : data.column(data.target());
        double[] w = null;
        double b = 0;
        ClassRegions regions = null;
        if (o.has("model")) {
            if (!(o.get("model") instanceof OptimizationResult r)) throw new IllegalArgumentException("model: a result of minimize, not " + o.get("model"));
            regions = ClassRegions.of(r, data.features());
            if (regions == null) {
                double[][] wb = linearModel(r, data.features());
                w = wb[0];
                b = wb[1][0];
            }
        }
        List<Layer> layers = new ArrayList<>();
        List<String> series = new ArrayList<>();
        if (drawn.size() == 1 || names.size() == 1) {
            String fx = drawn.get(0);
            if (y == null) throw new IllegalArgumentException("a data set of one feature is drawn against its target; read it with csv(file, target: 'column')");
            if (regions != null) {
                throw new IllegalArgumentException("model: a classifier of " + regions.classes() + " classes is drawn over two features; "
                        + (names.size() == 1 ? data.name() + " has one" : "name two: features: ['" + names.get(0) + "', '" + names.get(1) + "']"));
            }
            double[] x = data.column(fx);
            layers.add(new Markers(data.target(), x, y, Markers.Shape.POINT, Palette.onWhite(0), 6, null));
            series.add(data.target());
            if (w != null) {
                int k = names.indexOf(fx);
                double lo = min(x), hi = max(x);
                double slope = w[k], icpt = b + others(data, w, List.of(k));
                layers.add(new Curve("fitted: " + data.target() + " = " + Ticks.format(slope) + "·" + fx + (icpt < 0 ? " − " : " + ") + Ticks.format(Math.abs(icpt)),
                        new double[]{lo, hi}, new double[]{slope * lo + icpt, slope * hi + icpt}, Palette.onWhite(3), Curve.Dash.SOLID, 2.2));
                series.add("model");
            }
            Panel p = new Panel(null, Axis.auto(fx), Axis.auto(data.target()), layers, false);
            return new Figure(o.text("title", null), List.of(p), series);
        }
        String fx = drawn.get(0), fy = drawn.get(1);
        double[] x1 = data.column(fx), x2 = data.column(fy);
        double[] cls = y == null ? null : classes(y);      // the class values, or null for a continuous target
        if (y == null) {
            layers.add(new Markers("rows", x1, x2, Markers.Shape.POINT, Palette.onWhite(0), 6, null));
            series.add("rows");
        } else if (cls != null) {
            if (regions != null) {
                if (cls[0] < 0 || cls[cls.length - 1] >= regions.classes()) {
                    throw new IllegalArgumentException("model: the classifier scores " + regions.classes() + " classes, numbered 0 to "
                            + (regions.classes() - 1) + ", but " + data.target() + " takes " + Ticks.format(cls[0]) + " to " + Ticks.format(cls[cls.length - 1]));
                }
                double[] box1 = padded(x1), box2 = padded(x2);
                layers.addAll(regions.layers(data, names.indexOf(fx), names.indexOf(fy), box1[0], box1[1], box2[0], box2[1]));
                series.add("decision regions");
            }
            for (int c = 0; c < cls.length; c++) {
                List<Integer> idx = new ArrayList<>();
                for (int i = 0; i < y.length; i++) if (y[i] == cls[c]) idx.add(i);
                String legend = data.target() + " = " + (data.classCount() > 0 ? data.classes().get((int) cls[c]) : Ticks.format(cls[c]));
                Color colour = Palette.onWhite(regions != null ? (int) cls[c] : c); // a region's colour is its class's: row k of W scores class k
                layers.add(new Markers(legend, pick(x1, idx), pick(x2, idx), Markers.Shape.POINT, colour, 6, null));
                series.add(legend);
            }
        } else {
            layers.addAll(bins(data.target(), x1, x2, y, series));
        }
        if (regions != null && cls == null) {
            throw new IllegalArgumentException("model: a classifier of " + regions.classes() + " classes needs class labels to colour the rows; "
                    + "read the data with csv(file, target: 'label', classes: true)");
        }
        if (w != null && y == null) throw new IllegalArgumentException("model: needs a target to compare with; read the data with csv(file, target: 'column')");
        if (w != null && cls != null) {
            layers.add(boundary(data, w, b, names.indexOf(fx), names.indexOf(fy), x1, x2));
            series.add("decision boundary");
        } else if (w != null) {             // a regression plane: where its prediction crosses the bins' edges
            double[] edges = quintileEdges(y);
            List<Curve> lines = new ArrayList<>();
            List<String> at = new ArrayList<>();
            for (int k = 1; k < edges.length - 1; k++) {
                Curve line = levelLine(data, w, b - edges[k], names.indexOf(fx), names.indexOf(fy), x1, x2);
                if (line == null) continue;
                lines.add(line);
                at.add(Ticks.format(edges[k]));
            }
            for (int k = 0; k < lines.size(); k++) {
                Curve line = lines.get(k);
                String legend = k == 0 ? "fitted " + data.target() + " = " + String.join(", ", at) + " (the bins' edges)" : null;
                layers.add(new Curve(legend, line.x(), line.y(), Color.BLACK, Curve.Dash.DASHED, 1.6));
                double t = 0.8;                    // inside the box: the text runs right of its point
                layers.add(new Label(data.target() + " = " + at.get(k), line.x()[0] + t * (line.x()[1] - line.x()[0]),
                        line.y()[0] + t * (line.y()[1] - line.y()[0]), Color.BLACK));
            }
            series.add("model");
        }
        Panel p = regions == null ? new Panel(null, Axis.auto(fx), Axis.auto(fy), layers, false)   // the shading fills the box, as matplotlib's
                : new Panel(null, Axis.range(fx, padded(x1)[0], padded(x1)[1]), Axis.range(fy, padded(x2)[0], padded(x2)[1]), layers, false);
        return new Figure(o.text("title", null), List.of(p), series);
    }

    private static List<String> features(DataSet data, PlotOptions o) {
        List<String> names = data.featureNames();
        if (!o.has("features")) return names.subList(0, Math.min(2, names.size()));
        List<String> out = new ArrayList<>();
        for (Object f : o.list("features")) {
            if (!names.contains(String.valueOf(f))) throw new IllegalArgumentException("features: " + f + " is not a feature of " + data.name() + "; its features are " + String.join(", ", names));
            out.add(String.valueOf(f));
        }
        if (out.isEmpty() || out.size() > 2) throw new IllegalArgumentException("features: one or two column names");
        return out;
    }

    /** The class values when y takes at most 10 distinct whole numbers, else null. */
    static double[] classes(double[] y) {
        TreeSet<Double> set = new TreeSet<>();
        for (double v : y) {
            if (v != Math.rint(v)) return null;
            set.add(v);
            if (set.size() > MAX_CLASSES) return null;
        }
        return set.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(1);
    }

    /** The values' range widened by 5 % on each side. */
    private static double[] padded(double[] v) {
        double pad = 0.05 * (max(v) - min(v));
        return new double[]{min(v) - pad, max(v) + pad};
    }

    private static double[] pick(double[] v, List<Integer> idx) {
        return idx.stream().mapToDouble(i -> v[i]).toArray();
    }

    /** Five groups of rows by the quantiles of a continuous target, light to dark. */
    /** The edges of five bins of about as many rows each: the smallest value, four quintiles, the largest. */
    private static double[] quintileEdges(double[] y) {
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        double[] q = new double[6];
        for (int k = 0; k <= 5; k++) q[k] = sorted[Math.min(sorted.length - 1, (int) Math.round(k / 5.0 * (sorted.length - 1)))];
        return q;
    }

    private static List<Layer> bins(String target, double[] x1, double[] x2, double[] y, List<String> series) {
        double[] q = quintileEdges(y);
        List<Layer> out = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < y.length; i++) if (y[i] >= q[k] && (y[i] < q[k + 1] || k == 4 && y[i] <= q[5])) idx.add(i);
            if (idx.isEmpty()) continue;
            String legend = target + " in [" + Ticks.format(q[k]) + ", " + Ticks.format(q[k + 1]) + (k == 4 ? "]" : ")");
            Color c = ColourMap.VIRIDIS.at(k / 4.0);
            out.add(new Markers(legend, pick(x1, idx), pick(x2, idx), Markers.Shape.POINT, c, 6, null));
            series.add(legend);
        }
        return out;
    }

    /**
     * The weights w (one per feature) and the bias b of a linear model fitted by the run: a vector variable
     * of the data set's width and, if there is one, a scalar variable.
     */
    static double[][] linearModel(OptimizationResult r, int features) {
        Layout layout = r.layout();
        double[] x = r.point();
        double[] w = null;
        double b = 0;
        int scalars = 0;
        for (VariableBlock block : layout.blocks()) {
            int off = layout.offset(block);
            if (block instanceof VectorVariable && block.size() == features && w == null) {
                w = Arrays.copyOfRange(x, off, off + features);
            } else if (block.size() == 1) {
                b = x[off];
                scalars++;
            } else {
                w = null;
                break;
            }
        }
        if (w == null || scalars > 1) {
            throw new IllegalArgumentException("model: draws a linear model — a vector of " + features + " weights and a bias; the run's variables are "
                    + String.join(", ", layout.coordinateNames().size() > 6 ? layout.coordinateNames().subList(0, 6) : layout.coordinateNames())
                    + (layout.dimension() > 6 ? ", ..." : ""));
        }
        return new double[][]{w, {b}};
    }

    /** Σ w_k · mean(feature k) over the features not drawn (they are held at their mean). */
    static double others(DataSet data, double[] w, List<Integer> drawn) {
        double s = 0;
        List<String> names = data.featureNames();
        for (int k = 0; k < names.size(); k++) {
            if (drawn.contains(k)) continue;
            s += w[k] * Arrays.stream(data.column(names.get(k))).average().orElse(0);
        }
        return s;
    }

    /** The line w_i·x + w_j·y + c = 0 across the data's box (c = b plus the other features at their mean). */
    static Curve boundary(DataSet data, double[] w, double b, int i, int j, double[] x1, double[] x2) {
        double c = b + others(data, w, List.of(i, j));
        double lo = min(x1), hi = max(x1);
        double ylo = min(x2), yhi = max(x2);
        double pad = 0.05 * (hi - lo);
        double[] xs, ys;
        if (Math.abs(w[j]) >= Math.abs(w[i]) * 1e-12 && w[j] != 0) {
            xs = new double[]{lo - pad, hi + pad};
            ys = new double[]{-(w[i] * xs[0] + c) / w[j], -(w[i] * xs[1] + c) / w[j]};
        } else {
            double x0 = -c / w[i];
            xs = new double[]{x0, x0};
            ys = new double[]{ylo, yhi};
        }
        // keep the line within the data's box (widened), so it does not stretch the axes
        double ypad = 0.05 * (yhi - ylo);
        double[][] clipped = clip(xs, ys, lo - pad, hi + pad, ylo - ypad, yhi + ypad);
        return new Curve("decision boundary (w·x + b = 0)", clipped[0], clipped[1], Color.BLACK, Curve.Dash.DASHED, 2);
    }

    /** The line w_i·x + w_j·y + c = 0 inside the data's box, or null where it does not cross the box. */
    static Curve levelLine(DataSet data, double[] w, double b, int i, int j, double[] x1, double[] x2) {
        Curve line = boundary(data, w, b, i, j, x1, x2);
        double lo = min(x1), hi = max(x1);
        double ylo = min(x2), yhi = max(x2);
        double px = 0.05 * (hi - lo) * 1.000001, py = 0.05 * (yhi - ylo) * 1.000001;
        for (int k = 0; k < 2; k++) {
            if (!(line.x()[k] >= lo - px && line.x()[k] <= hi + px && line.y()[k] >= ylo - py && line.y()[k] <= yhi + py)) return null;
        }
        return line;
    }

    /** The segment cut to the box (Liang–Barsky); unchanged when it misses. */
    private static double[][] clip(double[] xs, double[] ys, double x0, double x1, double y0, double y1) {
        double dx = xs[1] - xs[0], dy = ys[1] - ys[0], t0 = 0, t1 = 1;
        double[] p = {-dx, dx, -dy, dy}, q = {xs[0] - x0, x1 - xs[0], ys[0] - y0, y1 - ys[0]};
        for (int k = 0; k < 4; k++) {
            if (p[k] == 0) {
                if (q[k] < 0) return new double[][]{xs, ys};
            } else {
                double t = q[k] / p[k];
                if (p[k] < 0) t0 = Math.max(t0, t);
                else t1 = Math.min(t1, t);
            }
        }
        if (t0 > t1) return new double[][]{xs, ys};
        return new double[][]{{xs[0] + t0 * dx, xs[0] + t1 * dx}, {ys[0] + t0 * dy, ys[0] + t1 * dy}};
    }
}
