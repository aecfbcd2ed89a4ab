package org.gradus.expr;

import java.util.List;

/** A short vector written as a list of expressions, e.g. {@code [x, y]} or {@code [1, 2]}. */
public record ExprVector(List<Expr> elements) implements Vec {
    public ExprVector {
        if (elements.isEmpty()) throw new IllegalArgumentException("an empty vector");
        elements = List.copyOf(elements);
    }

    @Override
    public int size() {
        return elements.size();
    }

    @Override
    public Expr get(int k) {
        return elements.get(k);
    }

    @Override
    public Expr get(Expr index) {
        if (index instanceof Constant c) return get((int) c.value());
        return null;
    }

    public boolean isConstant() {
        return elements.stream().allMatch(e -> e instanceof Constant);
    }
}
