package org.gradus.atoms;

import org.gradus.analysis.Curvature;
import org.gradus.analysis.Interval;
import org.gradus.analysis.Monotonicity;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Ops;

/** The sine. */
public final class Sin extends UnaryAtom {
    public static final Sin INSTANCE = new Sin();

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
        return new Interval(-1, 1);
    }

    @Override
    public String latex(String x) {
        return "\\sin\\left(" + x + "\\right)";
    }
}
