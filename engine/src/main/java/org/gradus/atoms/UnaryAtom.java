package org.gradus.atoms;

import org.gradus.expr.Expr;

import java.util.List;

/**
 * An atom of one argument: subclasses give f, f' and f' symbolically, and declare what differs from a
 * smooth function of all reals — their {@link #domain()}, their {@link #kinks()} with one-sided
 * derivatives there, their one-sided limits at the points they are undefined or jump; the rest is
 * derived here.
 */
public abstract class UnaryAtom extends Atom {
    private static final double[] NO_POINTS = {};

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
    public ArgumentDomain domain(int k, List<Expr> args) {
        return domain();
    }

    /**
     * Whether f(u) &lt; f(v) for every u &lt; v of its domain (exp, log, sqrt, sigmoid, softplus): its values then
     * stay strictly above the lower end of its range wherever its argument stays strictly above its own, as
     * exp(u) &gt; 0 for every u (an enclosure's open lower ends, {@code analysis.Enclosure}). False by default.
     */
    public boolean strictlyIncreasing() {
        return false;
    }

    /** Where the atom is defined, when that is an interval ({@code log}: x &gt; 0); all reals by default. */
    public ArgumentDomain domain() {
        return ArgumentDomain.ALL;
    }

    /**
     * The points of its domain where the atom is not differentiable — a kink (abs at 0), a jump (sign at
     * 0), an infinite slope (sqrt at 0) — in increasing order; {@link #kink(double)} explains each.
     */
    public double[] kinks() {
        return NO_POINTS;
    }

    /**
     * The limits of the atom as its argument tends to {@code x} from the left and from the right: equal to
     * the value where the atom is continuous; different at a jump; ±∞ at a pole or a log's edge; NaN on
     * a side where the atom is not defined near {@code x}.
     */
    public double[] oneSidedLimits(double x) {
        double v = domainError(x) == null && discontinuity(new double[]{x}) == null ? apply(x) : Double.NaN;
        return new double[]{v, v};
    }

    /**
     * Through a kink the one-sided slopes ({@link #oneSidedDerivatives}) scale the direction; without
     * them an infinite slope (sqrt at 0): moving into the domain is infinitely steep, out of it undefined.
     */
    @Override
    public double oneSidedDerivative(double[] a, double[] da, double out, boolean jumps) {
        double[] sides = oneSidedDerivatives(a);
        if (sides != null) return da[0] > 0 ? sides[1] * da[0] : da[0] < 0 ? sides[0] * da[0] : 0;
        if (da[0] == 0) return 0;
        if (!jumps && da[0] > 0) return Double.POSITIVE_INFINITY;
        return Double.NaN;
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
