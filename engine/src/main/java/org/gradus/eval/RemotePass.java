package org.gradus.eval;

import org.gradus.data.ChunkSums;
import org.gradus.data.Partials;

import java.util.Arrays;

/**
 * One data reduction over a partitioned data set, evaluated where its rows are — as MLlib evaluates a
 * loss for its L-BFGS ({@code RDDLossFunction}): the parameters go to the partitions, each sums the
 * body and its gradient over its rows with the {@link RowKernel}, the sums are combined, and only they
 * come back; the optimizer stays here.
 *
 * <p>A pass over all rows is summed chunk by chunk ({@link org.gradus.data.Chunks}) and the chunks are
 * added here in chunk order, each row's gradient scaled by the seed where it is computed: the order and
 * the arithmetic of {@link DataPass}, so the value and gradient are the in-memory bits whatever the
 * partitioning. A mini-batch is summed per partition and its sums combined (equal to 1e-12 relative).
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
    private double[] lastFullX;
    private double lastSeed;
    private ChunkSums lastFull;

    RemotePass(Remote remote, int rows) {
        this.remote = remote;
        this.rows = rows;
    }

    /** Σ body over all rows (window null) or the window's rows; with grad != null, seed·∇ added into grad. */
    double run(double[] x, double[] grad, double seed, RowWindow window) {
        if (window == null) return full(x, grad, seed);
        int[] batch = Arrays.copyOfRange(window.rows, window.lo, window.hi);
        Partials p = reusable(x, batch, grad != null);
        if (p == null) {
            p = remote.partitions().reduce(remote.kernel(), x.clone(), grad != null, window.rows, window.lo, window.hi);
            long expected = batch.length;
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

    /** Σ body over all rows, chunk by chunk; with grad != null, the chunks' seed·∇ added into grad in chunk order. */
    private double full(double[] x, double[] grad, double seed) {
        boolean gradient = grad != null;
        boolean reuse = lastFull != null && Arrays.equals(lastFullX, x)
                && (!gradient || lastFull.wantsGradient() && Double.compare(lastSeed, seed) == 0);
        if (!reuse) {
            ChunkSums c = remote.partitions().reduceChunks(remote.kernel(), x.clone(), gradient, seed);
            if (c.rows() != rows) {
                throw new IllegalStateException("a pass over " + remote.partitions().where() + " summed " + c.rows() + " rows instead of "
                        + rows + "; the partitions changed while the data set was in use");
            }
            lastFullX = x.clone();
            lastSeed = seed;
            lastFull = c;
        }
        if (gradient) lastFull.addGradientTo(grad);
        return lastFull.value();
    }

    /** The last result when it was at the same point and rows and has what is asked. */
    private Partials reusable(double[] x, int[] batch, boolean gradient) {
        if (last == null || (gradient && !last.wantsGradient())) return null;
        return Arrays.equals(lastX, x) && Arrays.equals(lastRows, batch) ? last : null;
    }
}
