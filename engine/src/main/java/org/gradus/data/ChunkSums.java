package org.gradus.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a pass over partitions brings back when the summation order must not depend on the partitions:
 * for every chunk of rows ({@link Chunks}), its value sum and its gradient sum, each made from zero where
 * the chunk's rows are. The partitions' results are merged as lists (a tree aggregation only collects
 * them); here they are added in chunk order, exactly as the pass in memory adds its chunks, so the value
 * and gradient are the same bits as in memory whatever the partitioning.
 *
 * <p>The zero that travels to the partitions holds no chunk. At most {@link Chunks#MAX_CHUNKS} gradient
 * arrays come back in all.
 */
public final class ChunkSums implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long totalRows;
    private final int dimension;
    private final boolean gradient;
    private final List<Chunk> chunks = new ArrayList<>();

    /** One chunk's sums: its number, rows, Σ body and Σ seed·∇body (null without gradient). */
    private record Chunk(int index, int rows, double value, double[] gradient) implements Serializable {
    }

    private ChunkSums(long totalRows, int dimension, boolean gradient) {
        this.totalRows = totalRows;
        this.dimension = dimension;
        this.gradient = gradient;
    }

    /** No chunk yet, for a pass over {@code totalRows} rows and parameters of {@code dimension} coordinates. */
    public static ChunkSums zero(long totalRows, int dimension, boolean gradient) {
        return new ChunkSums(totalRows, dimension, gradient);
    }

    /** Whether this pass sums gradients. */
    public boolean wantsGradient() {
        return gradient;
    }

    /** The rows of the whole pass (all partitions). */
    public long totalRows() {
        return totalRows;
    }

    /** The rows in each chunk of this pass. */
    public int chunkRows() {
        return Chunks.rowsPerChunk(totalRows);
    }

    /** A zeroed array to sum one chunk's gradient into, or null when the pass sums values only. */
    public double[] newGradient() {
        return gradient ? new double[dimension] : null;
    }

    /** Records the sums of chunk {@code index} (its gradient array is taken, not copied). */
    public void put(int index, int rows, double value, double[] gradientSum) {
        chunks.add(new Chunk(index, rows, value, gradientSum));
    }

    /** Adds the chunks of {@code other} to these; returns this. */
    public ChunkSums merge(ChunkSums other) {
        chunks.addAll(other.chunks);
        return this;
    }

    /** The rows summed so far. */
    public long rows() {
        long n = 0;
        for (Chunk c : chunks) n += c.rows;
        return n;
    }

    /** The chunks in order, checked to be every chunk of the pass once each. */
    private Chunk[] ordered() {
        int count = Chunks.count(totalRows);
        Chunk[] byIndex = new Chunk[count];
        for (Chunk c : chunks) {
            if (c.index < 0 || c.index >= count || byIndex[c.index] != null) {
                throw new IllegalStateException("chunk " + c.index + " of " + count + " came back twice or out of range; "
                        + "the partitions changed while the data set was in use");
            }
            byIndex[c.index] = c;
        }
        for (int i = 0; i < count; i++) {
            if (byIndex[i] == null) throw new IllegalStateException("chunk " + i + " of " + count + " did not come back from the partitions");
        }
        return byIndex;
    }

    /** Σ body over all rows: the chunk values added in chunk order, from zero (as in memory). */
    public double value() {
        double s = 0;
        for (Chunk c : ordered()) s += c.value;
        return s;
    }

    /** Adds each chunk's gradient sum into {@code grad}, in chunk order (as in memory). */
    public void addGradientTo(double[] grad) {
        if (!gradient) throw new IllegalStateException("this pass summed values only");
        for (Chunk c : ordered()) {
            double[] pc = c.gradient;
            for (int k = 0; k < grad.length; k++) grad[k] += pc[k];
        }
    }
}
