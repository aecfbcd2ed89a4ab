package org.gradus.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A first look at a table before fitting a model to it, in pandas' words: {@code data.head()}, {@code data.tail()},
 * {@code data.sample(5, seed: 1)},
 * {@code data.describe()} (count, mean, std, min, quartiles, max of every column), and one statistic of every
 * column ({@code data.mean()}, {@code data.std()}, {@code data.min()}, {@code data.max()}). As in pandas, the
 * standard deviation is the sample one (divided by n − 1), and a quartile interpolates linearly between the two
 * sorted values around position q·(n − 1) (numpy's default).
 */
public final class ColumnStatistics {
    private ColumnStatistics() {
    }

    /** The first {@code n} rows (all of them when there are fewer; with n &lt; 0 all but the last −n, as pandas). */
    public static TableView head(DataSet data, int n) {
        return rows(data, 0, count(data, n));
    }

    /** The last {@code n} rows with their numbers in the table (with n &lt; 0 all but the first −n, as pandas). */
    public static TableView tail(DataSet data, int n) {
        int count = count(data, n);
        return rows(data, data.rows() - count, count);
    }

    /**
     * {@code n} rows drawn at random without replacement, in the order drawn, with their numbers in the table (pandas'
     * {@code sample(n, random_state=seed)}; the same seed draws the same rows).
     */
    public static TableView sample(DataSet data, int n, long seed) {
        if (n < 0) throw new IllegalArgumentException("sample: a number of rows of at least 0, not " + n);
        int count = Math.min(n, data.rows());
        int[] order = new int[data.rows()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        List<String> columns = data.columns();
        double[][] cells = new double[count][columns.size()];
        List<String> index = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {                  // a partial Fisher–Yates shuffle: the first count places
            int pick = r + random.nextInt(order.length - r);
            int row = order[pick];
            order[pick] = order[r];
            order[r] = row;
            RowValues values = data.row(row);
            for (int c = 0; c < columns.size(); c++) cells[r][c] = values.getAt(columns.get(c));
            index.add(Integer.toString(row));
        }
        return new TableView(columns, index, cells, 0);
    }

    private static int count(DataSet data, int n) {
        return Math.max(0, Math.min(n < 0 ? data.rows() + n : n, data.rows()));
    }

    private static TableView rows(DataSet data, int from, int count) {
        List<String> columns = data.columns();
        double[][] cells = new double[count][columns.size()];
        List<String> index = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            RowValues row = data.row(from + r);
            for (int c = 0; c < columns.size(); c++) cells[r][c] = row.getAt(columns.get(c));
            index.add(Integer.toString(from + r));
        }
        return new TableView(columns, index, cells, 0);
    }

    /** pandas' {@code describe()}: count, mean, std, min, 25%, 50%, 75%, max of every column, to 6 digits. */
    public static TableView describe(DataSet data) {
        List<String> columns = data.columns();
        List<String> index = List.of("count", "mean", "std", "min", "25%", "50%", "75%", "max");
        double[][] cells = new double[index.size()][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            double[] v = data.column(columns.get(c));
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            double[] stats = {v.length, mean(v), std(v), quantile(sorted, 0), quantile(sorted, 0.25), quantile(sorted, 0.5),
                    quantile(sorted, 0.75), quantile(sorted, 1)};
            for (int s = 0; s < stats.length; s++) cells[s][c] = stats[s];
        }
        return new TableView(columns, index, cells, 6);
    }

    /**
     * pandas' {@code corr()}: the Pearson correlation of every pair of columns, a columns × columns table (1 on the
     * diagonal; NaN beside a column with no spread).
     */
    public static TableView correlations(DataSet data) {
        List<String> columns = data.columns();
        int c = columns.size();
        double[][] centred = new double[c][];
        double[] norm = new double[c];
        for (int k = 0; k < c; k++) {
            double[] v = data.column(columns.get(k));
            double m = mean(v);
            for (int r = 0; r < v.length; r++) v[r] -= m;
            centred[k] = v;
            norm[k] = Math.sqrt(dot(v, v));
        }
        double[][] cells = new double[c][c];
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < c; j++) cells[i][j] = i == j && norm[i] > 0 ? 1 : dot(centred[i], centred[j]) / (norm[i] * norm[j]);
        }
        return new TableView(columns, columns, cells, 6);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Each column's count of rows (every cell holds a number), as pandas' {@code count()}. */
    public static Map<String, Double> counts(DataSet data) {
        return each(data, v -> v.length);
    }

    /** Each column's mean, by name in column order. */
    public static Map<String, Double> means(DataSet data) {
        return each(data, ColumnStatistics::mean);
    }

    /** Each column's sample standard deviation (n − 1 in the denominator, as pandas). */
    public static Map<String, Double> stds(DataSet data) {
        return each(data, ColumnStatistics::std);
    }

    public static Map<String, Double> minima(DataSet data) {
        return each(data, v -> Arrays.stream(v).min().orElse(Double.NaN)); // NaN for no rows, as pandas
    }

    public static Map<String, Double> maxima(DataSet data) {
        return each(data, v -> Arrays.stream(v).max().orElse(Double.NaN));
    }

    private static Map<String, Double> each(DataSet data, ToDoubleFunction<double[]> statistic) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String c : data.columns()) out.put(c, statistic.applyAsDouble(data.column(c)));
        return out;
    }

    /** The mean, summed with Neumaier's compensation (a long column's rounding does not pile up). */
    static double mean(double[] v) {
        double sum = 0, compensation = 0;
        for (double a : v) {
            double t = sum + a;
            compensation += Math.abs(sum) >= Math.abs(a) ? (sum - t) + a : (a - t) + sum;
            sum = t;
        }
        return (sum + compensation) / v.length;
    }

    /** The sample standard deviation, two passes (NaN for one value, as pandas). */
    static double std(double[] v) {
        return v.length < 2 ? Double.NaN : Math.sqrt(meanSquaredDeviation(v, mean(v)) * v.length / (v.length - 1));
    }

    /** The mean of (vᵢ − m)²: the population variance about m (0 for no values). */
    static double meanSquaredDeviation(double[] v, double m) {
        if (v.length == 0) return 0;
        double[] squares = new double[v.length];
        for (int i = 0; i < v.length; i++) squares[i] = (v[i] - m) * (v[i] - m);
        return mean(squares);
    }

    /** The q-quantile of sorted values, linear between the values around q·(n − 1). */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
