package org.gradus.atoms;

import org.gradus.expr.Expr;
import org.gradus.expr.Vec;

import java.util.List;

/** Σ|vᵢ|: convex of an affine operand, with a kink wherever an element is 0. */
public final class Norm1 extends VectorAtom {
    public static final Norm1 INSTANCE = new Norm1();
    public static final FunctionWord WORD = FunctionWord.named("norm1").vector("v")
            .help("sum of |v_i|").example("norm1(w)")
            .builds(a -> applied(INSTANCE, a, 1));

    @Override
    public String name() {
        return "norm1";
    }

    @Override
    public double value(double[][] x) {
        return sumOfAbs(x[0]);
    }

    /** sign(v), as an array expression of the operand: at an element equal to 0 the subgradient's middle, 0 (as abs's derivative). */
    @Override
    public Expr gradient(int k, List<Expr> operands, Expr self) {
        return Ops.apply(Sign.INSTANCE, operands.get(0));
    }

    @Override
    public double[] gradient(int k, double[][] x) {
        return signs(x[0]);
    }

    @Override
    protected Expr summand(List<Vec> v, Expr i) {
        return Ops.apply(Abs.INSTANCE, v.get(0).get(i));
    }

    @Override
    public Curvature curvatureOfAffine() {
        return Curvature.CONVEX;
    }

    @Override
    public double[] l1l2Weights() {
        return new double[]{1, 0};
    }
}
