package org.gradus.atoms;

import org.gradus.analysis.Curvature;
import org.gradus.analysis.Interval;
import org.gradus.analysis.Monotonicity;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Ops;

import java.util.ArrayList;
import java.util.List;

/**
 * The product of any number of factors. A product with one non-constant factor is affine in it
 * (scaling); a product of two or more non-constant factors has no curvature the rules can prove.
 */
public final class Multiply extends Atom {
    public static final Multiply INSTANCE = new Multiply();

    @Override
    public String name() {
        return "multiply";
    }

    @Override
    public int arity() {
        return -1;
    }

    @Override
    public double value(double[] a) {
        double p = 1;
        for (double v : a) p *= v;
        return p;
    }

    @Override
    public Expr derivative(int k, List<Expr> args, Expr self) {
        List<Expr> others = new ArrayList<>(args);
        others.remove(k);
        return Ops.mul(others);
    }

    @Override
    public double derivative(int k, double[] a, double out) {
        double p = 1;
        for (int j = 0; j < a.length; j++) if (j != k) p *= a[j];
        return p;
    }

    @Override
    public Interval range(Interval[] args) {
        Interval r = Interval.point(1);
        for (Interval a : args) r = r.times(a);
        return r;
    }

    @Override
    public Curvature curvature(Interval[] args, List<Expr> argExprs) {
        // Data (constant tables, loop indices) counts as constant: only factors that depend on variables matter.
        int nonConstant = 0;
        for (Expr e : argExprs) if (org.gradus.analysis.Dependence.dependsOnVariables(e)) nonConstant++;
        return nonConstant <= 1 ? Curvature.AFFINE : Curvature.UNKNOWN;
    }

    @Override
    public Monotonicity monotonicity(int k, Interval[] args, List<Expr> argExprs) {
        Interval others = Interval.point(1);
        for (int j = 0; j < args.length; j++) if (j != k) others = others.times(args[j]);
        if (others.nonnegative()) return Monotonicity.INCREASING;
        if (others.nonpositive()) return Monotonicity.DECREASING;
        return Monotonicity.NONMONOTONE;
    }
}
