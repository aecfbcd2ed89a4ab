package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;

/** log(1 + x), accurate near 0: concave and increasing on x > -1. */
public final class Log1p extends UnaryAtom {
    public static final Log1p INSTANCE = new Log1p();
    public static final FunctionWord WORD = FunctionWord.of(INSTANCE, "log(1 + a), accurate near 0", "log1p(x**2)");

    @Override
    public String name() {
        return "log1p";
    }

    @Override
    public double apply(double x) {
        return Math.log1p(x);
    }

    @Override
    public double slope(double x, double y) {
        return 1 / (1 + x);
    }

    @Override
    public Expr slope(Expr x, Expr self) {
        return Ops.div(Constant.ONE, Ops.add(Constant.ONE, x));
    }

    @Override
    public String domainError(double x) {
        return x > -1 ? null : "log1p of a number <= -1 (" + org.gradus.print.Numbers.format(x) + ")";
    }

    @Override
    public Interval range(Interval x) {
        return new Interval(x.lo() <= -1 ? Double.NEGATIVE_INFINITY : Math.log1p(x.lo()), x.hi() <= -1 ? Double.NEGATIVE_INFINITY : Math.log1p(x.hi()));
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
    public boolean definedOn(Interval x) {
        return x.lo() > -1;
    }

    @Override
    public ArgumentDomain domain() {
        return ArgumentDomain.above(-1);
    }

    @Override
    public double[] oneSidedLimits(double x) {
        return x == -1 ? new double[]{Double.NaN, Double.NEGATIVE_INFINITY} : super.oneSidedLimits(x);
    }

    /** log1p(u) = log(1 + u). */
    @Override
    public Expr definition(java.util.List<Expr> args) {
        Expr x = args.get(0);
        return Ops.log(Ops.add(Constant.ONE, x));
    }

    @Override
    public boolean strictlyIncreasing() {
        return true;
    }
}
