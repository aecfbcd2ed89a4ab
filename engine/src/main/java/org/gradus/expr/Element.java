package org.gradus.expr;

import java.util.List;
import java.util.Objects;

/** The element {@code vector[index]} of a vector variable; the index is a constant or an expression of loop indices. */
public final class Element extends Expr {
    private final VectorVariable vector;
    private final Expr index;

    Element(VectorVariable vector, Expr index) {
        this.vector = vector;
        this.index = index;
    }

    public VectorVariable vector() {
        return vector;
    }

    public Expr index() {
        return index;
    }

    /** The constant index, or -1 when the index depends on a loop index. */
    public int constantIndex() {
        return index instanceof Constant c ? (int) c.value() : -1;
    }

    @Override
    public List<Expr> children() {
        return List.of(index);
    }

    @Override
    protected int computeHash() {
        return Objects.hash(vector.order(), index);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Element e && e.vector == vector && e.index.equals(index);
    }
}
