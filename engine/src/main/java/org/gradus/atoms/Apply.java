package org.gradus.atoms;

import org.gradus.expr.Expr;
import org.gradus.expr.GroovyPrinter;
import org.gradus.expr.LatexPrinter;
import org.gradus.expr.Notation;
import org.gradus.expr.Shape;
import org.gradus.atoms.array.Shapes;

import java.util.List;
import java.util.Objects;

/**
 * An atom applied to arguments, e.g. {@code exp(x)} or {@code x + y}. Build through {@link Ops}, which
 * simplifies. When arguments are arrays the atom applies element by element ({@code tanh(W * x + b)},
 * {@code 2*v - w}): array arguments share one shape and scalar arguments broadcast.
 */
public final class Apply extends Expr implements Notation {
    private final Atom atom;
    private final List<Expr> args;
    private final Shape shape;

    Apply(Atom atom, List<Expr> args) {
        if (atom.arity() >= 0 && atom.arity() != args.size()) {
            throw new IllegalArgumentException(atom.name() + " takes " + atom.arity() + " argument(s), got " + args.size());
        }
        this.atom = atom;
        this.args = List.copyOf(args);
        this.shape = Shapes.broadcast(atom, this.args);
    }

    /** The common shape of the array arguments, or a scalar when every argument is one. */
    @Override
    public Shape shape() {
        return shape;
    }

    public Atom atom() {
        return atom;
    }

    public List<Expr> args() {
        return args;
    }

    public Expr arg(int k) {
        return args.get(k);
    }

    @Override
    public GroovyPrinter.Printed groovy(GroovyPrinter printer) {
        return atom.groovy(printer, args);
    }

    @Override
    public LatexPrinter.Printed latex(LatexPrinter printer) {
        return atom.latex(printer, args);
    }

    @Override
    public List<Expr> children() {
        return args;
    }

    @Override
    protected int computeHash() {
        return Objects.hash(atom, args);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Apply a && a.hashCode() == hashCode() && a.atom.equals(atom) && a.args.equals(args);
    }
}
