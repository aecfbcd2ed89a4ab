package org.gradus.data;

import java.io.Serializable;

/**
 * The per-row work of a data reduction, sent to where the rows are: an engine object (never a script's
 * closure), serializable, that sums a reduction's body over one {@link RowBlock}. The compiled body of
 * {@code mean(data) { row -> ... }} is one ({@code org.gradus.eval.RowKernel}).
 */
public interface PartitionTask extends Serializable {
    /**
     * Adds Σ body(row) over the block's rows — all of them (rows == null) or the positions
     * {@code rows} of the block, in that order — into {@code acc}: the value and the row count, and the
     * gradient at {@code x} when {@code acc} asks for one.
     */
    void addTo(Partials acc, RowBlock block, double[] x, int[] rows);

    /**
     * Puts into {@code acc} the sums of every chunk ({@link Chunks}) of the block: each chunk's value
     * Σ body(row) and, when {@code acc} asks for one, its gradient Σ seed·∇body(row) at {@code x}, each
     * summed from zero in row order.
     *
     * @param firstRow the number of the block's first row in the whole data set
     * @throws IllegalStateException when the block does not hold whole chunks
     */
    void addChunks(ChunkSums acc, RowBlock block, int firstRow, double[] x, double seed);
}
