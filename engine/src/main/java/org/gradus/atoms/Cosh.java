package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;

/** The hyperbolic cosine (eˣ + e⁻ˣ)/2: convex, ≥ 1, decreasing for x ≤ 0 and increasing for x ≥ 0. */
public final class Cosh extends UnaryAtom {
    public static final Cosh INSTANCE = new Cosh();
    public static final FunctionWord WORD = FunctionWord.of(INSTANCE, "hyperbolic cosine", "1/cosh(x)**2");

    @Override
    public String name() {
        return "cosh";
    }

    @Override
    public double apply(double x) {
        return Math.cosh(x);
    }

    @Override
    public double slope(double x, double y) {
        return Math.sinh(x);
    }

    @Override
    public Expr slope(Expr x, Expr self) {
        return Ops.apply(Sinh.INSTANCE, x);
    }

    @Override
    public Interval range(Interval x) {
        double lo = x.contains(0) ? 1 : Math.cosh(Math.min(Math.abs(x.lo()), Math.abs(x.hi())));
        return new Interval(lo, Math.cosh(Math.max(Math.abs(x.lo()), Math.abs(x.hi()))));
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
        return "\\cosh\\left(" + x + "\\right)";
    }

    /** cosh(u) = (exp(u) + exp(−u))/2. */
    @Override
    public Expr definition(java.util.List<Expr> args) {
        Expr x = args.get(0);
        return Ops.mul(Constant.of(0.5), Ops.add(Ops.exp(x), Ops.exp(Ops.neg(x))));
    }
}
