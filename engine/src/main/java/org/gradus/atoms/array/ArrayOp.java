package org.gradus.atoms.array;

import org.gradus.atoms.Curvature;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Monotonicity;
import org.gradus.expr.Expr;
import org.gradus.expr.GroovyPrinter;
import org.gradus.expr.LatexPrinter;
import org.gradus.expr.Shape;

import java.util.ArrayList;
import java.util.List;

/**
 * An operation on whole arrays that is not elementwise — W·x, a transpose, a sum, softmax, an element —
 * declaring everything about itself in one place, as an {@link org.gradus.atoms.Atom} does for scalars:
 * the shape of its value (checked when the expression is built), its vector–Jacobian product as an
 * expression (how reverse mode passes an adjoint to each operand, as torch and JAX do: never one node
 * per element), what the composition rules need (its own curvature and its monotonicity in each operand),
 * an enclosure of its elements, and how it prints. The compiled evaluation of each operation is in
 * {@code org.gradus.eval} (one instruction per operation, over contiguous storage).
 *
 * <p>Elementwise functions of arrays need no operation here: an atom applied to array arguments applies
 * element by element ({@link org.gradus.atoms.Apply}). Operations are immutable values; one with
 * parameters (a slice's offset) holds them as fields and compares by them.
 */
public abstract class ArrayOp {

    /** The name used in scripts and messages, e.g. {@code softmax}. */
    public abstract String name();

    /**
     * The shape of the value for these operands.
     *
     * @throws IllegalArgumentException when the operands' shapes do not fit, naming them and their shapes
     */
    public abstract Shape shape(List<Expr> args);

    /**
     * The vector–Jacobian product for operand k: the contribution to that operand's adjoint (an
     * expression of its shape) when the node's own adjoint is {@code g} (an expression of the node's
     * shape); {@code self} is the node. Null for an operand that carries no adjoint (an index).
     */
    public abstract Expr adjoint(int k, List<Expr> args, Expr self, Expr g);

    /** True when operand k is an index or a count (it carries no adjoint and must not depend on variables). */
    public boolean isIndex(int k) {
        return false;
    }

    /**
     * The curvature of the operation itself (elementwise for an array value), given its operands: AFFINE
     * for linear maps when they are linear in the operands that vary, CONVEX for logsumexp, UNKNOWN when
     * the rules know none ({@link #curvatureFailure} says why).
     */
    public Curvature curvature(List<Expr> args) {
        return Curvature.UNKNOWN;
    }

    /** Monotonicity in operand k (every element of the value in every element of the operand), given the operands' ranges. */
    public Monotonicity monotonicity(int k, List<Expr> args, Interval[] ranges) {
        return Monotonicity.NONMONOTONE;
    }

    /** Why {@link #curvature} is UNKNOWN, in the operation's own words. */
    public String curvatureFailure(List<Expr> args) {
        return name() + " is neither convex nor concave";
    }

    /** An interval holding every element of the value when every element of operand k lies in {@code ranges[k]}. */
    public Interval range(List<Expr> args, Interval[] ranges) {
        return Interval.ALL;
    }

    /** Whether the value is continuous and twice differentiable in the operands on these ranges (softmax yes, max no). */
    public boolean smoothOn(List<Expr> args, Interval[] ranges) {
        return true;
    }

    /** Groovy text: by default the call {@code name(a, b)}. */
    public GroovyPrinter.Printed groovy(GroovyPrinter p, List<Expr> args) {
        List<String> texts = new ArrayList<>();
        for (Expr a : args) texts.add(p.text(a));
        texts.addAll(printedParameters());
        return new GroovyPrinter.Printed(name() + "(" + String.join(", ", texts) + ")", GroovyPrinter.ATOM);
    }

    /** LaTeX: by default {@code \operatorname{name}(a, b)}. */
    public LatexPrinter.Printed latex(LatexPrinter p, List<Expr> args) {
        List<String> texts = new ArrayList<>();
        for (Expr a : args) texts.add(p.text(a));
        texts.addAll(printedParameters());
        return new LatexPrinter.Printed("\\operatorname{" + name() + "}\\left(" + String.join(", ", texts) + "\\right)", LatexPrinter.ATOM);
    }

    /** Parameters printed after the operands (a one-hot vector's length). */
    protected List<String> printedParameters() {
        return List.of();
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }

    @Override
    public String toString() {
        return name();
    }
}
