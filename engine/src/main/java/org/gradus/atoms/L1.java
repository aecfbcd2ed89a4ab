package org.gradus.atoms;

import org.gradus.expr.Expr;
import org.gradus.expr.Vec;

import java.util.List;

/** The lasso penalty Σ|vᵢ| (norm1 under its regularizer's name); proximal methods split it off. */
public final class L1 extends VectorAtom {
    public static final L1 INSTANCE = new L1();
    public static final FunctionWord WORD = FunctionWord.named("l1").vector("v")
            .help("L1 regularizer, sum of |v_i|").example("minimize mse + 0.1*l1(w)")
            .builds(a -> applied(INSTANCE, a, 1));

    @Override
    public String name() {
        return "l1";
    }

    @Override
    public double value(double[][] x) {
        return Norm1.INSTANCE.value(x);
    }

    /** The gradient in the operand as an array expression of it. */
    @Override
    public Expr gradient(int k, List<Expr> operands, Expr self) {
        return Ops.apply(Sign.INSTANCE, operands.get(0));
    }

    @Override
    public double[] gradient(int k, double[][] x) {
        return Norm1.INSTANCE.gradient(k, x);
    }

    @Override
    protected Expr summand(List<Vec> v, Expr i) {
        return Norm1.INSTANCE.summand(v, i);
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
