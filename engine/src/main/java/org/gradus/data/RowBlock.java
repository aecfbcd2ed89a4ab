package org.gradus.data;

import java.io.Serializable;

/**
 * The rows of one partition of a data set that lives elsewhere (a Spark partition), in the same
 * contiguous storage as an in-memory {@link DataSet}: features row-major ({@code x[r·features + k]}),
 * the target beside ({@code y[r]}, null without a target). It is what a partition holds, cached, and
 * what a {@link PartitionTask} evaluates — as MLlib keeps its rows in {@code InstanceBlock}s.
 */
public final class RowBlock implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int rows;
    private final int features;
    private final double[] x;
    private final double[] y;

    /**
     * @param x rows × features values, row-major (taken, not copied)
     * @param y one target per row, or null
     * @throws IllegalArgumentException when the arrays are shorter than the rows need
     */
    public RowBlock(int rows, int features, double[] x, double[] y) {
        if (rows < 0 || (long) rows * features > x.length || (y != null && y.length < rows)) {
            throw new IllegalArgumentException("a block of " + rows + " rows × " + features + " features needs "
                    + (long) rows * features + " values and " + rows + " targets");
        }
        this.rows = rows;
        this.features = features;
        this.x = x;
        this.y = y;
    }

    public int rows() {
        return rows;
    }

    public int features() {
        return features;
    }

    /** The features, row-major; not to be modified. */
    public double[] x() {
        return x;
    }

    /** The targets, or null; not to be modified. */
    public double[] y() {
        return y;
    }
}
