package org.gradus.atoms;

import org.gradus.expr.Expr;
import org.gradus.expr.Vec;

import java.util.List;

/** The Euclidean norm sqrt(Σvᵢ²): convex of an affine operand, not differentiable at v = 0. */
public final class Norm2 extends VectorAtom {
    public static final Norm2 INSTANCE = new Norm2();
    public static final FunctionWord WORD = FunctionWord.named("norm2").vector("v")
            .help("Euclidean norm").example("norm2(w)")
            .builds(a -> applied(INSTANCE, a, 1));

    @Override
    public String name() {
        return "norm2";
    }

    @Override
    public double value(double[][] x) {
        return Math.sqrt(sumOfSquares(x[0]));
    }

    /** The gradient in the operand as an array expression of it. */
    @Override
    public Expr gradient(int k, List<Expr> operands, Expr self) {
        return Ops.div(operands.get(0), self);
    }

    /** v/‖v‖ (NaN at v = 0, where the norm has no gradient). */
    @Override
    public double[] gradient(int k, double[][] x) {
        return scaled(x[0], 1 / value(x));
    }

    @Override
    public Expr lower(List<Vec> v) {
        return Ops.sqrt(SumSquares.INSTANCE.lower(v));
    }

    @Override
    public Curvature curvatureOfAffine() {
        return Curvature.CONVEX;
    }
}
