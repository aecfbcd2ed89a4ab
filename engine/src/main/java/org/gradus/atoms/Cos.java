package org.gradus.atoms;

import org.gradus.expr.Expr;

/** The cosine. */
public final class Cos extends UnaryAtom {
    /** Its values lie in [-1, 1]. */
    @Override
    public Interval codomain() {
        return new Interval(-1, 1);
    }

    public static final Cos INSTANCE = new Cos();
    public static final FunctionWord WORD = FunctionWord.of(INSTANCE, "cosine", "cos(x)");

    @Override
    public String name() {
        return "cos";
    }

    @Override
    public double apply(double x) {
        return Math.cos(x);
    }

    @Override
    public double slope(double x, double y) {
        return -Math.sin(x);
    }

    @Override
    public Expr slope(Expr x, Expr self) {
        return Ops.neg(Ops.apply(Sin.INSTANCE, x));
    }

    @Override
    public Interval range(Interval x) {
        Monotonicity m = monotonicity(x);
        if (m == Monotonicity.INCREASING) return new Interval(Math.cos(x.lo()), Math.cos(x.hi()));
        if (m == Monotonicity.DECREASING) return new Interval(Math.cos(x.hi()), Math.cos(x.lo()));
        // concave where it is ≥ 0 (its minimum at an end), convex where it is ≤ 0 (its maximum at an end)
        double a = Math.cos(x.lo()), b = Math.cos(x.hi());
        if (Periodic.cell(x, 3, false) != null) return new Interval(Math.max(0, Math.min(a, b)), 1);
        if (Periodic.cell(x, 1, false) != null) return new Interval(-1, Math.min(0, Math.max(a, b)));
        return new Interval(-1, 1);
    }

    /** cos'' = −cos: concave on [−π/2 + 2kπ, π/2 + 2kπ] where cos ≥ 0, convex on [π/2 + 2kπ, 3π/2 + 2kπ]. */
    @Override
    public Curvature curvature(Interval x) {
        if (Periodic.cell(x, 3, false) != null) return Curvature.CONCAVE;
        if (Periodic.cell(x, 1, false) != null) return Curvature.CONVEX;
        return Curvature.UNKNOWN;
    }

    /** Decreasing on [2kπ, (2k+1)π], increasing on [(2k−1)π, 2kπ]. */
    @Override
    public Monotonicity monotonicity(Interval x) {
        if (Periodic.cell(x, 0, false) != null) return Monotonicity.DECREASING;
        if (Periodic.cell(x, 2, false) != null) return Monotonicity.INCREASING;
        return Monotonicity.NONMONOTONE;
    }

    @Override
    public String latex(String x) {
        return "\\cos\\left(" + x + "\\right)";
    }
}
