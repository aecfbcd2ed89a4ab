package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;

/** log(1 + e**x), computed without overflow: convex, increasing, positive. */
public final class Softplus extends UnaryAtom {
    public static final Softplus INSTANCE = new Softplus();
    public static final FunctionWord WORD = FunctionWord.of(INSTANCE, "log(1 + exp(a)), a smooth relu", "softplus(x)");

    @Override
    public String name() {
        return "softplus";
    }

    @Override
    public double apply(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    @Override
    public double slope(double x, double y) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    @Override
    public Expr slope(Expr x, Expr self) {
        return Ops.apply(Sigmoid.INSTANCE, x);
    }

    @Override
    public Interval range(Interval x) {
        return x.mapIncreasing(this::apply);
    }

    @Override
    public Curvature curvature(Interval x) {
        return Curvature.CONVEX;
    }

    @Override
    public Monotonicity monotonicity(Interval x) {
        return Monotonicity.INCREASING;
    }

    /** softplus(u) = log(1 + exp(u)). */
    @Override
    public Expr definition(java.util.List<Expr> args) {
        Expr x = args.get(0);
        return Ops.log(Ops.add(Constant.ONE, Ops.exp(x)));
    }
}
