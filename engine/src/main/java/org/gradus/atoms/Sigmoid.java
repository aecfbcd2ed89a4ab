package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;

/** The logistic function 1/(1 + e**-x): increasing, in (0, 1); convex for x <= 0, concave for x >= 0. */
public final class Sigmoid extends SShaped implements SharedExponential {
    /** Its values lie in [0, 1]. */
    @Override
    public Interval codomain() {
        return new Interval(0, 1);
    }

    public static final Sigmoid INSTANCE = new Sigmoid();
    public static final FunctionWord WORD = FunctionWord.of(INSTANCE, "1 / (1 + exp(-a))", "sigmoid(2*x + 1)");

    @Override
    public String name() {
        return "sigmoid";
    }

    /**
     * 1/(1 + e) for x ≥ 0 and e/(1 + e) for x &lt; 0, e = e^(−|x|): the same numbers as 1/(1 + e^(−x)) and
     * e^x/(1 + e^x), with one exponential.
     */
    @Override
    public double apply(double x) {
        double e = SharedExponential.expOfMinusAbs(x);
        return apply(x, e, e);
    }

    @Override
    public double apply(double x, double e, double s) {
        return (x >= 0 ? 1 : e) / (1 + e);
    }

    /** σ′ = σ(x)σ(−x): the same as σ(1 − σ), without the cancellation of 1 − σ for large x. */
    @Override
    public double slope(double x, double y) {
        return y * apply(-x);
    }

    @Override
    public double slope(double x, double y, double e) {
        return y * apply(-x, e, e);
    }

    @Override
    public Expr slope(Expr x, Expr self) {
        return Ops.mul(self, Ops.apply(INSTANCE, Ops.neg(x)));
    }

    @Override
    public String latex(String x) {
        return "\\sigma\\left(" + x + "\\right)";
    }

    /** sigmoid(u) = 1/(1 + exp(−u)). */
    @Override
    public Expr definition(java.util.List<Expr> args) {
        Expr x = args.get(0);
        return Ops.div(Constant.ONE, Ops.add(Constant.ONE, Ops.exp(Ops.neg(x))));
    }
}
