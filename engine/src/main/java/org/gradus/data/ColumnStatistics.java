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
            index.add(Integer.toString(data.label(row)));
        }
        return new TableView(columns, index, cells, 0).withLabels(classLabels(data));
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
            index.add(Integer.toString(data.label(from + r)));
        }
        return new TableView(columns, index, cells, 0).withLabels(classLabels(data));
    }

    /** Bytes as pandas' info() writes them: 960 bytes, 2.8 KB, 76.3 MB, 1.5 GB (powers of 1024). */
    static String size(long bytes) {
        if (bytes < 1024) return bytes + " bytes";
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes / 1024.0;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** A class target's names by column, as pandas shows the labels a file held; empty without classes. */
    private static Map<String, List<String>> classLabels(DataSet data) {
        return data.classCount() > 0 ? Map.of(data.target(), data.classes()) : Map.of();
    }

    /**
     * pandas' {@code info()}: the rows, and per column its role, count of numbers and how they are stored, with
     * the memory the table takes; read from what the data set knows, never from its rows (so also on Spark).
     */
    public static String info(DataSet data) {
        List<String> columns = data.columns();
        boolean single = "float".equals(data.precision());
        String type = single ? "float32" : "float64";
        StringBuilder s = new StringBuilder("data set ").append(data.name()).append(": ").append(data.rows()).append(" rows")
                .append(data.rows() > 0 ? " (0 to " + (data.rows() - 1) + ")" : "").append(", ").append(columns.size()).append(" columns");
        if (data.partitions() != null) s.append(", in ").append(data.partitions().where());
        String[][] table = new String[columns.size() + 1][];
        table[0] = new String[]{"#", "column", "role", "non-null", "type"};
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c);
            boolean target = name.equals(data.target());
            String kind = target && data.classCount() > 0
                    ? "class 0.." + (data.classCount() - 1) + " of " + data.classes() : type;
            table[c + 1] = new String[]{Integer.toString(c), name, target ? "target" : "feature", Integer.toString(data.rows()), kind};
        }
        int[] width = new int[table[0].length];
        for (String[] row : table) for (int k = 0; k < row.length; k++) width[k] = Math.max(width[k], row[k].length());
        for (String[] row : table) {
            s.append("\n ");
            for (int k = 0; k < row.length; k++) {
                s.append(k == 0 ? " ".repeat(width[0] - row[0].length()) + row[0] : "  " + row[k] + (k < row.length - 1 ? " ".repeat(width[k] - row[k].length()) : ""));
            }
        }
        long bytes = (long) data.rows() * columns.size() * (single ? 4 : 8);
        s.append("\nmemory: ").append(size(bytes)).append(" (").append(columns.size()).append(" × ").append(type)
                .append(data.partitions() != null ? ", on the cluster" : "").append("); no missing values: csv refuses an empty cell");
        return s.toString();
    }

    /** The rows of {@code describe()}, in pandas' order. */
    static final List<String> SUMMARY = List.of("count", "mean", "std", "min", "25%", "50%", "75%", "max");

    /** pandas' {@code describe()}: count, mean, std, min, 25%, 50%, 75%, max of every column, to 6 digits. */
    public static TableView describe(DataSet data) {
        List<String> columns = data.columns();
        double[][] cells = new double[SUMMARY.size()][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            double[] stats = summary(data.column(columns.get(c)));
            for (int s = 0; s < stats.length; s++) cells[s][c] = stats[s];
        }
        return new TableView(columns, SUMMARY, cells, 6);
    }

    /** One column's {@link #SUMMARY}. */
    static double[] summary(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        return new double[]{v.length, v.length == 0 ? Double.NaN : mean(v), std(v), quantile(sorted, 0), quantile(sorted, 0.25),
                quantile(sorted, 0.5), quantile(sorted, 0.75), quantile(sorted, 1)};
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
        return sum(v) / v.length;
    }

    /**
     * The sum with Neumaier's compensation: the rounding of each addition is carried along, so the result is the
     * exact sum rounded once in all but extreme cases (as Python's {@code math.fsum}).
     */
    public static double sum(double[] v) {
        double sum = 0, compensation = 0;
        for (double a : v) {
            double t = sum + a;
            compensation += Math.abs(sum) >= Math.abs(a) ? (sum - t) + a : (a - t) + sum;
            sum = t;
        }
        return sum + compensation;
    }

    /** The sample standard deviation, two passes (NaN for one value, as pandas). */
    static double std(double[] v) {
        return Math.sqrt(variance(v));
    }

    /** The sample variance, divided by n − 1 (NaN for one value, as pandas' {@code var()}). */
    static double variance(double[] v) {
        return v.length < 2 ? Double.NaN : meanSquaredDeviation(v, mean(v)) * v.length / (v.length - 1);
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
