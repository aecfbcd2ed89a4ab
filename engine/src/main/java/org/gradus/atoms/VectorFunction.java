package org.gradus.atoms;

import org.gradus.expr.Expr;
import org.gradus.expr.GroovyPrinter;
import org.gradus.expr.LatexPrinter;
import org.gradus.expr.Matrix;
import org.gradus.expr.Notation;
import org.gradus.expr.Vec;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A function of whole vectors — {@code dot(w, x)}, {@code norm2(v)}, {@code l1(w)}, {@code quadForm(v, A)} —
 * kept as one node so it prints as written and the convexity rules can see it whole. Evaluation and
 * differentiation use its {@link #lowered()} scalar form (a reduction over the elements).
 */
public final class VectorFunction extends Expr implements Notation {
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

    /** {@code dot(w, x)}, {@code quadForm(v, [[2, 1], [1, 3]])}, {@code elasticNet(w, 0.5)}. */
    @Override
    public GroovyPrinter.Printed groovy(GroovyPrinter p) {
        List<String> args = new ArrayList<>();
        for (Vec o : operands) args.add(p.vec(o));
        if (matrix != null) args.add(matrix.toString());
        if (!Double.isNaN(parameter)) args.add(Numbers.format(parameter));
        return new GroovyPrinter.Printed(atom.scriptName() + "(" + String.join(", ", args) + ")", GroovyPrinter.ATOM);
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
        return o instanceof VectorFunction v && v.atom == atom && v.lowered.equals(lowered);
    }
}
