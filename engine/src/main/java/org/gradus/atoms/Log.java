package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;

/** The natural logarithm: concave and increasing on its domain x > 0. */
public final class Log extends UnaryAtom {
    public static final Log INSTANCE = new Log();
    public static final FunctionWord WORD = FunctionWord.named("log").expr("a").help("natural logarithm").example("log(1 + x**2)")
            .builds(a -> Ops.log(a.expr(0)));

    @Override
    public String name() {
        return "log";
    }

    @Override
    public double apply(double x) {
        return Math.log(x);
    }

    @Override
    public double slope(double x, double y) {
        return 1 / x;
    }

    @Override
    public Expr slope(Expr x, Expr self) {
        return Ops.div(Constant.ONE, x);
    }

    @Override
    public String domainError(double x) {
        return x > 0 ? null : x == 0 ? "log of 0" : "log of a negative number (" + org.gradus.print.Numbers.format(x) + ")";
    }

    @Override
    public Interval range(Interval x) {
        return new Interval(x.lo() <= 0 ? Double.NEGATIVE_INFINITY : Math.log(x.lo()), x.hi() <= 0 ? Double.NEGATIVE_INFINITY : Math.log(x.hi()));
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
        return "\\log\\left(" + x + "\\right)";
    }

    @Override
    public boolean definedOn(Interval x) {
        return x.positive();
    }

    @Override
    public ArgumentDomain domain() {
        return ArgumentDomain.above(0);
    }

    @Override
    public double[] oneSidedLimits(double x) {
        return x == 0 ? new double[]{Double.NaN, Double.NEGATIVE_INFINITY} : super.oneSidedLimits(x);
    }

    @Override
    public boolean strictlyIncreasing() {
        return true;
    }
}
