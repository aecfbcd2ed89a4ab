package org.gradus.expr;

/**
 * A vector operand of a vector function ({@code dot}, {@code norm2}, ...): a {@link VectorVariable},
 * a list of expressions, or a constant vector.
 */
public interface Vec {
    int size();

    /** Element k as a scalar expression. */
    Expr get(int k);

    /** Element at a symbolic index (an expression of loop indices); null when not supported. */
    Expr get(Expr index);
}
