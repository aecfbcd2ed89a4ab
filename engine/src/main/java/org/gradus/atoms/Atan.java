package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;

/**
 * The inverse tangent (numpy's {@code arctan}): increasing from −π/2 to π/2, its slope 1/(1 + x²); convex
 * for x ≤ 0, concave for x ≥ 0. Its limits at ±∞ come from atan(u) = ±π/2 − atan(1/u).
 */
public final class Atan extends SShaped {
    public static final Atan INSTANCE = new Atan();
    public static final FunctionWord WORD = FunctionWord.of(INSTANCE, "inverse tangent, in (-pi/2, pi/2) (numpy's arctan)", "atan(x/2)");

    @Override
    public String name() {
        return "atan";
    }

    @Override
    public double apply(double x) {
        return Math.atan(x);
    }

    @Override
    public double slope(double x, double y) {
        return 1 / (1 + x * x);
    }

    @Override
    public Expr slope(Expr x, Expr self) {
        return Ops.div(Constant.ONE, Ops.add(Constant.ONE, Ops.pow(x, Constant.of(2))));
    }

    @Override
    public String latex(String x) {
        return "\\arctan\\left(" + x + "\\right)";
    }
}
