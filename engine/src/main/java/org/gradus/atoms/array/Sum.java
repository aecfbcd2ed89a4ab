package org.gradus.atoms.array;

import org.gradus.atoms.Curvature;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Monotonicity;
import org.gradus.expr.Expr;
import org.gradus.expr.Shape;

import java.util.List;

/** {@code sum(v)}: the sum of every element of a vector or matrix. Linear and increasing; its adjoint broadcasts. */
public final class Sum extends ArrayOp {
    public static final Sum INSTANCE = new Sum();

    @Override
    public String name() {
        return "sum";
    }

    @Override
    public Shape shape(List<Expr> args) {
        if (args.get(0).shape().isScalar()) throw new IllegalArgumentException("sum needs a vector or a matrix, but " + Shapes.describe(args.get(0)) + " is a scalar");
        return Shape.SCALAR;
    }

    @Override
    public Expr adjoint(int k, List<Expr> args, Expr self, Expr g) {
        return ArrayOps.fill(g, args.get(0).shape());
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
        return ranges[0].times(Interval.point(args.get(0).shape().size()));
    }
}
