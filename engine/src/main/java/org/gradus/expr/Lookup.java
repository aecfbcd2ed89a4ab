package org.gradus.expr;

import java.util.List;
import java.util.Objects;

/**
 * An element of a constant table at an index expression: constant data read inside a reduction
 * (a row of a data set, a constant vector). Its derivative is zero.
 */
public final class Lookup extends Expr {
    private final String name;
    /** A double[] or float[] ({@link TableStorage}). */
    private final Object table;
    private final Expr index;
    private final String label;

    public Lookup(String name, double[] table, Expr index) {
        this(name, (Object) table, index, null);
    }

    /** With a label, the lookup prints as the label (e.g. {@code row.x[1]}) instead of {@code name[index]}. */
    public Lookup(String name, double[] table, Expr index, String label) {
        this(name, (Object) table, index, label);
    }

    /** An element of a table of 32-bit floats (a data set read with {@code precision: 'float'}), read as a double. */
    public Lookup(String name, float[] table, Expr index, String label) {
        this(name, (Object) table, index, label);
    }

    /**
     * An element of {@code table}, a double[] or a float[] ({@link TableStorage}).
     *
     * @throws IllegalArgumentException for any other table
     */
    public Lookup(String name, Object table, Expr index, String label) {
        this.name = name;
        this.table = TableStorage.require(table);
        this.index = index;
        this.label = label;
    }

    /** The same table read at another index. */
    public Lookup withIndex(Expr newIndex) {
        return new Lookup(name, table, newIndex, label);
    }

    /** How the lookup prints, or null to print {@code name[index]}. */
    public String label() {
        return label;
    }

    public String name() {
        return name;
    }

    /** The shared table, a double[] or a float[] ({@link TableStorage}); never modified. */
    public Object table() {
        return table;
    }

    /** Element i of the table, as a double. */
    public double at(int i) {
        return TableStorage.at(table, i);
    }

    /** The number of elements of the table. */
    public int tableLength() {
        return TableStorage.length(table);
    }

    public Expr index() {
        return index;
    }

    @Override
    public List<Expr> children() {
        return List.of(index);
    }

    @Override
    protected int computeHash() {
        return Objects.hash(System.identityHashCode(table), index);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lookup l && l.table == table && l.index.equals(index);
    }
}
