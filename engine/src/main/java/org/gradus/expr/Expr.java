package org.gradus.expr;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A mathematical expression: an immutable tree (a DAG when sub-trees are shared) whose value is a
 * number or, for array nodes, a vector or matrix of numbers ({@link #shape()}).
 *
 * <p>Nodes are constants, variables and their elements, loop indices, applications of an {@link
 * org.gradus.atoms.Atom} and reductions ({@link SumOver}). Equality is structural (variables compare
 * by identity), so like terms can be collected and derivatives cached. Every pass over expressions —
 * differentiation, printing, compilation, convexity — lives outside the node classes.
 */
public abstract class Expr {
    private int hash;

    /** The direct sub-expressions, in argument order. */
    public abstract List<Expr> children();

    protected abstract int computeHash();

    @Override
    public final int hashCode() {
        int h = hash;
        if (h == 0) {
            h = computeHash();
            if (h == 0) h = 1;
            hash = h;
        }
        return h;
    }

    /**
     * The shape of the value: {@link Shape#SCALAR} for every scalar node; array nodes (a vector or matrix
     * variable as a whole, W·x, an elementwise function of arrays) override this.
     */
    public Shape shape() {
        return Shape.SCALAR;
    }

    /** True when the value is a vector or a matrix. */
    public final boolean isArray() {
        return !shape().isScalar();
    }

    /** True when the expression is the given number. */
    public boolean isConstant(double v) {
        return this instanceof Constant c && c.value() == v;
    }

    /** The variables (scalar and vector) this expression depends on, in declaration order. */
    public Layout layout() {
        return Layout.of(this);
    }

    /** Variables and vector variables that occur in this expression, unordered. */
    public Set<Object> variableBlocks() {
        Set<Object> out = new LinkedHashSet<>();
        Traversal.forEachNode(this, e -> {
            if (e instanceof Variable v) out.add(v);
            else if (e instanceof Element el) out.add(el.vector());
            else if (e instanceof VariableArray va) out.add(va.variable());
        });
        return out;
    }

    /** Re-enterable Groovy text, e.g. {@code (1 - x)**2 + 100*(y - x**2)**2}. */
    @Override
    public String toString() {
        return GroovyPrinter.print(this);
    }

    /** LaTeX text of this expression. */
    public String latex() {
        return LatexPrinter.print(this);
    }
}
