package org.gradus.atoms;

import org.gradus.expr.Expr;
import org.gradus.expr.GroovyPrinter;
import org.gradus.expr.LatexPrinter;

import java.util.ArrayList;
import java.util.List;

/**
 * A primitive function: everything about it in one place — its value, its local partial derivatives
 * (symbolic and numeric), its domain and where it is not smooth, and what the composition rules need
 * (range, curvature, monotonicity per argument). Adding an atom means adding one subclass.
 *
 * <p>Atoms are immutable values; an atom with parameters (a power's exponent, Huber's delta) holds
 * them as fields and compares by them.
 */
public abstract class Atom {

    /** The name used in scripts, e.g. {@code exp}. */
    public abstract String name();

    /** Number of arguments, or -1 when variadic. */
    public int arity() {
        return 1;
    }

    /** The value at argument values {@code a}. */
    public abstract double value(double[] a);

    /** ∂atom/∂arg_k as an expression of the arguments; {@code self} is the node itself (for exp, sqrt). */
    public abstract Expr derivative(int k, List<Expr> args, Expr self);

    /** ∂atom/∂arg_k at argument values {@code a}, where {@code out} is the atom's value there. */
    public abstract double derivative(int k, double[] a, double out);

    /** Null when {@code a} is inside the domain, otherwise why not (e.g. "log of a non-positive number"). */
    public String domainError(double[] a) {
        return null;
    }

    /** Null when the atom is continuous at {@code a}, otherwise why not. */
    public String discontinuity(double[] a) {
        return null;
    }

    /** Null when the atom is differentiable at {@code a}, otherwise why not (e.g. "abs has a kink at 0"). */
    public String kink(double[] a) {
        return null;
    }

    /** The one-sided derivatives of a unary atom at a kink {@code a}: {left, right}; null when not a kink. */
    public double[] oneSidedDerivatives(double[] a) {
        return null;
    }

    /**
     * True when every combination of argument values in these ranges lies inside the atom's domain
     * (so the atom is defined, finite and continuous on the whole box). May answer false when unsure.
     */
    public boolean definedOn(Interval[] args) {
        return true;
    }

    /**
     * True when the atom is twice continuously differentiable on an open set containing these argument
     * ranges (no kink, jump or infinite slope anywhere in them). Analyses that reason with the Hessian
     * (constant Hessians, interval bounds on the Hessian) are sound only where every atom is smooth.
     * May answer false when unsure.
     */
    public boolean smoothOn(Interval[] args) {
        return definedOn(args);
    }

    /** The set of values the atom takes when its arguments range over the given intervals (may over-approximate). */
    public Interval range(Interval[] args) {
        return Interval.ALL;
    }

    /** The curvature of the atom itself given its arguments' ranges and the argument expressions. */
    public Curvature curvature(Interval[] args, List<Expr> argExprs) {
        return Curvature.UNKNOWN;
    }

    /** Monotonicity in argument k given the arguments' ranges. */
    public Monotonicity monotonicity(int k, Interval[] args, List<Expr> argExprs) {
        return Monotonicity.NONMONOTONE;
    }

    /**
     * This atom applied to {@code args}, written in Groovy with its precedence: by default the call
     * {@link #groovy(List) name(a, b)}; the operators (+, *, /, **) override this with infix notation.
     */
    public GroovyPrinter.Printed groovy(GroovyPrinter printer, List<Expr> args) {
        List<String> texts = new ArrayList<>(args.size());
        for (Expr x : args) texts.add(printer.text(x));
        return new GroovyPrinter.Printed(groovy(texts), GroovyPrinter.ATOM);
    }

    /** This atom applied to {@code args}, written in LaTeX: by default {@link #latex(List)}; operators override. */
    public LatexPrinter.Printed latex(LatexPrinter printer, List<Expr> args) {
        List<String> texts = new ArrayList<>(args.size());
        for (Expr x : args) texts.add(printer.text(x));
        return new LatexPrinter.Printed(latex(texts), LatexPrinter.ATOM);
    }

    /** Groovy call syntax {@code name(a, b)}, given the Groovy text of the arguments. */
    public String groovy(List<String> args) {
        return name() + "(" + String.join(", ", args) + ")";
    }

    /** LaTeX text, given the LaTeX of the arguments. */
    public String latex(List<String> args) {
        return "\\operatorname{" + name() + "}\\left(" + String.join(", ", args) + "\\right)";
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
