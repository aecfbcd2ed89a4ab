package org.gradus.plot.runs;

import org.gradus.expr.Layout;
import org.gradus.optim.OptimizationResult;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What pictures read from one optimization run: its method, work and final value, and its trace as
 * columns — iteration, f, ‖∇f‖, cumulative seconds and evaluations where recorded, the epoch of each
 * row and the full objective per epoch for mini-batch runs, and the iterates (one row per recorded
 * iterate, coordinates in layout order) where recorded. Pictures never run an optimizer for a path:
 * they draw what the run recorded.
 *
 * @param points   iterates, {@code points[row][coordinate]}; null when the run kept none
 * @param seconds  cumulative seconds per row, or null
 * @param evals    cumulative evaluations (f and gradient) per row, or null
 * @param epochs   the epoch of each row (mini-batch runs), or null
 * @param fullF    the full objective at the end of each epoch (mini-batch runs), or null
 */
public record RunView(String method, String status, int iterations, double f, Layout layout, double[] iteration, double[] fValues,
                      double[] gradNorm, double[] seconds, double[] evals, double[][] points, double[] epochs, double[] fullF) {

    public int rows() {
        return iteration.length;
    }

    /** Whether the run recorded its iterates (a path can be drawn). */
    public boolean hasPath() {
        return points != null && points.length > 0;
    }

    /** The iterates' coordinate k, row by row. */
    public double[] coordinate(int k) {
        double[] out = new double[points.length];
        for (int r = 0; r < points.length; r++) out[r] = points[r][k];
        return out;
    }

    /**
     * The view of a result, read from its trace rows (fields iteration, epoch, f, gradNorm, step, lr, then
     * one per coordinate by name; seconds, evaluations and fullF where present).
     *
     * @throws IllegalArgumentException when the result recorded no trace at all
     */
    public static RunView of(OptimizationResult r) {
        List<Map<String, Object>> rows = traceRows(r);
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("the " + r.method() + " run recorded no trace to draw; run it again with trace: true");
        }
        int n = rows.size();
        Layout layout = r.layout();
        double[] it = column(rows, "iteration"), f = column(rows, "f"), g = column(rows, "gradNorm");
        double[] sec = column(rows, "seconds"), ev = column(rows, "evaluations"), ep = column(rows, "epoch");
        double[][] pts = null;
        List<String> names = layout.coordinateNames();
        if (rows.get(0).containsKey(names.get(0))) {
            pts = new double[n][names.size()];
            for (int k = 0; k < names.size(); k++) {
                double[] c = column(rows, names.get(k));
                for (int row = 0; row < n; row++) pts[row][k] = c[row];
            }
        }
        double[] fullF = fullF(r, rows, ep);
        return new RunView(r.method(), r.status().text(), r.iterations(), r.value(), layout, it, f, g, sec, ev, pts, ep, fullF);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> traceRows(OptimizationResult r) {
        Object t = r.extras().get("trace");
        return t instanceof List<?> l ? (List<Map<String, Object>>) l : null;
    }

    /** The values of one field, row by row; null when the first row lacks it; NaN where a row lacks it. */
    private static double[] column(List<Map<String, Object>> rows, String name) {
        if (!rows.get(0).containsKey(name)) return null;
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = rows.get(i).get(name);
            out[i] = v instanceof Number num ? num.doubleValue() : Double.NaN;
        }
        return out;
    }

    /** The full objective per epoch: the rows' fullF where recorded (NaN elsewhere), one value per epoch. */
    private static double[] fullF(OptimizationResult r, List<Map<String, Object>> rows, double[] epochs) {
        double[] perRow = column(rows, "fullF");
        if (perRow == null || epochs == null) return null;
        int last = (int) Arrays.stream(epochs).filter(Double::isFinite).max().orElse(0);
        double[] out = new double[last + 1];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < perRow.length; i++) {
            if (Double.isFinite(perRow[i]) && Double.isFinite(epochs[i])) out[(int) epochs[i]] = perRow[i];
        }
        return out;
    }
}
