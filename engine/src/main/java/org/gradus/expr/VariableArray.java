package org.gradus.expr;

import java.util.List;

/**
 * A vector or matrix variable as one array-valued expression: the leaf of array expressions such as
 * {@code W * x + b}. Its value is the variable's block of coordinates; two references to one variable
 * are equal.
 */
public final class VariableArray extends Expr {
    private final VectorVariable variable;

    VariableArray(VectorVariable variable) {
        this.variable = variable;
    }

    public VectorVariable variable() {
        return variable;
    }

    @Override
    public Shape shape() {
        return variable.shape();
    }

    @Override
    public List<Expr> children() {
        return List.of();
    }

    @Override
    protected int computeHash() {
        return Long.hashCode(variable.order()) * 17 + 3;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VariableArray v && v.variable == variable;
    }
}
