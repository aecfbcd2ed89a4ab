package org.gradus.atoms.array;

import org.gradus.expr.Shape;

/** Small helpers of the array words: a shape from the numbers a script passes. */
final class Arrays {
    private Arrays() {
    }

    /**
     * A vector of rows (columns 0) or a rows × columns matrix.
     *
     * @throws IllegalArgumentException for sizes that are not positive whole numbers
     */
    static Shape shape(double rows, double columns) {
        int r = whole(rows, "rows"), c = columns == 0 ? 0 : whole(columns, "columns");
        return c == 0 ? Shape.vector(r) : Shape.matrix(r, c);
    }

    /** A whole number ≥ 0 (an offset or an index). */
    static int index(double v, String what) {
        if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) throw new IllegalArgumentException(what + " must be a whole number ≥ 0, got " + v);
        return (int) v;
    }

    static int whole(double v, String what) {
        if (v != Math.rint(v) || v < 1 || v > Integer.MAX_VALUE) throw new IllegalArgumentException(what + " must be a whole number ≥ 1, got " + v);
        return (int) v;
    }
}
