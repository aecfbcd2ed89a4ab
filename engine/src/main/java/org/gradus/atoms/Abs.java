package org.gradus.atoms;

import org.gradus.expr.Expr;

/** The absolute value: convex, with a kink at 0 (subgradient [-1, 1]). */
public final class Abs extends UnaryAtom {
    public static final Abs INSTANCE = new Abs();
    public static final FunctionWord WORD = FunctionWord.of(INSTANCE, "absolute value (not differentiable at 0)", "abs(x - 1)");

    @Override
    public String name() {
        return "abs";
    }

    @Override
    public double apply(double x) {
        return Math.abs(x);
    }

    @Override
    public double slope(double x, double y) {
        return x > 0 ? 1 : x < 0 ? -1 : 0;
    }

    @Override
    public Expr slope(Expr x, Expr self) {
        return Ops.apply(Sign.INSTANCE, x);
    }

    @Override
    public String kink(double x) {
        return x == 0 ? "abs has a kink at 0: its slope jumps from -1 to 1" : null;
    }

    @Override
    public double[] oneSidedDerivatives(double[] a) {
        return a[0] == 0 ? new double[]{-1, 1} : null;
    }

    @Override
    public Interval range(Interval x) {
        double lo = x.contains(0) ? 0 : Math.min(Math.abs(x.lo()), Math.abs(x.hi()));
        return new Interval(lo, Math.max(Math.abs(x.lo()), Math.abs(x.hi())));
    }

    @Override
    public Curvature curvature(Interval x) {
        return Curvature.CONVEX;
    }

    @Override
    public Monotonicity monotonicity(Interval x) {
        if (x.nonnegative()) return Monotonicity.INCREASING;
        if (x.nonpositive()) return Monotonicity.DECREASING;
        return Monotonicity.NONMONOTONE;
    }

    @Override
    public String latex(String x) {
        return "\\left|" + x + "\\right|";
    }

    @Override
    public boolean smoothOn(Interval x) {
        return x.positive() || x.negative();
    }

    @Override
    public double[] kinks() {
        return new double[]{0};
    }

    /** abs(u) = u·sign(u). */
    @Override
    public Expr definition(java.util.List<Expr> args) {
        Expr x = args.get(0);
        return Ops.mul(x, Ops.apply(Sign.INSTANCE, x));
    }
}
