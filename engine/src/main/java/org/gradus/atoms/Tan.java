package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;

/** The tangent; undefined at odd multiples of pi/2. */
public final class Tan extends UnaryAtom {
    public static final Tan INSTANCE = new Tan();
    public static final FunctionWord WORD = FunctionWord.of(INSTANCE, "tangent", "tan(x)");

    @Override
    public String name() {
        return "tan";
    }

    @Override
    public double apply(double x) {
        return Math.tan(x);
    }

    @Override
    public double slope(double x, double y) {
        return 1 + y * y;
    }

    @Override
    public Expr slope(Expr x, Expr self) {
        return Ops.add(Constant.ONE, Ops.pow(self, Constant.of(2)));
    }

    @Override
    public String domainError(double x) {
        return Math.abs(Math.cos(x)) < 1e-300 ? "tan is undefined at odd multiples of pi/2" : null;
    }

    /** Defined on each open branch (−π/2 + kπ, π/2 + kπ). */
    @Override
    public boolean definedOn(Interval x) {
        return Periodic.cell(x, 1, true) != null || Periodic.cell(x, 3, true) != null;
    }

    @Override
    public Interval range(Interval x) {
        return definedOn(x) ? new Interval(Math.tan(x.lo()), Math.tan(x.hi())) : Interval.ALL;
    }

    /** Convex on [kπ, kπ + π/2) where tan ≥ 0, concave on (kπ − π/2, kπ]. */
    @Override
    public Curvature curvature(Interval x) {
        if (!definedOn(x)) return Curvature.UNKNOWN;
        Long q = Periodic.quarter(x);
        if (q == null) return Curvature.UNKNOWN;
        return q % 2 == 0 ? Curvature.CONVEX : Curvature.CONCAVE;
    }

    @Override
    public Monotonicity monotonicity(Interval x) {
        return definedOn(x) ? Monotonicity.INCREASING : Monotonicity.NONMONOTONE;
    }

    @Override
    public String latex(String x) {
        return "\\tan\\left(" + x + "\\right)";
    }

    /** tan(u) = sin(u)/cos(u). */
    @Override
    public Expr definition(java.util.List<Expr> args) {
        Expr x = args.get(0);
        return Ops.div(Ops.apply(Sin.INSTANCE, x), Ops.apply(Cos.INSTANCE, x));
    }
}
