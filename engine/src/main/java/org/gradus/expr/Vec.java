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

    /**
     * The vector as one array-valued expression of shape [size] ({@code 2*v}, {@code W * row.x}), or null
     * when this kind of vector is converted elsewhere (a list of expressions becomes a stack of them).
     */
    default Expr asArray() {
        return null;
    }
}
