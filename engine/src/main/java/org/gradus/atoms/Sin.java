package org.gradus.atoms;

import org.gradus.expr.Expr;

/** The sine. */
public final class Sin extends UnaryAtom {
    /** Its values lie in [-1, 1]. */
    @Override
    public Interval codomain() {
        return new Interval(-1, 1);
    }

    public static final Sin INSTANCE = new Sin();
    public static final FunctionWord WORD = FunctionWord.of(INSTANCE, "sine", "sin(x) * cos(y)");

    @Override
    public String name() {
        return "sin";
    }

    @Override
    public double apply(double x) {
        return Math.sin(x);
    }

    @Override
    public double slope(double x, double y) {
        return Math.cos(x);
    }

    @Override
    public Expr slope(Expr x, Expr self) {
        return Ops.apply(Cos.INSTANCE, x);
    }

    @Override
    public Interval range(Interval x) {
        Monotonicity m = monotonicity(x);
        if (m == Monotonicity.INCREASING) return new Interval(Math.sin(x.lo()), Math.sin(x.hi()));
        if (m == Monotonicity.DECREASING) return new Interval(Math.sin(x.hi()), Math.sin(x.lo()));
        // concave where it is ≥ 0 (its minimum at an end), convex where it is ≤ 0 (its maximum at an end)
        double a = Math.sin(x.lo()), b = Math.sin(x.hi());
        if (Periodic.cell(x, 0, false) != null) return new Interval(Math.max(0, Math.min(a, b)), 1);
        if (Periodic.cell(x, 2, false) != null) return new Interval(-1, Math.min(0, Math.max(a, b)));
        return new Interval(-1, 1);
    }

    /** sin'' = −sin: concave on [2kπ, (2k+1)π] where sin ≥ 0, convex on [(2k+1)π, (2k+2)π]. */
    @Override
    public Curvature curvature(Interval x) {
        if (Periodic.cell(x, 0, false) != null) return Curvature.CONCAVE;
        if (Periodic.cell(x, 2, false) != null) return Curvature.CONVEX;
        return Curvature.UNKNOWN;
    }

    /** Increasing on [−π/2 + 2kπ, π/2 + 2kπ], decreasing on [π/2 + 2kπ, 3π/2 + 2kπ]. */
    @Override
    public Monotonicity monotonicity(Interval x) {
        if (Periodic.cell(x, 3, false) != null) return Monotonicity.INCREASING;
        if (Periodic.cell(x, 1, false) != null) return Monotonicity.DECREASING;
        return Monotonicity.NONMONOTONE;
    }

    @Override
    public String latex(String x) {
        return "\\sin\\left(" + x + "\\right)";
    }
}
