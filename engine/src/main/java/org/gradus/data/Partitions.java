package org.gradus.data;

/**
 * The rows of a data set that live outside this process, in partitions (an Apache Spark RDD of
 * {@link RowBlock}s, in the optional {@code spark} module). A data reduction over them is evaluated as
 * MLlib evaluates its losses: the parameters go to the partitions, each partition sums the body over its
 * rows with a {@link PartitionTask}, and the partial sums are combined; only the sums come back.
 *
 * <p>Rows are numbered 0 .. rows − 1, partition by partition, in the order the partitions hold them; a
 * mini-batch names rows by these numbers, as it does for a data set in memory.
 */
public interface Partitions {
    /** Where the rows are, for reports: {@code spark local[2], 8 partitions}. */
    String where();

    /** The number of rows. */
    int rows();

    /**
     * The range of every column over all rows, gathered when the rows were cached, or null when unknown:
     * what the convexity analysis reads in place of the rows ({@link DataSet#standInRange}).
     */
    default ColumnRanges ranges() {
        return null;
    }

    /**
     * Σ body over every row (rows == null) or over the rows {@code rows[lo..hi)} (row numbers, as a
     * mini-batch gives them), evaluated where the rows are.
     *
     * @param x        the parameters (all coordinates of the objective), sent to the partitions
     * @param gradient whether to sum gradients too
     * @throws RuntimeException with a readable message when the rows cannot be reached
     */
    Partials reduce(PartitionTask task, double[] x, boolean gradient, int[] rows, int lo, int hi);

    /**
     * Σ body over every row in the summation order of the rows themselves ({@link Chunks}): each
     * partition sums each of its chunks from zero ({@link PartitionTask#addChunks}) and the chunk sums
     * come back separately, to be added in chunk order ({@link ChunkSums#value}). The value and gradient
     * are then the same bits as a pass in memory over the same rows, for any number of partitions. Every
     * partition must hold whole chunks ({@link Chunks#partitionOf}).
     *
     * @param x        the parameters (all coordinates of the objective), sent to the partitions
     * @param gradient whether to sum gradients too
     * @param seed     the factor of every row's gradient (the reduction's adjoint, as in memory)
     * @throws RuntimeException with a readable message when the rows cannot be reached
     */
    ChunkSums reduceChunks(PartitionTask task, double[] x, boolean gradient, double seed);
}
