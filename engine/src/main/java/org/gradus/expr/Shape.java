package org.gradus.expr;

/**
 * The shape of an expression's value: a scalar, a vector of n, or a matrix of rows × columns. An array
 * value is stored flat, row-major (element (i, j) of a matrix at i·columns + j), so the elements of a
 * matrix are contiguous rows.
 */
public final class Shape {
    /** A single number. */
    public static final Shape SCALAR = new Shape(0, 0, 0);

    private final int rank;
    private final int rows;
    private final int columns;

    private Shape(int rank, int rows, int columns) {
        this.rank = rank;
        this.rows = rows;
        this.columns = columns;
    }

    /**
     * A vector of n elements.
     *
     * @throws IllegalArgumentException when n &lt; 1
     */
    public static Shape vector(int n) {
        if (n < 1) throw new IllegalArgumentException("a vector needs at least one element, got " + n);
        return new Shape(1, n, 1);
    }

    /**
     * A matrix of rows × columns.
     *
     * @throws IllegalArgumentException when either is below 1
     */
    public static Shape matrix(int rows, int columns) {
        if (rows < 1 || columns < 1) throw new IllegalArgumentException("a matrix needs at least one row and one column, got " + rows + "×" + columns);
        return new Shape(2, rows, columns);
    }

    /** 0 for a scalar, 1 for a vector, 2 for a matrix. */
    public int rank() {
        return rank;
    }

    public boolean isScalar() {
        return rank == 0;
    }

    public boolean isVector() {
        return rank == 1;
    }

    public boolean isMatrix() {
        return rank == 2;
    }

    /** The number of elements (1 for a scalar). */
    public int size() {
        return rank == 0 ? 1 : rows * columns;
    }

    /** A vector's length or a matrix's number of rows (1 for a scalar). */
    public int rows() {
        return rank == 0 ? 1 : rows;
    }

    /** A matrix's number of columns (1 for a vector or a scalar). */
    public int columns() {
        return rank == 2 ? columns : 1;
    }

    /** The dimensions as JSON writes them: {@code []}, {@code [n]}, {@code [rows, columns]}. */
    public int[] dims() {
        return switch (rank) {
            case 0 -> new int[0];
            case 1 -> new int[]{rows};
            default -> new int[]{rows, columns};
        };
    }

    /** The shape with rows and columns swapped (a vector stays a vector). */
    public Shape transposed() {
        return rank == 2 ? matrix(columns, rows) : this;
    }

    /** How messages write the shape: {@code 8×2} for a matrix, {@code 3} for a vector, {@code a scalar}. */
    public String text() {
        return switch (rank) {
            case 0 -> "a scalar";
            case 1 -> Integer.toString(rows);
            default -> rows + "×" + columns;
        };
    }

    /** {@code has 3}, {@code is 8×2}, {@code is a scalar}: how a message says an operand's shape. */
    public String described() {
        return rank == 1 ? "has " + rows : "is " + text();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && s.rank == rank && s.rows == rows && s.columns == columns;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rank + rows) + columns;
    }

    @Override
    public String toString() {
        return text();
    }
}
