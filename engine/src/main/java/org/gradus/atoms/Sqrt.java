package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;

/** The square root: concave and increasing on x >= 0; not differentiable at 0. */
public final class Sqrt extends UnaryAtom {
    public static final Sqrt INSTANCE = new Sqrt();
    public static final FunctionWord WORD = FunctionWord.named("sqrt").expr("a").help("square root").example("sqrt(x**2 + y**2)")
            .builds(a -> Ops.sqrt(a.expr(0)));

    @Override
    public String name() {
        return "sqrt";
    }

    @Override
    public double apply(double x) {
        return Math.sqrt(x);
    }

    @Override
    public double slope(double x, double y) {
        return 0.5 / y;
    }

    @Override
    public Expr slope(Expr x, Expr self) {
        return Ops.div(Constant.of(0.5), self);
    }

    @Override
    public String domainError(double x) {
        return x >= 0 ? null : "sqrt of a negative number (" + org.gradus.print.Numbers.format(x) + ")";
    }

    @Override
    public String kink(double x) {
        return x == 0 ? "sqrt has an infinite slope at 0" : null;
    }

    @Override
    public Interval range(Interval x) {
        return new Interval(Math.sqrt(Math.max(0, x.lo())), Math.sqrt(Math.max(0, x.hi())));
    }

    @Override
    public Curvature curvature(Interval x) {
        return Curvature.CONCAVE;
    }

    @Override
    public Monotonicity monotonicity(Interval x) {
        return Monotonicity.INCREASING;
    }

    @Override
    public String latex(String x) {
        return "\\sqrt{" + x + "}";
    }

    @Override
    public boolean definedOn(Interval x) {
        return x.nonnegative();
    }

    @Override
    public boolean smoothOn(Interval x) {
        return x.positive(); // the slope is infinite at 0
    }

    @Override
    public ArgumentDomain domain() {
        return ArgumentDomain.atLeast(0);
    }

    @Override
    public double[] kinks() {
        return new double[]{0};
    }

    /** At 0: undefined to the left, an infinite slope to the right. */
    @Override
    public double[] oneSidedDerivatives(double[] a) {
        return a[0] == 0 ? new double[]{Double.NaN, Double.POSITIVE_INFINITY} : null;
    }

    @Override
    public double[] oneSidedLimits(double x) {
        return x == 0 ? new double[]{Double.NaN, 0} : super.oneSidedLimits(x);
    }

    /** sqrt(u) = u**0.5. */
    @Override
    public Expr definition(java.util.List<Expr> args) {
        Expr x = args.get(0);
        return Ops.pow(x, Constant.of(0.5));
    }

    @Override
    public boolean strictlyIncreasing() {
        return true;
    }
}
