package org.gradus.atoms.array;

import org.gradus.atoms.Curvature;
import org.gradus.atoms.FunctionWord;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Monotonicity;
import org.gradus.atoms.Ops;
import org.gradus.expr.ConstantArray;
import org.gradus.expr.Expr;
import org.gradus.expr.Shape;

import java.util.List;

/** {@code trace(M)}: the sum of the diagonal of a square matrix. Linear; its adjoint is ḡ·I. */
public final class Trace extends ArrayOp {
    public static final Trace INSTANCE = new Trace();
    public static final FunctionWord WORD = FunctionWord.named("trace").array("M", 3, 3)
            .help("the sum of the diagonal of a square matrix").example("trace(W.T * W)")
            .builds(a -> ArrayOps.trace(a.array(0)));

    @Override
    public String name() {
        return "trace";
    }

    @Override
    public Shape shape(List<Expr> args) {
        Shape s = args.get(0).shape();
        if (!s.isMatrix() || s.rows() != s.columns()) {
            throw new IllegalArgumentException("trace needs a square matrix, but " + Shapes.describe(args.get(0)) + " " + s.described());
        }
        return Shape.SCALAR;
    }

    @Override
    public Expr adjoint(int k, List<Expr> args, Expr self, Expr g) {
        int n = args.get(0).shape().rows();
        double[] eye = new double[n * n];
        for (int i = 0; i < n; i++) eye[i * n + i] = 1;
        return Ops.mul(g, new ConstantArray(null, eye, Shape.matrix(n, n)));
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
        return ranges[0].times(Interval.point(args.get(0).shape().rows()));
    }
}
