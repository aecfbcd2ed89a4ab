package org.gradus.atoms;

import org.gradus.expr.Expr;
import org.gradus.expr.GroovyPrinter;
import org.gradus.expr.LatexPrinter;

import java.util.ArrayList;
import java.util.List;

/**
 * A primitive function: everything about it in one place — its value, its local partial derivatives
 * (symbolic and numeric), its natural domain per argument, where it is not smooth and its one-sided
 * derivatives there, what the composition rules need (range, curvature, monotonicity per argument) and
 * how it words a failure of those rules, and how it prints. The analyses ask the atom; none of them
 * names an atom class. Its script word (signature, one-line help) is declared beside it as a
 * {@link FunctionWord} and listed in {@link Functions}; {@code AtomContractSpec} checks every
 * registered atom's declarations against samples. Adding an atom means adding one subclass (and one
 * line in {@link Functions}) — see {@code docs/extending.md}.
 *
 * <p>Atoms are immutable values; an atom with parameters (a power's exponent, Huber's delta) holds
 * them as fields and compares by them.
 */
public abstract class Atom {

    /** The name used in scripts, e.g. {@code exp}. */
    public abstract String name();

    /**
     * The numbers that, after its expression arguments, rebuild this atom through its word: huber's
     * delta, leakyRelu's slope; none for atoms without parameters. With {@link #name()} they identify the
     * atom, so a compiled body can be sent to another JVM (a Spark executor) by name and rebuilt there.
     */
    public double[] parameters() {
        return new double[0];
    }

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

    /**
     * The natural domain of argument {@code k} when it is an interval ({@code log}: x &gt; 0), given the
     * argument expressions (a power's domain depends on its exponent); {@link ArgumentDomain#ALL} when
     * the atom is defined for every value of that argument or its domain is no interval (then
     * {@link #domainError} alone says where it is undefined).
     */
    public ArgumentDomain domain(int k, List<Expr> args) {
        return ArgumentDomain.ALL;
    }

    /**
     * This atom applied to {@code args}, written with more elementary atoms — sigmoid(u) =
     * 1/(1 + exp(−u)), abs(u) = u·sign(u), sqrt(u) = u**0.5 — for analyses that know only the elementary
     * functions and the operators (the series expansions behind {@code limit}); null when the atom is
     * itself elementary (exp, log, sin, cos, sign, step and the operators). The definition must equal the
     * atom wherever the atom is defined.
     */
    public Expr definition(List<Expr> args) {
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
     * The one-sided directional derivative at a point {@code a} where {@link #kink} or
     * {@link #discontinuity} speaks: the limit of (f(a + t·da) − f(a))/t as t ↓ 0, where {@code da} is
     * the direction in which the arguments move; +∞ for an infinite slope into the domain, NaN where the
     * limit does not exist (a jump, or leaving the domain). {@code jumps} is true when the atom is
     * discontinuous at {@code a}; {@code out} is its value there. Atoms with kinks override this (max
     * follows the faster argument); the default knows only that a direction that does not move changes
     * nothing.
     */
    public double oneSidedDerivative(double[] a, double[] da, double out, boolean jumps) {
        for (double d : da) if (d != 0) return Double.NaN;
        return 0;
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

    /**
     * Bounds that every value of the atom keeps, exactly as doubles ([−1, 1] for sin, cos and tanh, [0, 1] for the
     * sigmoid): a rigorous enclosure widened for the math library's rounding is clipped to them, so that
     * 1 + cos(x) ≥ 0 survives. Everything by default.
     */
    public Interval codomain() {
        return Interval.ALL;
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

    /** How the reasons of the composition rules name this atom: "a sum", "a product", "the power", or its name. */
    public String noun() {
        return name();
    }

    /** How an explanation names a node of this atom: by default its name; the power quotes the node. */
    public String describe(Expr node) {
        return name();
    }

    /**
     * Why the composition rules give no curvature to this atom on these argument ranges, in the words of
     * the atom (the caller prefixes the node's text and a colon). The default: neither convex nor concave
     * on the box of the ranges. A product, a power and a quotient say which rule they would need.
     */
    public String curvatureFailure(List<Expr> args, Interval[] ranges) {
        StringBuilder sb = new StringBuilder(noun()).append(" is neither convex nor concave on ");
        for (int i = 0; i < ranges.length; i++) sb.append(i > 0 ? " × " : "").append(Wording.interval(ranges[i]));
        return sb.toString();
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
