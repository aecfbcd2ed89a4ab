package org.gradus.atoms.array;

import org.gradus.atoms.Curvature;
import org.gradus.atoms.FunctionWord;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Ops;
import org.gradus.expr.Expr;
import org.gradus.expr.Shape;

import java.util.List;

/**
 * {@code crossEntropy(z, k)}: the multi-class cross-entropy of logits z for the class k (0-based, a
 * number or data such as {@code row.y}) = logsumexp(z) − z[k] = −log softmax(z)[k], computed stably
 * (finite for logits of ±1000). Convex in z; its gradient is softmax(z) − oneHot(k).
 */
public final class CrossEntropy extends ArrayOp {
    public static final CrossEntropy INSTANCE = new CrossEntropy();
    public static final FunctionWord WORD = FunctionWord.named("crossEntropy").vector("z").number("k", 1)
            .help("multi-class cross-entropy of logits z for class k (0-based): logsumexp(z) - z[k]").example("crossEntropy(W * row.x + b, row.y)")
            .builds(a -> ArrayOps.crossEntropy(a.array(0), a.expr(1)));

    @Override
    public String name() {
        return "crossEntropy";
    }

    @Override
    public Shape shape(List<Expr> args) {
        Shapes.requireVector("crossEntropy", args.get(0));
        Shapes.requireScalar("the class of crossEntropy", args.get(1));
        if (args.get(1) instanceof org.gradus.expr.Constant c) {
            double k = c.value();
            int n = args.get(0).shape().size();
            if (k != Math.rint(k) || k < 0 || k >= n) {
                throw new IndexOutOfBoundsException("crossEntropy: class " + org.gradus.print.Numbers.format(k) + " is outside 0.." + (n - 1)
                        + " for the " + n + " logits of " + Shapes.describe(args.get(0)));
            }
        }
        return Shape.SCALAR;
    }

    @Override
    public Expr adjoint(int k, List<Expr> args, Expr self, Expr g) {
        if (k == 1) return null;
        Expr z = args.get(0);
        return Ops.mul(g, Ops.sub(ArrayOps.softmax(z), ArrayOps.oneHot(args.get(1), z.shape())));
    }

    @Override
    public boolean isIndex(int k) {
        return k == 1;
    }

    @Override
    public Curvature curvature(List<Expr> args) {
        return Curvature.CONVEX;
    }

    /** 0 ≤ logsumexp(z) − z[k] ≤ max z − min z + log n. */
    @Override
    public Interval range(List<Expr> args, Interval[] ranges) {
        double width = ranges[0].hi() - ranges[0].lo();
        return new Interval(0, width + Math.log(args.get(0).shape().size()));
    }
}
