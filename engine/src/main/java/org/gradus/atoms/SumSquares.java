package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Vec;

import java.util.List;

/** Σvᵢ², the squared Euclidean norm: convex of an affine operand. */
public final class SumSquares extends VectorAtom {
    public static final SumSquares INSTANCE = new SumSquares();
    public static final FunctionWord WORD = FunctionWord.named("sumsq").vector("v")
            .help("sum of v_i**2").example("sumsq(w)")
            .builds(a -> applied(INSTANCE, a, 1));

    @Override
    public String name() {
        return "sumsq";
    }

    @Override
    public double value(double[][] x) {
        return sumOfSquares(x[0]);
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
        return scaled(x[0], 2);
    }

    @Override
    protected Expr summand(List<Vec> v, Expr i) {
        return Ops.pow(v.get(0).get(i), Constant.of(2));
    }

    @Override
    public Curvature curvatureOfAffine() {
        return Curvature.CONVEX;
    }
}
