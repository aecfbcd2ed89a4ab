package org.gradus.plot.pictures;

import org.gradus.data.DataSet;
import org.gradus.expr.Layout;
import org.gradus.expr.VariableBlock;
import org.gradus.expr.VectorVariable;
import org.gradus.optim.OptimizationResult;
import org.gradus.plot.figure.Curve;
import org.gradus.plot.figure.Grid;
import org.gradus.plot.figure.Layer;
import org.gradus.plot.figure.Palette;
import org.gradus.plot.figure.Region;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The decision regions of a multinomial (softmax) linear classifier over two features, as scikit-learn's
 * {@code DecisionBoundaryDisplay} shades them: the class scores are z = W·x + b (W has one row per class),
 * each point of the plane belongs to the class of the largest score, and each region is shaded in its
 * class's colour. The boundaries are drawn exactly: where the two largest scores tie, a piece of the line
 * (w_k − w_j)·x + b_k − b_j = 0 on which both k and j beat every other class. Features not drawn are held
 * at their mean, as for the binary boundary.
 *
 * @param w the weights, one row per class (a K × features matrix variable of the run)
 * @param b the biases, one per class (zero when the run has none)
 */
record ClassRegions(double[][] w, double[] b) {
    /** Grid nodes per axis of the shading (the boundaries themselves are exact lines). */
    private static final int NODES = 241;
    private static final double SHADE_ALPHA = 0.18;

    /**
     * The model of a run whose variables are a K × features matrix and, optionally, a vector of K biases
     * (K ≥ 2); null when the run is not of that shape.
     */
    static ClassRegions of(OptimizationResult r, int features) {
        Layout layout = r.layout();
        double[] x = r.point();
        VectorVariable matrix = null;
        VectorVariable bias = null;
        for (VariableBlock block : layout.blocks()) {
            if (block instanceof VectorVariable v && v.isMatrix() && v.shape().columns() == features && v.shape().rows() >= 2 && matrix == null) {
                matrix = v;
            } else if (block instanceof VectorVariable v && !v.isMatrix() && bias == null) {
                bias = v;
            } else {
                return null;
            }
        }
        if (matrix == null) return null;
        int classes = matrix.shape().rows();
        if (bias != null && bias.size() != classes) return null;
        double[][] w = new double[classes][];
        int off = layout.offset(matrix);
        for (int k = 0; k < classes; k++) w[k] = Arrays.copyOfRange(x, off + k * features, off + (k + 1) * features);
        double[] b = bias == null ? new double[classes] : Arrays.copyOfRange(x, layout.offset(bias), layout.offset(bias) + classes);
        return new ClassRegions(w, b);
    }

    int classes() {
        return w.length;
    }

    /**
     * The shaded regions (in the colours of the classes' dots) and the boundary pieces over the box
     * [x0, x1] × [y0, y1] of features i and j.
     */
    List<Layer> layers(DataSet data, int i, int j, double x0, double x1, double y0, double y1) {
        double[] c = offsets(data, i, j);
        double[] xs = Grid.linspace(x0, x1, NODES), ys = Grid.linspace(y0, y1, NODES);
        List<Layer> out = new ArrayList<>();
        for (int k = 0; k < classes(); k++) {
            double[][] lead = new double[NODES][NODES];      // the best other score minus k's: ≤ 0 where k wins
            for (int r = 0; r < NODES; r++) {
                for (int q = 0; q < NODES; q++) lead[r][q] = margin(k, i, j, c, xs[q], ys[r]);
            }
            out.add(new Region(null, new Grid(xs, ys, lead), Palette.onWhite(k), SHADE_ALPHA, Region.Draw.SHADE, Curve.Dash.SOLID));
        }
        boolean first = true;
        for (int k = 0; k < classes(); k++) {
            for (int m = k + 1; m < classes(); m++) {
                double[][] piece = boundary(k, m, i, j, c, x0, x1, y0, y1);
                if (piece == null) continue;
                out.add(new Curve(first ? "decision boundaries (two classes' scores tie)" : null, piece[0], piece[1], Color.BLACK, Curve.Dash.DASHED, 2));
                first = false;
            }
        }
        return out;
    }

    /** Per class: b_k plus its weights on the features not drawn times their means. */
    private double[] offsets(DataSet data, int i, int j) {
        double[] c = b.clone();
        for (int k = 0; k < classes(); k++) c[k] += DataPicture.others(data, w[k], List.of(i, j));
        return c;
    }

    private double score(int k, int i, int j, double[] c, double x, double y) {
        return w[k][i] * x + w[k][j] * y + c[k];
    }

    /** max over the other classes of their score, minus class k's. */
    private double margin(int k, int i, int j, double[] c, double x, double y) {
        double best = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < classes(); m++) if (m != k) best = Math.max(best, score(m, i, j, c, x, y));
        return best - score(k, i, j, c, x, y);
    }

    /**
     * The piece of the line where classes k and m tie and both beat every other class, inside the box;
     * null when there is none (the line misses the box, or a third class wins all along it).
     */
    private double[][] boundary(int k, int m, int i, int j, double[] c, double x0, double x1, double y0, double y1) {
        double ax = w[k][i] - w[m][i], ay = w[k][j] - w[m][j], a0 = c[k] - c[m];
        double norm2 = ax * ax + ay * ay;
        if (norm2 == 0) return null;                                   // parallel scores: they never tie, or tie everywhere
        double px = -a0 * ax / norm2, py = -a0 * ay / norm2;           // the line's point nearest the origin
        double dx = -ay / Math.sqrt(norm2), dy = ax / Math.sqrt(norm2);
        double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
        double reach = Math.hypot(px - cx, py - cy) + Math.hypot(x1 - x0, y1 - y0);
        double[] t = {-reach, reach};
        // the box, as four half-planes h ≥ 0 along p(t) = (px, py) + t·(dx, dy)
        if (!keep(t, px - x0, dx) || !keep(t, x1 - px, -dx) || !keep(t, py - y0, dy) || !keep(t, y1 - py, -dy)) return null;
        for (int o = 0; o < classes(); o++) {
            if (o == k || o == m) continue;                            // k's score beats o's: (w_k − w_o)·p + c_k − c_o ≥ 0
            double bx = w[k][i] - w[o][i], by = w[k][j] - w[o][j];
            if (!keep(t, bx * px + by * py + c[k] - c[o], bx * dx + by * dy)) return null;
        }
        return new double[][]{{px + t[0] * dx, px + t[1] * dx}, {py + t[0] * dy, py + t[1] * dy}};
    }

    /** Narrows [t0, t1] to where h0 + s·t ≥ 0; false when nothing is left. */
    private static boolean keep(double[] t, double h0, double s) {
        if (s == 0) return h0 >= 0;
        double root = -h0 / s;
        if (s > 0) t[0] = Math.max(t[0], root);
        else t[1] = Math.min(t[1], root);
        return t[0] < t[1];
    }
}
