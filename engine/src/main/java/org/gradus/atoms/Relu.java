package org.gradus.atoms;

import org.gradus.expr.Expr;

/** max(0, x): convex, increasing, with a kink at 0. */
public final class Relu extends UnaryAtom {
    public static final Relu INSTANCE = new Relu();
    public static final FunctionWord WORD = FunctionWord.of(INSTANCE, "max(0, a)", "relu(x - 1)");

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public double apply(double x) {
        return x > 0 ? x : 0;
    }

    @Override
    public double slope(double x, double y) {
        return x > 0 ? 1 : 0;
    }

    @Override
    public Expr slope(Expr x, Expr self) {
        return Ops.apply(Step.INSTANCE, x);
    }

    @Override
    public String kink(double x) {
        return x == 0 ? "relu has a kink at 0: its slope jumps from 0 to 1" : null;
    }

    @Override
    public double[] oneSidedDerivatives(double[] a) {
        return a[0] == 0 ? new double[]{0, 1} : null;
    }

    @Override
    public Interval range(Interval x) {
        return new Interval(Math.max(0, x.lo()), Math.max(0, x.hi()));
    }

    @Override
    public Curvature curvature(Interval x) {
        if (x.nonpositive()) return Curvature.CONSTANT;
        if (x.nonnegative()) return Curvature.AFFINE;
        return Curvature.CONVEX;
    }

    @Override
    public Monotonicity monotonicity(Interval x) {
        return Monotonicity.INCREASING;
    }

    @Override
    public boolean smoothOn(Interval x) {
        return x.positive() || x.negative();
    }

    @Override
    public double[] kinks() {
        return new double[]{0};
    }

    /** relu(u) = u·step(u). */
    @Override
    public Expr definition(java.util.List<Expr> args) {
        Expr x = args.get(0);
        return Ops.mul(x, Ops.apply(Step.INSTANCE, x));
    }
}
