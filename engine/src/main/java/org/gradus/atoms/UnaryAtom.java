package org.gradus.atoms;

import org.gradus.expr.Expr;

import java.util.List;

/** An atom of one argument: subclasses give f, f' and f' symbolically; the rest is derived here. */
public abstract class UnaryAtom extends Atom {

    public abstract double apply(double x);

    /** f'(x), given y = f(x). */
    public abstract double slope(double x, double y);

    /** f'(x) as an expression of x, given self = f(x). */
    public abstract Expr slope(Expr x, Expr self);

    @Override
    public final double value(double[] a) {
        return apply(a[0]);
    }

    @Override
    public final Expr derivative(int k, List<Expr> args, Expr self) {
        return slope(args.get(0), self);
    }

    @Override
    public final double derivative(int k, double[] a, double out) {
        return slope(a[0], out);
    }

    @Override
    public Interval range(Interval[] args) {
        return range(args[0]);
    }

    public Interval range(Interval x) {
        return Interval.ALL;
    }

    @Override
    public Curvature curvature(Interval[] args, List<Expr> argExprs) {
        return curvature(args[0]);
    }

    public Curvature curvature(Interval x) {
        return Curvature.UNKNOWN;
    }

    @Override
    public Monotonicity monotonicity(int k, Interval[] args, List<Expr> argExprs) {
        return monotonicity(args[0]);
    }

    public Monotonicity monotonicity(Interval x) {
        return Monotonicity.NONMONOTONE;
    }

    @Override
    public boolean definedOn(Interval[] args) {
        return definedOn(args[0]);
    }

    public boolean definedOn(Interval x) {
        return true;
    }

    @Override
    public boolean smoothOn(Interval[] args) {
        return smoothOn(args[0]);
    }

    public boolean smoothOn(Interval x) {
        return definedOn(x);
    }

    @Override
    public String domainError(double[] a) {
        return domainError(a[0]);
    }

    public String domainError(double x) {
        return null;
    }

    @Override
    public String kink(double[] a) {
        return kink(a[0]);
    }

    public String kink(double x) {
        return null;
    }

    @Override
    public String latex(List<String> args) {
        return latex(args.get(0));
    }

    public String latex(String x) {
        return "\\operatorname{" + name() + "}\\left(" + x + "\\right)";
    }
}
