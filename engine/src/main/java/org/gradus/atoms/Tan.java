package org.gradus.atoms;

import org.gradus.analysis.Curvature;
import org.gradus.analysis.Interval;
import org.gradus.analysis.Monotonicity;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Ops;

/** The tangent; undefined at odd multiples of pi/2. */
public final class Tan extends UnaryAtom {
    public static final Tan INSTANCE = new Tan();

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

    @Override
    public String latex(String x) {
        return "\\tan\\left(" + x + "\\right)";
    }
}
