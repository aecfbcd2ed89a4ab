package org.gradus.atoms.array;

import org.gradus.atoms.Curvature;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Monotonicity;
import org.gradus.atoms.Ops;
import org.gradus.expr.Expr;
import org.gradus.expr.Shape;

import java.util.List;

/**
 * {@code logsumexp(v)} = log Σ e^{vᵢ} of a vector or matrix, one node however long (stable: the
 * largest element shifted out). Convex and increasing in every element; its gradient is softmax(v).
 */
public final class LogSumExpOf extends ArrayOp {
    public static final LogSumExpOf INSTANCE = new LogSumExpOf();

    @Override
    public String name() {
        return "logsumexp";
    }

    @Override
    public Shape shape(List<Expr> args) {
        if (args.get(0).shape().isScalar()) throw new IllegalArgumentException("logsumexp of one argument needs a vector, but " + Shapes.describe(args.get(0)) + " is a scalar");
        return Shape.SCALAR;
    }

    @Override
    public Expr adjoint(int k, List<Expr> args, Expr self, Expr g) {
        Expr z = args.get(0);
        Expr p = z.shape().isVector() ? ArrayOps.softmax(z) : Ops.exp(Ops.sub(z, self));
        return Ops.mul(g, p);
    }

    @Override
    public Curvature curvature(List<Expr> args) {
        return Curvature.CONVEX;
    }

    @Override
    public Monotonicity monotonicity(int k, List<Expr> args, Interval[] ranges) {
        return Monotonicity.INCREASING;
    }

    /** Between max + 0 and max + log n. */
    @Override
    public Interval range(List<Expr> args, Interval[] ranges) {
        double logN = Math.log(args.get(0).shape().size());
        return new Interval(ranges[0].lo(), ranges[0].hi() + logN);
    }
}
