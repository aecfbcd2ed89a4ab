package org.gradus.expr;

import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A constant matrix, e.g. the {@code A} of {@code quadForm(v, A)}. Rows of equal length; immutable. */
public final class Matrix {
    private final double[][] rows;

    public Matrix(double[][] rows) {
        if (rows.length == 0) throw new IllegalArgumentException("a matrix needs at least one row");
        int n = rows[0].length;
        this.rows = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != n) {
                throw new IllegalArgumentException("matrix row " + i + " has " + rows[i].length + " entries, row 0 has " + n);
            }
            this.rows[i] = rows[i].clone();
        }
    }

    public int rows() {
        return rows.length;
    }

    public int columns() {
        return rows[0].length;
    }

    public double get(int i, int j) {
        return rows[i][j];
    }

    public double[][] toArray() {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) out[i] = rows[i].clone();
        return out;
    }

    /** Row-major copy. */
    public double[] flat() {
        int n = columns();
        double[] out = new double[rows.length * n];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, out, i * n, n);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && Arrays.deepEquals(m.rows, rows);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(rows);
    }

    @Override
    public String toString() {
        List<String> rs = new ArrayList<>();
        for (double[] r : rows) {
            List<String> cs = new ArrayList<>();
            for (double v : r) cs.add(Numbers.format(v));
            rs.add("[" + String.join(", ", cs) + "]");
        }
        return "matrix([" + String.join(", ", rs) + "])";
    }
}
