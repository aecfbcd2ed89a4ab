package org.gradus.atoms;

import org.gradus.analysis.Curvature;
import org.gradus.analysis.Interval;
import org.gradus.analysis.Monotonicity;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;

import java.util.List;

/** The sum of any number of terms. */
public final class Add extends Atom {
    public static final Add INSTANCE = new Add();

    @Override
    public String name() {
        return "add";
    }

    @Override
    public int arity() {
        return -1;
    }

    @Override
    public double value(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s;
    }

    @Override
    public Expr derivative(int k, List<Expr> args, Expr self) {
        return Constant.ONE;
    }

    @Override
    public double derivative(int k, double[] a, double out) {
        return 1;
    }

    @Override
    public Interval range(Interval[] args) {
        Interval r = Interval.point(0);
        for (Interval a : args) r = r.plus(a);
        return r;
    }

    @Override
    public Curvature curvature(Interval[] args, List<Expr> argExprs) {
        return Curvature.AFFINE;
    }

    @Override
    public Monotonicity monotonicity(int k, Interval[] args, List<Expr> argExprs) {
        return Monotonicity.INCREASING;
    }
}
