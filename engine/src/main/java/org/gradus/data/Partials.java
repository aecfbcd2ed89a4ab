package org.gradus.data;

import java.io.Serializable;

/**
 * What a pass over partitions sums: the value Σ body(row), the gradient Σ ∇body(row) (when asked
 * for) and the number of rows. The combiner of a tree aggregation, as MLlib's
 * {@code DifferentiableLossAggregator}: the zero that travels to the partitions has no gradient array
 * yet — it is made where the rows are, on first use — so the zero is small however many parameters
 * there are.
 */
public final class Partials implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int dimension;
    private final boolean gradient;
    private double value;
    private long rows;
    private double[] sum;

    private Partials(int dimension, boolean gradient) {
        this.dimension = dimension;
        this.gradient = gradient;
    }

    /** Nothing yet, for parameters of {@code dimension} coordinates; with or without a gradient. */
    public static Partials zero(int dimension, boolean gradient) {
        return new Partials(dimension, gradient);
    }

    /** Whether this pass sums gradients. */
    public boolean wantsGradient() {
        return gradient;
    }

    /** The gradient sum to add into (made on first use), or null when the pass sums values only. */
    public double[] gradientSum() {
        if (!gradient) return null;
        if (sum == null) sum = new double[dimension];
        return sum;
    }

    /** Adds a value summed over {@code count} rows. */
    public void add(double v, long count) {
        value += v;
        rows += count;
    }

    /** Adds other into this one (value, rows, gradient); returns this. */
    public Partials merge(Partials other) {
        value += other.value;
        rows += other.rows;
        if (gradient && other.sum != null) {
            double[] g = gradientSum();
            double[] o = other.sum;
            for (int k = 0; k < dimension; k++) g[k] += o[k];
        }
        return this;
    }

    /** Σ body over the rows seen. */
    public double value() {
        return value;
    }

    /** How many rows were summed. */
    public long rows() {
        return rows;
    }

    /** Σ ∇body (zeros when no row was seen); null when the pass summed values only. */
    public double[] gradient() {
        return gradientSum();
    }
}
