package org.gradus.expr;

import java.util.List;
import java.util.Objects;

/**
 * A contiguous block of a constant table read as a vector inside a reduction: {@code row.x}, the
 * feature vector of the current row, is {@code table[base .. base + n)} with base = features·row. Like
 * {@link Lookup} it is data: its derivative is zero.
 */
public final class TableSlice extends Expr {
    private final String name;
    /** A double[] or float[] ({@link TableStorage}). */
    private final Object table;
    private final Expr base;
    private final int length;
    private final String label;

    /**
     * @param name   the table's name
     * @param table  the shared table, never modified
     * @param base   the index of the first element (an expression of loop indices)
     * @param length the number of elements
     * @param label  how it prints ({@code row.x}), or null for {@code name[base..]}
     */
    public TableSlice(String name, double[] table, Expr base, int length, String label) {
        this(name, (Object) table, base, length, label);
    }

    /** A block of a table of 32-bit floats (a data set read with {@code precision: 'float'}), read as doubles. */
    public TableSlice(String name, float[] table, Expr base, int length, String label) {
        this(name, (Object) table, base, length, label);
    }

    /**
     * A block of {@code table}, a double[] or a float[] ({@link TableStorage}).
     *
     * @throws IllegalArgumentException for any other table
     */
    public TableSlice(String name, Object table, Expr base, int length, String label) {
        this.name = name;
        this.table = TableStorage.require(table);
        this.base = base;
        this.length = length;
        this.label = label;
    }

    public String name() {
        return name;
    }

    /** The shared table, a double[] or a float[] ({@link TableStorage}); never modified. */
    public Object table() {
        return table;
    }

    /** Element i of the table (not of the block), as a double. */
    public double at(int i) {
        return TableStorage.at(table, i);
    }

    /** The number of elements of the table. */
    public int tableLength() {
        return TableStorage.length(table);
    }

    public Expr base() {
        return base;
    }

    public int length() {
        return length;
    }

    public String label() {
        return label;
    }

    /** The same block at another base (after substituting into the index). */
    public TableSlice withBase(Expr newBase) {
        return new TableSlice(name, table, newBase, length, label);
    }

    @Override
    public Shape shape() {
        return Shape.vector(length);
    }

    @Override
    public List<Expr> children() {
        return List.of(base);
    }

    @Override
    protected int computeHash() {
        return Objects.hash(System.identityHashCode(table), base, length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableSlice t && t.table == table && t.length == length && t.base.equals(base);
    }
}
