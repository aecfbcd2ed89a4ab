package org.gradus.atoms.array;

import org.gradus.atoms.Curvature;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Monotonicity;
import org.gradus.atoms.Ops;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Shape;

import java.util.List;

/** {@code mean(v)}: the mean of every element of a vector or matrix. Linear and increasing. */
public final class Mean extends ArrayOp {
    public static final Mean INSTANCE = new Mean();

    @Override
    public String name() {
        return "mean";
    }

    @Override
    public Shape shape(List<Expr> args) {
        if (args.get(0).shape().isScalar()) throw new IllegalArgumentException("mean needs a vector or a matrix, but " + Shapes.describe(args.get(0)) + " is a scalar");
        return Shape.SCALAR;
    }

    @Override
    public Expr adjoint(int k, List<Expr> args, Expr self, Expr g) {
        Shape s = args.get(0).shape();
        return ArrayOps.fill(Ops.div(g, Constant.of(s.size())), s);
    }

    @Override
    public Curvature curvature(List<Expr> args) {
        return Curvature.AFFINE;
    }

    @Override
    public Monotonicity monotonicity(int k, List<Expr> args, Interval[] ranges) {
        return Monotonicity.INCREASING;
    }

    @Override
    public Interval range(List<Expr> args, Interval[] ranges) {
        return ranges[0];
    }
}
