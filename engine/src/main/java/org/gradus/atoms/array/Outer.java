package org.gradus.atoms.array;

import org.gradus.atoms.Curvature;
import org.gradus.atoms.FunctionWord;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Monotonicity;
import org.gradus.expr.Dependence;
import org.gradus.expr.Expr;
import org.gradus.expr.Shape;

import java.util.List;

/** The outer product {@code outer(a, b)} = a bᵀ of two vectors (the gradient of W·x in W is outer(ḡ, x)). */
public final class Outer extends ArrayOp {
    public static final Outer INSTANCE = new Outer();
    public static final FunctionWord WORD = FunctionWord.named("outer").vector("a").vector("b")
            .help("the outer product a b^T of two vectors, a matrix").example("outer(u, v)")
            .builds(a -> ArrayOps.outer(a.array(0), a.array(1)));

    @Override
    public String name() {
        return "outer";
    }

    @Override
    public Shape shape(List<Expr> args) {
        Shapes.requireVector("outer", args.get(0));
        Shapes.requireVector("outer", args.get(1));
        return Shape.matrix(args.get(0).shape().rows(), args.get(1).shape().rows());
    }

    @Override
    public Expr adjoint(int k, List<Expr> args, Expr self, Expr g) {
        return k == 0 ? ArrayOps.product(g, args.get(1)) : ArrayOps.product(ArrayOps.transpose(g), args.get(0));
    }

    @Override
    public Curvature curvature(List<Expr> args) {
        int varying = 0;
        for (Expr e : args) if (Dependence.dependsOnVariables(e)) varying++;
        return varying <= 1 ? Curvature.AFFINE : Curvature.UNKNOWN;
    }

    @Override
    public Monotonicity monotonicity(int k, List<Expr> args, Interval[] ranges) {
        Interval other = ranges[1 - k];
        if (other.nonnegative()) return Monotonicity.INCREASING;
        if (other.nonpositive()) return Monotonicity.DECREASING;
        return Monotonicity.NONMONOTONE;
    }

    @Override
    public String curvatureFailure(List<Expr> args) {
        return "an outer product of two expressions that both depend on variables";
    }

    @Override
    public Interval range(List<Expr> args, Interval[] ranges) {
        return ranges[0].times(ranges[1]);
    }
}
