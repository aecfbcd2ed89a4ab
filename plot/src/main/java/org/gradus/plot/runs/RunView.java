package org.gradus.plot.runs;

import org.gradus.expr.Layout;
import org.gradus.optim.OptimizationResult;
import org.gradus.optim.Trace;

/**
 * What pictures read from one optimization run: its method, work and final value, and its trace as
 * columns — iteration, f, ‖∇f‖, cumulative seconds and evaluations where recorded, the epoch of each
 * row and the full objective at each epoch's end for mini-batch runs, and the iterates (one row per recorded
 * iterate, coordinates in layout order) where recorded. Pictures never run an optimizer for a path:
 * they draw what the run recorded.
 *
 * @param maximize whether the run maximized f (then f* is the largest value and the gap is f* − f)
 * @param points   iterates, {@code points[row][coordinate]}; null when the run kept none
 * @param seconds  cumulative seconds per row, or null
 * @param evals    cumulative evaluations (f and gradient) per row, or null
 * @param epochs   the epoch of each row (mini-batch runs), or null
 * @param fullF    the full objective per row, recorded at the end of each epoch (NaN in the other rows) of a
 *                 mini-batch run traced with {@code trace:}; null otherwise
 * @param constrained whether the run had general constraints: its iterates may lie outside the feasible set (below
 *                 the constrained minimum), and its gradient column is the augmented Lagrangian's
 */
public record RunView(String method, boolean maximize, String status, int iterations, double f, Layout layout, double[] iteration, double[] fValues,
                      double[] gradNorm, double[] seconds, double[] evals, double[][] points, double[] epochs, double[] fullF,
                      boolean constrained) {

    /** The view of an unconstrained run. */
    public RunView(String method, boolean maximize, String status, int iterations, double f, Layout layout, double[] iteration,
                   double[] fValues, double[] gradNorm, double[] seconds, double[] evals, double[][] points, double[] epochs, double[] fullF) {
        this(method, maximize, status, iterations, f, layout, iteration, fValues, gradNorm, seconds, evals, points, epochs, fullF, false);
    }

    public int rows() {
        return iteration.length;
    }

    /**
     * Whether the run took several steps per epoch (a mini-batch run): its f column is then a noisy
     * batch estimate, not the objective.
     */
    public boolean miniBatch() {
        int last = rows() - 1;
        return epochs != null && last > 0 && epochs[last] > 0 && epochs[last] < iteration[last];
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
     * The view of a result, read from its trace (the iterates it kept: every one with {@code trace:}, a
     * thinned path by default for problems of up to 1000 variables).
     *
     * @throws IllegalArgumentException when the result kept no trace (say how to get one)
     */
    public static RunView of(OptimizationResult r) {
        Trace t = r.trace();
        if (t == null || t.size() == 0) {
            throw new IllegalArgumentException("the " + r.method() + " run kept no iterates to draw (runs of more than "
                    + Trace.KEPT_DIMENSION + " variables keep them only when asked): run it with trace: true");
        }
        int n = t.size();
        double[] it = new double[n], ep = new double[n], sec = new double[n], ev = new double[n];
        for (int row = 0; row < n; row++) {
            it[row] = t.iteration(row);
            ep[row] = t.epoch(row);
            sec[row] = t.seconds(row);
            ev[row] = t.evaluations(row);
        }
        double[] fullF = t.hasFullF() ? t.column("fullF") : null;
        return new RunView(r.method(), "maximize".equals(r.kind()), r.status().text(), r.iterations(), r.value(), r.layout(), it, t.column("f"),
                t.column("gradNorm"), sec, ev, t.iterates(), ep, fullF, t.ofConstrainedRun());
    }
}
