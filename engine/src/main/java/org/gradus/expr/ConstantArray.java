package org.gradus.expr;

import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A vector or matrix of numbers used whole in array expressions: {@code matrix([[2, 1], [1, 3]])},
 * {@code [1, 2, 3]}, a one-hot vector. Values are row-major and never modified; equality is by value.
 */
public final class ConstantArray extends Expr {
    private final String name;
    private final double[] values;
    private final Shape shape;

    /**
     * @param name   how it prints (null: by its values)
     * @param values row-major values, shared, never modified
     * @throws IllegalArgumentException when the number of values does not fit the shape
     */
    public ConstantArray(String name, double[] values, Shape shape) {
        if (shape.isScalar() || values.length != shape.size()) {
            throw new IllegalArgumentException("a constant array of shape " + shape.text() + " needs " + shape.size() + " values, got " + values.length);
        }
        this.name = name;
        this.values = values;
        this.shape = shape;
    }

    /** A constant matrix as an array expression. */
    public static ConstantArray of(Matrix m) {
        return new ConstantArray(null, m.flat(), Shape.matrix(m.rows(), m.columns()));
    }

    public String name() {
        return name;
    }

    /** The values, row-major (shared: do not modify). */
    public double[] values() {
        return values;
    }

    public double get(int k) {
        return values[k];
    }

    /** True when every element is the number v. */
    public boolean isFilledWith(double v) {
        for (double x : values) if (Double.compare(x, v) != 0 && !(x == 0 && v == 0)) return false;
        return true;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    /** {@code [1, 2, 3]} or {@code matrix([[2, 1], [1, 3]])}, or its name. */
    public String text() {
        if (name != null) return name;
        if (shape.isVector()) return row(0, values.length);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < shape.rows(); i++) rows.add(row(i * shape.columns(), (i + 1) * shape.columns()));
        return "matrix([" + String.join(", ", rows) + "])";
    }

    private String row(int from, int to) {
        List<String> s = new ArrayList<>();
        for (int k = from; k < to; k++) s.add(Numbers.format(values[k]));
        return "[" + String.join(", ", s) + "]";
    }

    @Override
    public List<Expr> children() {
        return List.of();
    }

    @Override
    protected int computeHash() {
        return Arrays.hashCode(values) * 31 + shape.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConstantArray c && c.shape.equals(shape) && Arrays.equals(c.values, values);
    }
}
