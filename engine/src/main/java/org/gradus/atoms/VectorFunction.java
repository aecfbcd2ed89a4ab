package org.gradus.atoms;

import org.gradus.expr.Expr;
import org.gradus.expr.GroovyPrinter;
import org.gradus.expr.LatexPrinter;
import org.gradus.expr.Notation;
import org.gradus.expr.Vec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link VectorAtom} applied to whole vectors — {@code dot(w, x)}, {@code norm2(v)}, {@code l1(w)},
 * {@code quadForm(v, A)} — kept as one node so it prints as written and the convexity rules can see it
 * whole. Evaluation and differentiation use its {@link #lowered()} scalar form (a reduction over the
 * elements).
 */
public final class VectorFunction extends Expr implements Notation {
    private final VectorAtom atom;
    private final List<Vec> operands;
    private final Expr lowered;

    /**
     * @throws IllegalArgumentException when the number of operands is not the atom's arity, or their sizes
     *                                  do not fit (vectors of unequal size, a matrix of the wrong shape)
     */
    public VectorFunction(VectorAtom atom, List<Vec> operands) {
        if (operands.size() != atom.arity()) {
            throw new IllegalArgumentException(atom.name() + " takes " + atom.arity() + " vector(s), got " + operands.size());
        }
        this.atom = atom;
        this.operands = List.copyOf(operands);
        this.lowered = atom.lower(this.operands);
    }

    public VectorAtom atom() {
        return atom;
    }

    public List<Vec> operands() {
        return operands;
    }

    /** The same function as a scalar expression over the elements. */
    public Expr lowered() {
        return lowered;
    }

    /** {@code dot(w, x)}, {@code quadForm(v, [[2, 1], [1, 3]])}, {@code elasticNet(w, 0.5)}. */
    @Override
    public GroovyPrinter.Printed groovy(GroovyPrinter p) {
        List<String> args = new ArrayList<>();
        for (Vec o : operands) args.add(p.vec(o));
        args.addAll(atom.printedParameters());
        return new GroovyPrinter.Printed(atom.name() + "(" + String.join(", ", args) + ")", GroovyPrinter.ATOM);
    }

    /** LaTeX has no short form for these: the scalar form over the elements. */
    @Override
    public LatexPrinter.Printed latex(LatexPrinter p) {
        return p.printed(lowered);
    }

    @Override
    public List<Expr> children() {
        return List.of(lowered);
    }

    @Override
    protected int computeHash() {
        return Objects.hash(atom, lowered);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorFunction v && v.atom.equals(atom) && v.lowered.equals(lowered);
    }
}
