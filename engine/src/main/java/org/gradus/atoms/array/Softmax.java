package org.gradus.atoms.array;

import org.gradus.atoms.FunctionWord;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Ops;
import org.gradus.expr.Expr;
import org.gradus.expr.Shape;

import java.util.List;

/**
 * {@code softmax(z)} = e^{zᵢ} / Σⱼ e^{zⱼ} of a vector of logits, computed with the largest logit shifted
 * out (finite for logits of ±1000). Its vector–Jacobian product is s ⊙ (ḡ − ⟨ḡ, s⟩), s = softmax(z).
 * Each component is neither convex nor concave.
 */
public final class Softmax extends ArrayOp {
    public static final Softmax INSTANCE = new Softmax();
    public static final FunctionWord WORD = FunctionWord.named("softmax").vector("z")
            .help("the probabilities e^z_i / sum_j e^z_j of a vector of logits, computed stably").example("softmax(W * x + b)")
            .builds(a -> ArrayOps.softmax(a.array(0)));

    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public Shape shape(List<Expr> args) {
        Shapes.requireVector("softmax", args.get(0));
        return args.get(0).shape();
    }

    @Override
    public Expr adjoint(int k, List<Expr> args, Expr self, Expr g) {
        return Ops.mul(self, Ops.sub(g, ArrayOps.dot(g, self)));
    }

    @Override
    public String curvatureFailure(List<Expr> args) {
        return "softmax is neither convex nor concave in its logits";
    }

    @Override
    public Interval range(List<Expr> args, Interval[] ranges) {
        return new Interval(0, 1);
    }
}
