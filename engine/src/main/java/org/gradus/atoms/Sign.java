package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;

/** The sign function: -1, 0 or 1; discontinuous at 0, slope 0 elsewhere. */
public final class Sign extends UnaryAtom {
    public static final Sign INSTANCE = new Sign();
    public static final FunctionWord WORD = FunctionWord.of(INSTANCE, "-1, 0 or 1", "sign(x)");

    @Override
    public String name() {
        return "sign";
    }

    @Override
    public double apply(double x) {
        return Math.signum(x);
    }

    @Override
    public double slope(double x, double y) {
        return 0;
    }

    @Override
    public Expr slope(Expr x, Expr self) {
        return Constant.ZERO;
    }

    @Override
    public String discontinuity(double[] a) {
        return a[0] == 0 ? "sign jumps from -1 to 1 at 0" : null;
    }

    @Override
    public String kink(double x) {
        return x == 0 ? "sign is not continuous at 0" : null;
    }

    @Override
    public Interval range(Interval x) {
        return new Interval(Math.signum(x.lo()), Math.signum(x.hi()));
    }

    @Override
    public Curvature curvature(Interval x) {
        return x.positive() || x.negative() ? Curvature.CONSTANT : Curvature.UNKNOWN;
    }

    @Override
    public Monotonicity monotonicity(Interval x) {
        return Monotonicity.INCREASING;
    }

    @Override
    public boolean definedOn(Interval x) {
        return x.positive() || x.negative(); // continuous only away from the jump at 0
    }

    @Override
    public double[] kinks() {
        return new double[]{0};
    }

    @Override
    public double[] oneSidedLimits(double x) {
        return x == 0 ? new double[]{-1, 1} : super.oneSidedLimits(x);
    }
}
