package org.gradus.eval;

import org.gradus.data.Partials;

import java.util.Arrays;

/**
 * One data reduction over a partitioned data set, evaluated where its rows are — as MLlib evaluates a
 * loss for its L-BFGS ({@code RDDLossFunction}): the parameters go to the partitions, each sums the
 * body and its gradient over its rows with the {@link RowKernel}, the sums are combined, and only they
 * come back; the optimizer stays here.
 *
 * <p>The last result is kept: when the reverse sweep asks for the gradient at the point whose value the
 * forward sweep has just fetched (a reduction that is not reached through sums and constant factors
 * alone, such as {@code log(mean(data) {..})}), the gradient pass is not repeated if it came with it.
 * A gradient pass always brings the value too.
 */
final class RemotePass {
    private final Remote remote;
    private final int rows;
    private double[] lastX;
    private int[] lastRows;
    private Partials last;

    RemotePass(Remote remote, int rows) {
        this.remote = remote;
        this.rows = rows;
    }

    /** Σ body over all rows (window null) or the window's rows; with grad != null, seed·∇ added into grad. */
    double run(double[] x, double[] grad, double seed, RowWindow window) {
        int[] batch = window == null ? null : Arrays.copyOfRange(window.rows, window.lo, window.hi);
        Partials p = reusable(x, batch, grad != null);
        if (p == null) {
            p = window == null ? remote.partitions().reduce(remote.kernel(), x.clone(), grad != null, null, 0, 0)
                    : remote.partitions().reduce(remote.kernel(), x.clone(), grad != null, window.rows, window.lo, window.hi);
            long expected = batch == null ? rows : batch.length;
            if (p.rows() != expected) {
                throw new IllegalStateException("a pass over " + remote.partitions().where() + " summed " + p.rows() + " rows instead of "
                        + expected + "; the partitions changed while the data set was in use");
            }
            lastX = x.clone();
            lastRows = batch;
            last = p;
        }
        if (grad != null) {
            double[] g = p.gradient();
            for (int k = 0; k < grad.length; k++) grad[k] += seed * g[k];
        }
        return p.value();
    }

    /** The last result when it was at the same point and rows and has what is asked. */
    private Partials reusable(double[] x, int[] batch, boolean gradient) {
        if (last == null || (gradient && !last.wantsGradient())) return null;
        return Arrays.equals(lastX, x) && Arrays.equals(lastRows, batch) ? last : null;
    }
}
