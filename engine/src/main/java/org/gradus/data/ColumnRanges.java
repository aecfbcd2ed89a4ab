package org.gradus.data;

import java.io.Serializable;

/**
 * The smallest and largest value of every column of a table: each feature's, and the target's. A data
 * set whose rows live elsewhere ({@link Partitions}) has no rows on the driver to read, so the convexity
 * analysis reads these instead, gathered where the rows are when they are cached: logistic regression's
 * loss y·softplus(−z) + (1 − y)·softplus(z) is signed by the target's range, here as in memory.
 *
 * <p>Ranges of blocks combine with {@link #merge}; a column holding a NaN has no range ({@link #feature}
 * and {@link #target} give null for it).
 */
public final class ColumnRanges implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long rows;
    private final double[] min;
    private final double[] max;
    private final double targetMin;
    private final double targetMax;

    private ColumnRanges(long rows, double[] min, double[] max, double targetMin, double targetMax) {
        this.rows = rows;
        this.min = min;
        this.max = max;
        this.targetMin = targetMin;
        this.targetMax = targetMax;
    }

    /** The ranges of one block's rows (an empty block gives empty ranges: +∞ to −∞). */
    public static ColumnRanges of(RowBlock block) {
        int f = block.features(), n = block.rows();
        double[] min = new double[f], max = new double[f];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        double[] x = block.x();
        for (int r = 0; r < n; r++) {
            int at = r * f;
            for (int k = 0; k < f; k++) {
                double v = x[at + k];
                min[k] = Math.min(min[k], v);   // Math.min/max carry a NaN through, so such a column stays NaN
                max[k] = Math.max(max[k], v);
            }
        }
        double tMin = Double.POSITIVE_INFINITY, tMax = Double.NEGATIVE_INFINITY;
        double[] y = block.y();
        if (y != null) {
            for (int r = 0; r < n; r++) {
                tMin = Math.min(tMin, y[r]);
                tMax = Math.max(tMax, y[r]);
            }
        }
        return new ColumnRanges(n, min, max, tMin, tMax);
    }

    /** The ranges of both tables' rows together. */
    public static ColumnRanges merge(ColumnRanges a, ColumnRanges b) {
        int f = a.min.length;
        double[] min = new double[f], max = new double[f];
        for (int k = 0; k < f; k++) {
            min[k] = Math.min(a.min[k], b.min[k]);
            max[k] = Math.max(a.max[k], b.max[k]);
        }
        return new ColumnRanges(a.rows + b.rows, min, max, Math.min(a.targetMin, b.targetMin), Math.max(a.targetMax, b.targetMax));
    }

    /** The number of rows these ranges are over. */
    public long rows() {
        return rows;
    }

    /** The number of features. */
    public int features() {
        return min.length;
    }

    /** {min, max} of feature k, or null when it holds a NaN or no rows. */
    public double[] feature(int k) {
        return range(min[k], max[k]);
    }

    /** {min, max} over every feature, or null when one holds a NaN or there are no rows. */
    public double[] allFeatures() {
        if (min.length == 0) return null;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < min.length; k++) {
            double[] r = feature(k);
            if (r == null) return null;
            lo = Math.min(lo, r[0]);
            hi = Math.max(hi, r[1]);
        }
        return new double[]{lo, hi};
    }

    /** {min, max} of the target, or null when it holds a NaN, there is no target or no rows. */
    public double[] target() {
        return range(targetMin, targetMax);
    }

    private static double[] range(double lo, double hi) {
        return Double.isNaN(lo) || Double.isNaN(hi) || lo > hi ? null : new double[]{lo, hi};
    }
}
