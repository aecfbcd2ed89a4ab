package org.gradus.api;

import java.util.List;

/**
 * A vector or matrix of numbers a script showed (JSON kind {@code vector}, {@code value} an array; or
 * {@code matrix}, {@code value} an array of rows): an array expression without variables
 * ({@code softmax([1000, -1000, 0])}, {@code A * [1, 1]}) or one evaluated at a point
 * ({@code (W * x).at(x: [1, 2])}).
 *
 * <pre>
 * double[] p = session.run("softmax([1000, -1000, 0])").first(ArrayResult.class).vector();   // {1, 0, 0}
 * </pre>
 */
public final class ArrayResult extends Result {
    ArrayResult(Record record) {
        super(record);
    }

    /** True for a matrix (kind {@code matrix}), false for a vector. */
    public boolean isMatrix() {
        return "matrix".equals(kind());
    }

    /** The number of rows of a matrix; 1 for a vector. */
    public int rows() {
        return isMatrix() ? matrix().length : 1;
    }

    /** The number of columns of a matrix; a vector's length. */
    public int columns() {
        double[][] m = matrix();
        return m.length == 0 ? 0 : m[0].length;
    }

    /**
     * A vector's elements (a new array each call).
     *
     * @throws IllegalStateException for a matrix: read it with {@link #matrix()} (or {@link #values()}, row by row)
     */
    public double[] vector() {
        if (isMatrix()) throw new IllegalStateException("this is a " + rows() + "×" + columns() + " matrix; read it with matrix() or values()");
        return JsonValues.numbers(field("value"));
    }

    /** A matrix's rows (a new array each call); a vector is one row. */
    public double[][] matrix() {
        Object v = field("value");
        if (!isMatrix()) return new double[][]{JsonValues.numbers(v)};
        return JsonValues.rows(v);
    }

    /** Every element, a matrix row by row (row-major, as numpy's {@code ravel()}); a new array each call. */
    public double[] values() {
        if (!isMatrix()) return vector();
        double[][] m = matrix();
        int c = m.length == 0 ? 0 : m[0].length;
        double[] out = new double[m.length * c];
        for (int i = 0; i < m.length; i++) System.arraycopy(m[i], 0, out, i * c, c);
        return out;
    }

    /** The shape as numpy gives it: {@code [n]} for a vector, {@code [rows, columns]} for a matrix. */
    public List<Integer> shape() {
        return isMatrix() ? List.of(rows(), columns()) : List.of(vector().length);
    }
}
