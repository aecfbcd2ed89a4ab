package org.gradus.expr;

import java.util.List;
import java.util.Objects;

/**
 * An element of a constant table at an index expression: constant data read inside a reduction
 * (a row of a data set, a constant vector). Its derivative is zero.
 */
public final class Lookup extends Expr {
    private final String name;
    private final double[] table;
    private final Expr index;
    private final String label;

    public Lookup(String name, double[] table, Expr index) {
        this(name, table, index, null);
    }

    /** With a label, the lookup prints as the label (e.g. {@code row.x[1]}) instead of {@code name[index]}. */
    public Lookup(String name, double[] table, Expr index, String label) {
        this.name = name;
        this.table = table;
        this.index = index;
        this.label = label;
    }

    /** How the lookup prints, or null to print {@code name[index]}. */
    public String label() {
        return label;
    }

    public String name() {
        return name;
    }

    /** The shared table; never modified. */
    public double[] table() {
        return table;
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
