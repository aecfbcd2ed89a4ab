package org.gradus.atoms;

import org.gradus.expr.Expr;

/** The exponential e**x: convex, increasing, positive. */
public final class Exp extends UnaryAtom {
    public static final Exp INSTANCE = new Exp();
    public static final FunctionWord WORD = FunctionWord.named("exp").expr("a").help("e to the a").example("exp(-x**2)")
            .builds(a -> Ops.exp(a.expr(0)));

    @Override
    public String name() {
        return "exp";
    }

    @Override
    public double apply(double x) {
        return Math.exp(x);
    }

    @Override
    public double slope(double x, double y) {
        return y;
    }

    @Override
    public Expr slope(Expr x, Expr self) {
        return self;
    }

    @Override
    public Interval range(Interval x) {
        return x.mapIncreasing(Math::exp);
    }

    @Override
    public Curvature curvature(Interval x) {
        return Curvature.CONVEX;
    }

    @Override
    public Monotonicity monotonicity(Interval x) {
        return Monotonicity.INCREASING;
    }

    @Override
    public String latex(String x) {
        return "e^{" + x + "}";
    }

    @Override
    public boolean strictlyIncreasing() {
        return true;
    }
}
