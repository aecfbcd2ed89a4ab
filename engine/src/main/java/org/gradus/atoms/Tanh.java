package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;

/** The hyperbolic tangent: increasing, in (-1, 1); convex for x <= 0, concave for x >= 0. */
public final class Tanh extends SShaped {
    /** Its values lie in [-1, 1]. */
    @Override
    public Interval codomain() {
        return new Interval(-1, 1);
    }

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

    /** tanh′ = 1/cosh² = 4e^(−2|x|)/(1 + e^(−2|x|))²: no cancellation (1 − tanh² is 0 in doubles for x ≥ 19). */
    @Override
    public double slope(double x, double y) {
        double e = Math.exp(-2 * Math.abs(x));
        return 4 * e / ((1 + e) * (1 + e));
    }

    @Override
    public Expr slope(Expr x, Expr self) {
        return Ops.div(Constant.ONE, Ops.pow(Ops.apply(Cosh.INSTANCE, x), Constant.of(2)));
    }

    @Override
    public String latex(String x) {
        return "\\tanh\\left(" + x + "\\right)";
    }

    /** tanh(u) = 1 − 2/(1 + exp(2u)). */
    @Override
    public Expr definition(java.util.List<Expr> args) {
        Expr x = args.get(0);
        return Ops.sub(Constant.ONE, Ops.div(Constant.of(2), Ops.add(Constant.ONE, Ops.exp(Ops.mul(Constant.of(2), x)))));
    }
}
