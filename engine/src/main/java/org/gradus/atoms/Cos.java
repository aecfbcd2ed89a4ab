package org.gradus.atoms;

import org.gradus.analysis.Curvature;
import org.gradus.analysis.Interval;
import org.gradus.analysis.Monotonicity;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Ops;

/** The cosine. */
public final class Cos extends UnaryAtom {
    public static final Cos INSTANCE = new Cos();

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
        return new Interval(-1, 1);
    }

    @Override
    public String latex(String x) {
        return "\\cos\\left(" + x + "\\right)";
    }
}
