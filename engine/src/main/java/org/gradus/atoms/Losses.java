package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;

/**
 * The per-example losses of the language (SPEC §2 "losses"), built from atoms so that convexity,
 * derivatives and printing see through them. A script writes {@code squaredError(pred, y)}; a Java
 * embedder calls {@code Losses.squaredError(pred, y)} and gets the same expression.
 */
public final class Losses {
    public static final FunctionWord SQUARED_ERROR = FunctionWord.named("squaredError").expr("pred").expr("y")
            .help("(pred - y)**2").example("squaredError(a*x + b, 3)")
            .builds(a -> squaredError(a.expr(0), a.expr(1)));
    public static final FunctionWord ABSOLUTE_ERROR = FunctionWord.named("absoluteError").expr("pred").expr("y")
            .help("|pred - y|").example("absoluteError(a*x + b, 3)")
            .builds(a -> absoluteError(a.expr(0), a.expr(1)));
    public static final FunctionWord LOG_LOSS = FunctionWord.named("logLoss").expr("z").expr("y")
            .help("binary cross-entropy of logit z with y in {0, 1}").example("logLoss(dot(w, row.x), row.y)")
            .builds(a -> logLoss(a.expr(0), a.expr(1)));
    public static final FunctionWord HINGE = FunctionWord.named("hinge").expr("z").expr("y")
            .help("max(0, 1 - (2y - 1) z) with y in {0, 1}").example("hinge(dot(w, row.x), row.y)")
            .builds(a -> hinge(a.expr(0), a.expr(1)));

    private Losses() {
    }

    /** (pred − y)². */
    public static Expr squaredError(Expr pred, Expr y) {
        return Ops.pow(Ops.sub(pred, y), Constant.of(2));
    }

    /** |pred − y|. */
    public static Expr absoluteError(Expr pred, Expr y) {
        return Ops.apply(Abs.INSTANCE, Ops.sub(pred, y));
    }

    /**
     * The Huber loss of the residual pred − y: quadratic up to {@code delta}, linear beyond.
     *
     * @throws IllegalArgumentException when delta is not positive
     */
    public static Expr huber(Expr pred, Expr y, double delta) {
        return Ops.apply(new Huber(delta), pred, y);
    }

    /**
     * Binary cross-entropy of the logit z with a label y in [0, 1]: log(1 + eᶻ) − y·z, written as
     * y·softplus(−z) + (1 − y)·softplus(z) — the same function, a sum of nonnegative terms, so it keeps its
     * relative accuracy in the tails (logLoss(40, 1) is 4.2e-18, not the 0 of softplus(40) − 40).
     */
    public static Expr logLoss(Expr z, Expr y) {
        Expr positive = Ops.mul(y, Ops.apply(Softplus.INSTANCE, Ops.neg(z)));
        Expr negative = Ops.mul(Ops.sub(Constant.ONE, y), Ops.apply(Softplus.INSTANCE, z));
        return Ops.add(positive, negative);
    }

    /** The hinge loss max(0, 1 − (2y − 1)·z) of the score z with a 0/1 label y. */
    public static Expr hinge(Expr z, Expr y) {
        Expr signed = Ops.sub(Ops.mul(Constant.of(2), y), Constant.ONE);
        return Ops.apply(Relu.INSTANCE, Ops.sub(Constant.ONE, Ops.mul(signed, z)));
    }
}
