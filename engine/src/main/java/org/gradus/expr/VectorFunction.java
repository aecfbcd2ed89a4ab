package org.gradus.expr;

import org.gradus.atoms.VectorAtom;

import java.util.List;
import java.util.Objects;

/**
 * A function of whole vectors — {@code dot(w, x)}, {@code norm2(v)}, {@code l1(w)}, {@code quadForm(v, A)} —
 * kept as one node so it prints as written and the convexity rules can see it whole. Evaluation and
 * differentiation use its {@link #lowered()} scalar form (a reduction over the elements).
 */
public final class VectorFunction extends Expr {
    private final VectorAtom atom;
    private final List<Vec> operands;
    private final double parameter;
    private final Matrix matrix;
    private final Expr lowered;

    public VectorFunction(VectorAtom atom, List<Vec> operands, double parameter, Matrix matrix) {
        this.atom = atom;
        this.operands = List.copyOf(operands);
        this.parameter = parameter;
        this.matrix = matrix;
        this.lowered = atom.lower(this.operands, parameter, matrix);
    }

    public VectorAtom atom() {
        return atom;
    }

    public List<Vec> operands() {
        return operands;
    }

    /** The scalar parameter (elasticNet's alpha), NaN when none. */
    public double parameter() {
        return parameter;
    }

    /** quadForm's matrix, null for other atoms. */
    public Matrix matrix() {
        return matrix;
    }

    /** The same function as a scalar expression over the elements. */
    public Expr lowered() {
        return lowered;
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
        return o instanceof VectorFunction v && v.atom == atom && v.lowered.equals(lowered);
    }
}
