package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Vec;

import java.util.List;

/** The ridge penalty Σvᵢ² (the squared norm, sumsq under its regularizer's name). */
public final class L2 extends VectorAtom {
    public static final L2 INSTANCE = new L2();
    public static final FunctionWord WORD = FunctionWord.named("l2").vector("v")
            .help("L2 regularizer, sum of v_i**2 (as in ridge)").example("minimize mse + 0.01*l2(w)")
            .builds(a -> applied(INSTANCE, a, 1));

    @Override
    public String name() {
        return "l2";
    }

    @Override
    public double value(double[][] x) {
        return SumSquares.INSTANCE.value(x);
    }

    /** The gradient in the operand as an array expression of it. */
    @Override
    public Expr gradient(int k, List<Expr> operands, Expr self) {
        return Ops.mul(Constant.of(2), operands.get(0));
    }

    @Override
    public boolean smooth() {
        return true;
    }

    @Override
    public double[] gradient(int k, double[][] x) {
        return SumSquares.INSTANCE.gradient(k, x);
    }

    @Override
    protected Expr summand(List<Vec> v, Expr i) {
        return SumSquares.INSTANCE.summand(v, i);
    }

    @Override
    public Curvature curvatureOfAffine() {
        return Curvature.CONVEX;
    }
}
