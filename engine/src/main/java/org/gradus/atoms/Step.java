package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;

/** The Heaviside step (the slope of relu): 1 for x > 0, else 0; discontinuous at 0. */
public final class Step extends UnaryAtom {
    public static final Step INSTANCE = new Step();

    @Override
    public String name() {
        return "step";
    }

    @Override
    public double apply(double x) {
        return x > 0 ? 1 : 0;
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
        return a[0] == 0 ? "step jumps from 0 to 1 at 0" : null;
    }

    @Override
    public String kink(double x) {
        return x == 0 ? "step is not continuous at 0" : null;
    }

    @Override
    public Interval range(Interval x) {
        return new Interval(x.lo() > 0 ? 1 : 0, x.hi() > 0 ? 1 : 0);
    }

    @Override
    public Curvature curvature(Interval x) {
        return x.positive() || x.nonpositive() ? Curvature.CONSTANT : Curvature.UNKNOWN;
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
        return x == 0 ? new double[]{0, 1} : super.oneSidedLimits(x);
    }
}
