package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;

/** The hyperbolic tangent: increasing, in (-1, 1); convex for x <= 0, concave for x >= 0. */
public final class Tanh extends UnaryAtom {
    public static final Tanh INSTANCE = new Tanh();
    public static final FunctionWord WORD = FunctionWord.of(INSTANCE, "hyperbolic tangent", "tanh(2*x)");

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public double apply(double x) {
        return Math.tanh(x);
    }

    @Override
    public double slope(double x, double y) {
        return 1 - y * y;
    }

    @Override
    public Expr slope(Expr x, Expr self) {
        return Ops.sub(Constant.ONE, Ops.pow(self, Constant.of(2)));
    }

    @Override
    public Interval range(Interval x) {
        return x.mapIncreasing(Math::tanh);
    }

    @Override
    public Curvature curvature(Interval x) {
        if (x.nonpositive()) return Curvature.CONVEX;
        if (x.nonnegative()) return Curvature.CONCAVE;
        return Curvature.UNKNOWN;
    }

    @Override
    public Monotonicity monotonicity(Interval x) {
        return Monotonicity.INCREASING;
    }

    @Override
    public String latex(String x) {
        return "\\tanh\\left(" + x + "\\right)";
    }
}
