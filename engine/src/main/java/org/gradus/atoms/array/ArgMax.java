package org.gradus.atoms.array;

import org.gradus.atoms.FunctionWord;
import org.gradus.atoms.Interval;
import org.gradus.expr.Expr;
import org.gradus.expr.Shape;

import java.util.List;

/**
 * {@code argmax(v)}: the (row-major) index of the first largest element, a whole number. Piecewise
 * constant: it carries no adjoint. It appears in the gradient of {@code max(v)}, and predicts a class
 * from logits.
 */
public final class ArgMax extends ArrayOp {
    public static final ArgMax INSTANCE = new ArgMax();
    public static final FunctionWord WORD = FunctionWord.named("argmax").vector("v")
            .help("the index of the largest element (the first, on ties)").example("argmax(W * x + b)")
            .builds(a -> ArrayOps.argmax(a.array(0)));

    @Override
    public String name() {
        return "argmax";
    }

    @Override
    public Shape shape(List<Expr> args) {
        if (args.get(0).shape().isScalar()) throw new IllegalArgumentException("argmax needs a vector or a matrix, but " + Shapes.describe(args.get(0)) + " is a scalar");
        return Shape.SCALAR;
    }

    @Override
    public Expr adjoint(int k, List<Expr> args, Expr self, Expr g) {
        return null;
    }

    @Override
    public boolean isIndex(int k) {
        return false;
    }

    @Override
    public String curvatureFailure(List<Expr> args) {
        return "argmax is a step function of its argument";
    }

    @Override
    public Interval range(List<Expr> args, Interval[] ranges) {
        return new Interval(0, args.get(0).shape().size() - 1);
    }

    @Override
    public boolean smoothOn(List<Expr> args, Interval[] ranges) {
        return false;
    }
}
