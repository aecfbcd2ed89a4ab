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
}
