package org.gradus.data;

import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The numbers of one row of a data set, as a loop over the rows sees them ({@code for (row in test)},
 * {@code test.collect { row -> ... }}): {@code row.x} the features as numbers, {@code row.y} the target, a column by
 * name as {@code row.price} or {@code row['price']} — the same words as the symbolic row of a reduction, but numbers,
 * as pandas' {@code itertuples} gives them. A copy: changing the table afterwards changes nothing here.
 */
public final class RowValues {
    private final String table;
    private final int index;
    private final List<String> columns;
    private final String target;
    private final List<Double> features;
    private final Double y;

    RowValues(String table, int index, List<String> columns, String target, double[] features, Double y) {
        this.table = table;
        this.index = index;
        this.columns = columns;
        this.target = target;
        List<Double> f = new ArrayList<>(features.length);
        for (double v : features) f.add(v);
        this.features = Collections.unmodifiableList(f);
        this.y = y;
    }

    /** The row's number in its table, from 0. */
    public int getIndex() {
        return index;
    }

    /** The feature values, in column order without the target. */
    public List<Double> getX() {
        return features;
    }

    /** The target value (a class number for a class target). */
    public double getY() {
        if (y == null) throw new IllegalArgumentException(table + " has no target; read it with csv(file, target: 'column')");
        return y;
    }

    /** One column by name: {@code row.price}. */
    public double get(String column) {
        return getAt(column);
    }

    /** One column by name: {@code row['price']}. */
    public double getAt(String column) {
        if (column.equals(target)) return getY();
        int k = 0;
        for (String c : columns) {
            if (c.equals(column)) return features.get(k);
            if (!c.equals(target)) k++;
        }
        throw new IllegalArgumentException(table + " has no column '" + column + "'; its columns are " + columns);
    }

    /** {@code [a: 1, b: 2, y: 1]}: the row's columns in table order. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("[");
        int k = 0;
        for (String c : columns) {
            if (s.length() > 1) s.append(", ");
            double v = c.equals(target) ? y : features.get(k++);
            s.append(c).append(": ").append(Numbers.format(v));
        }
        return s.append(']').toString();
    }
}
