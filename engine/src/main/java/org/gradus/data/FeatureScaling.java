package org.gradus.data;

import java.util.List;

/**
 * Standardized features, as scikit-learn's {@code StandardScaler} makes them: each feature column minus its mean,
 * divided by its standard deviation (the population one, n in the denominator, as scikit-learn), the target left as
 * it was. Features on one scale make a loss's Hessian better conditioned — gradient descent's L/mu falls, and with it
 * the number of steps. A column with no spread is only centred (scikit-learn's scale 1). A test set is scaled with
 * its training set's means and deviations ({@code like:}), never its own.
 */
public final class FeatureScaling {
    private FeatureScaling() {
    }

    /**
     * {@code data} with standardized features, the statistics taken from {@code like} (itself when null); same
     * columns, target, classes and precision.
     *
     * @throws IllegalArgumentException when {@code like} has other feature columns, or a table is not in memory
     */
    public static DataSet standardized(DataSet data, DataSet like) {
        DataSet from = like == null ? data : like;
        List<String> features = data.featureNames();
        if (!from.featureNames().equals(features)) {
            throw new IllegalArgumentException("standardized(like: " + from.name() + ") needs the same feature columns: " + data.name()
                    + " has " + features + ", " + from.name() + " has " + from.featureNames());
        }
        int rows = data.rows(), f = features.size();
        double[] x = new double[rows * f];
        for (int k = 0; k < f; k++) {
            double[] column = data.column(features.get(k));
            double[] reference = from == data ? column : from.column(features.get(k));
            double mean = ColumnStatistics.mean(reference);
            double spread = Math.sqrt(ColumnStatistics.meanSquaredDeviation(reference, mean));
            double scale = spread > 0 ? spread : 1;
            for (int r = 0; r < rows; r++) x[r * f + k] = (column[r] - mean) / scale;
        }
        double[] y = data.target() == null ? null : data.column(data.target());
        DataSet scaled = new DataSet(data.name() + ".standardized()", data.columns(), data.target(), rows, x, y, data.classesOrNull());
        return data.precision().equals("float") ? scaled.withPrecision(Precision.FLOAT) : scaled;
    }
}
