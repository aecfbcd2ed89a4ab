package org.gradus.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A point: a value for each variable, in declaration order. A scalar variable has a number
 * ({@link #get}), a vector variable an array ({@link #vector}), a matrix variable rows ({@link #matrix}).
 * This is the JSON "point" of SPEC §3 ({@code {"x": 1, "w": [0.5, 0.25]}}); results use it for solutions,
 * evaluation points and gradient values. Immutable.
 */
public final class Point {
    private final Map<String, Object> values;

    private Point(Map<String, Object> values) {
        this.values = values;
    }

    /** The point of a JSON object (name to number, array or array of arrays). */
    static Point of(Map<?, ?> json) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : json.entrySet()) {
            Object v = e.getValue();
            Object value;
            if (v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof List<?>) value = JsonValues.rows(v);
            else if (v instanceof List<?>) value = JsonValues.numbers(v);
            else value = JsonValues.number(v);
            values.put(String.valueOf(e.getKey()), value);
        }
        return new Point(values);
    }

    /** The variable names, in declaration order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** The number of variables (a vector counts once). */
    public int size() {
        return values.size();
    }

    /**
     * The value of the scalar variable {@code name}.
     *
     * @throws IllegalArgumentException when the point has no such variable, or it is a vector or matrix
     */
    public double get(String name) {
        Object v = require(name);
        if (v instanceof Double d) return d;
        throw new IllegalArgumentException("'" + name + "' is a " + (v instanceof double[] ? "vector" : "matrix")
                + "; read it with " + (v instanceof double[] ? "vector" : "matrix") + "(\"" + name + "\")");
    }

    /**
     * The values of the vector variable {@code name} (a copy).
     *
     * @throws IllegalArgumentException when the point has no such variable or it is not a vector
     */
    public double[] vector(String name) {
        Object v = require(name);
        if (v instanceof double[] d) return d.clone();
        throw new IllegalArgumentException("'" + name + "' is not a vector");
    }

    /**
     * The rows of the matrix variable {@code name} (a copy).
     *
     * @throws IllegalArgumentException when the point has no such variable or it is not a matrix
     */
    public double[][] matrix(String name) {
        Object v = require(name);
        if (v instanceof double[][] m) {
            double[][] out = new double[m.length][];
            for (int i = 0; i < m.length; i++) out[i] = m[i].clone();
            return out;
        }
        throw new IllegalArgumentException("'" + name + "' is not a matrix");
    }

    /** Every element in order, vectors and matrices flattened (row by row): the point as one array. */
    public double[] flat() {
        double[] out = new double[0];
        for (Object v : values.values()) {
            double[] part;
            if (v instanceof Double d) part = new double[]{d};
            else if (v instanceof double[] a) part = a;
            else part = Arrays.stream((double[][]) v).flatMapToDouble(Arrays::stream).toArray();
            double[] grown = Arrays.copyOf(out, out.length + part.length);
            System.arraycopy(part, 0, grown, out.length, part.length);
            out = grown;
        }
        return out;
    }

    /** The point as a map from name to {@link Double}, {@code double[]} or {@code double[][]} (copies). */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : values.keySet()) {
            Object v = values.get(name);
            out.put(name, v instanceof double[] a ? a.clone() : v instanceof double[][] ? matrix(name) : v);
        }
        return out;
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) throw new IllegalArgumentException("no variable '" + name + "' in this point; it has " + values.keySet());
        return v;
    }

    /** {@code (x = 1, w = [0.5, 0.25])}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (sb.length() > 1) sb.append(", ");
            Object v = e.getValue();
            sb.append(e.getKey()).append(" = ").append(v instanceof double[] a ? Arrays.toString(a)
                    : v instanceof double[][] m ? Arrays.deepToString(m) : v);
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Point p) || !p.values.keySet().equals(values.keySet())) return false;
        for (String k : values.keySet()) {
            if (!Arrays.deepEquals(new Object[]{values.get(k)}, new Object[]{p.values.get(k)})) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values.values().toArray());
    }
}
