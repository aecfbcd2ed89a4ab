package org.gradus.atoms.array;

import org.gradus.expr.Expr;
import org.gradus.expr.GroovyPrinter;
import org.gradus.expr.LatexPrinter;
import org.gradus.expr.Notation;
import org.gradus.expr.Shape;

import java.util.List;
import java.util.Objects;

/**
 * An {@link ArrayOp} applied to operands — {@code W * x}, {@code softmax(z)}, {@code sum(v)}: one node,
 * whatever the size of the arrays. Its shape is checked when it is built. Build through
 * {@link ArrayOps}, which simplifies.
 */
public final class ArrayNode extends Expr implements Notation {
    private final ArrayOp op;
    private final List<Expr> args;
    private final Shape shape;

    /**
     * @throws IllegalArgumentException when the operands' shapes do not fit the operation
     */
    ArrayNode(ArrayOp op, List<Expr> args) {
        this.op = op;
        this.args = List.copyOf(args);
        this.shape = op.shape(this.args);
    }

    public ArrayOp op() {
        return op;
    }

    public List<Expr> args() {
        return args;
    }

    public Expr arg(int k) {
        return args.get(k);
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public GroovyPrinter.Printed groovy(GroovyPrinter printer) {
        return op.groovy(printer, args);
    }

    @Override
    public LatexPrinter.Printed latex(LatexPrinter printer) {
        return op.latex(printer, args);
    }

    @Override
    public List<Expr> children() {
        return args;
    }

    @Override
    protected int computeHash() {
        return Objects.hash(op, args);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayNode n && n.hashCode() == hashCode() && n.op.equals(op) && n.args.equals(args);
    }
}
