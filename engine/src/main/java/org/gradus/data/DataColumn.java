package org.gradus.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * One column of a data set as a script reads it, {@code data['price']} (or the target, {@code data.y}): a list of its numbers
 * (every list word works on it), with pandas' Series statistics, {@code data['price'].mean()}, {@code .std()} (the
 * sample one, divided by n − 1, as pandas), {@code .var()}, {@code .median()}, {@code .quantile(0.25)},
 * {@code .min()}, {@code .max()}, {@code .sum()} (compensated, as Python's {@code math.fsum}), {@code .count()} and
 * {@code .describe()} — the same numbers {@code data.describe()} gives for that column. Its arithmetic is pandas'
 * too, element by element: {@code data['size'] * 2}, {@code data['a'] + data['b']},
 * {@code (p - p.mean()) / p.std()} are columns (a Groovy list would repeat or join). It stays a list otherwise:
 * sorted or added to, its statistics are of what it holds.
 */
public final class DataColumn extends ArrayList<Double> {
    private final String name;

    public DataColumn(String name, double[] values) {
        super(values.length);
        this.name = name;
        for (double v : values) add(v);
    }

    /** The column's name, as pandas' {@code Series.name} (null for a column made of two differently named ones). */
    public String name() {
        return name;
    }

    public double mean() {
        return isEmpty() ? Double.NaN : ColumnStatistics.mean(numbers());
    }

    /** The sample standard deviation (n − 1), as pandas' {@code std()} and numpy's {@code std(ddof=1)}. */
    public double std() {
        return ColumnStatistics.std(numbers());
    }

    /** The sample variance (n − 1), as pandas' {@code var()}. */
    public double var() {
        return ColumnStatistics.variance(numbers());
    }

    public double median() {
        return quantile(0.5);
    }

    /** The q-quantile, linear between the sorted values around q·(n − 1) (pandas' and numpy's default). */
    public double quantile(double q) {
        if (!(q >= 0 && q <= 1)) throw new IllegalArgumentException("quantile takes a fraction between 0 and 1 (0.25 for the first quartile), not " + q);
        return ColumnStatistics.quantile(sorted(), q);
    }

    public double min() {
        return quantile(0);
    }

    public double max() {
        return quantile(1);
    }

    public double sum() {
        return ColumnStatistics.sum(numbers());
    }

    /** The number of values, as pandas' {@code count()}. */
    public int count() {
        return size();
    }

    /** pandas' {@code Series.describe()}: count, mean, std, min, 25%, 50%, 75%, max. */
    public Map<String, Double> describe() {
        double[] stats = ColumnStatistics.summary(numbers());
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < stats.length; i++) out.put(ColumnStatistics.SUMMARY.get(i), stats[i]);
        return out;
    }

    public DataColumn plus(Number n) {
        return map(v -> v + n.doubleValue());
    }

    public DataColumn minus(Number n) {
        return map(v -> v - n.doubleValue());
    }

    public DataColumn multiply(Number n) {
        return map(v -> v * n.doubleValue());
    }

    public DataColumn div(Number n) {
        return map(v -> v / n.doubleValue());
    }

    /** {@code n / data['a']}: n divided by each value. */
    public DataColumn dividing(Number n) {
        return map(v -> n.doubleValue() / v);
    }

    public DataColumn power(Number n) {
        return map(v -> Math.pow(v, n.doubleValue()));
    }

    public DataColumn negative() {
        return map(v -> -v);
    }

    public DataColumn plus(List<?> other) {
        return zip(other, "+", Double::sum);
    }

    public DataColumn minus(List<?> other) {
        return zip(other, "-", (a, b) -> a - b);
    }

    public DataColumn multiply(List<?> other) {
        return zip(other, "*", (a, b) -> a * b);
    }

    public DataColumn div(List<?> other) {
        return zip(other, "/", (a, b) -> a / b);
    }

    private DataColumn map(DoubleUnaryOperator f) {
        double[] v = numbers();
        for (int i = 0; i < v.length; i++) v[i] = f.applyAsDouble(v[i]);
        return new DataColumn(name, v);
    }

    private DataColumn zip(List<?> other, String operator, DoubleBinaryOperator f) {
        if (other.size() != size()) {
            throw new IllegalArgumentException("the column " + name + " has " + size() + " values and the other side of " + operator + " has "
                    + other.size() + ": element by element, both need the same length (pandas would align them by row label)");
        }
        double[] v = numbers();
        for (int i = 0; i < v.length; i++) {
            if (!(other.get(i) instanceof Number n)) {
                throw new IllegalArgumentException("the column " + name + " " + operator + " a list: element " + i + " of the list is "
                        + other.get(i) + ", not a number");
            }
            v[i] = f.applyAsDouble(v[i], n.doubleValue());
        }
        return new DataColumn(other instanceof DataColumn c && !c.name.equals(name) ? null : name, v);
    }

    private double[] sorted() {
        double[] s = numbers();
        Arrays.sort(s);
        return s;
    }

    /** The numbers the list holds now (a script may have sorted or added to it). */
    private double[] numbers() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) out[i] = get(i);
        return out;
    }
}
