package org.gradus.result;

import org.gradus.expr.Shape;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value of an array expression at a point ({@code softmax(z).at(z: [0, 0, 0])}): JSON kind
 * {@code vector} with {@code value} an array, or {@code matrix} with {@code value} an array of rows.
 *
 * @param shape  a vector or matrix shape
 * @param values row-major values (copied by the caller)
 */
public record ArrayValue(Shape shape, double[] values) implements Shown {
    /**
     * @throws IllegalArgumentException when the values do not fit the shape
     */
    public ArrayValue {
        if (shape.isScalar() || values.length != shape.size()) {
            throw new IllegalArgumentException(values.length + " values for an array of shape " + shape.text());
        }
    }

    /** Element k (row-major). */
    public double get(int k) {
        return values[k];
    }

    /** A matrix's rows (a vector is one row). */
    public double[][] rows() {
        int r = shape.isMatrix() ? shape.rows() : 1, c = shape.isMatrix() ? shape.columns() : values.length;
        double[][] out = new double[r][c];
        for (int i = 0; i < r; i++) System.arraycopy(values, i * c, out[i], 0, c);
        return out;
    }

    @Override
    public String kind() {
        return shape.isMatrix() ? "matrix" : "vector";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", shape.isMatrix() ? rows() : values.clone());
        return m;
    }

    /** {@code [0.333333, 0.333333, 0.333333]}, a matrix one row per line. */
    @Override
    public String toText() {
        if (shape.isVector()) return row(values);
        List<String> lines = new ArrayList<>();
        for (double[] r : rows()) lines.add(row(r));
        return "[" + String.join(",\n ", lines) + "]";
    }

    private static String row(double[] r) {
        List<String> s = new ArrayList<>();
        for (double v : r) s.add(Numbers.round(v, 10));
        return "[" + String.join(", ", s) + "]";
    }

    /** Equal to an array value of the same shape and numbers (a record would compare the arrays by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayValue a && shape.equals(a.shape) && Arrays.equals(values, a.values);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return toText();
    }
}
