package org.gradus.atoms.array;

import org.gradus.atoms.Curvature;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Monotonicity;
import org.gradus.atoms.Ops;
import org.gradus.expr.Expr;
import org.gradus.expr.Shape;

import java.util.List;

/**
 * {@code max(v)}: the largest element of a vector or matrix. Convex and increasing; not differentiable
 * where two elements tie for the maximum. Its adjoint goes to the first largest element (as torch's).
 */
public final class MaxOf extends ArrayOp {
    public static final MaxOf INSTANCE = new MaxOf();

    @Override
    public String name() {
        return "max";
    }

    @Override
    public Shape shape(List<Expr> args) {
        if (args.get(0).shape().isScalar()) throw new IllegalArgumentException("max of one argument needs a vector or a matrix, but " + Shapes.describe(args.get(0)) + " is a scalar");
        return Shape.SCALAR;
    }

    @Override
    public Expr adjoint(int k, List<Expr> args, Expr self, Expr g) {
        Expr u = args.get(0);
        return Ops.mul(g, ArrayOps.oneHot(ArrayOps.argmax(u), u.shape()));
    }

    @Override
    public Curvature curvature(List<Expr> args) {
        return Curvature.CONVEX;
    }

    @Override
    public Monotonicity monotonicity(int k, List<Expr> args, Interval[] ranges) {
        return Monotonicity.INCREASING;
    }

    @Override
    public Interval range(List<Expr> args, Interval[] ranges) {
        return ranges[0];
    }

    @Override
    public boolean smoothOn(List<Expr> args, Interval[] ranges) {
        return args.get(0).shape().size() == 1;
    }
}
