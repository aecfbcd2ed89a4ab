package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;

/** The hyperbolic sine (eˣ − e⁻ˣ)/2: increasing; concave for x ≤ 0, convex for x ≥ 0. */
public final class Sinh extends UnaryAtom {
    public static final Sinh INSTANCE = new Sinh();
    public static final FunctionWord WORD = FunctionWord.of(INSTANCE, "hyperbolic sine", "sinh(x)");

    @Override
    public String name() {
        return "sinh";
    }

    @Override
    public double apply(double x) {
        return Math.sinh(x);
    }

    @Override
    public double slope(double x, double y) {
        return Math.cosh(x);
    }

    @Override
    public Expr slope(Expr x, Expr self) {
        return Ops.apply(Cosh.INSTANCE, x);
    }

    @Override
    public Interval range(Interval x) {
        return x.mapIncreasing(Math::sinh);
    }

    @Override
    public Curvature curvature(Interval x) {
        if (x.nonnegative()) return Curvature.CONVEX;
        if (x.nonpositive()) return Curvature.CONCAVE;
        return Curvature.UNKNOWN;
    }

    @Override
    public Monotonicity monotonicity(Interval x) {
        return Monotonicity.INCREASING;
    }

    @Override
    public String latex(String x) {
        return "\\sinh\\left(" + x + "\\right)";
    }

    /** sinh(u) = (exp(u) − exp(−u))/2. */
    @Override
    public Expr definition(java.util.List<Expr> args) {
        Expr x = args.get(0);
        return Ops.mul(Constant.of(0.5), Ops.sub(Ops.exp(x), Ops.exp(Ops.neg(x))));
    }

    @Override
    public boolean strictlyIncreasing() {
        return true;
    }
}
