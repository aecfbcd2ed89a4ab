package org.gradus.dsl.vocabulary

import org.gradus.atoms.Abs
import org.gradus.atoms.Cos
import org.gradus.atoms.Log1p
import org.gradus.atoms.LogSumExp
import org.gradus.atoms.Losses
import org.gradus.atoms.Ops
import org.gradus.atoms.Relu
import org.gradus.atoms.Sigmoid
import org.gradus.atoms.Sign
import org.gradus.atoms.Sin
import org.gradus.atoms.Softplus
import org.gradus.atoms.Tan
import org.gradus.atoms.Tanh
import org.gradus.atoms.VectorAtom
import org.gradus.atoms.VectorFunction
import org.gradus.dsl.Coerce
import org.gradus.expr.Expr
import org.gradus.expr.Matrix
import org.gradus.expr.Vec

/** The built-in functions: elementary, of vectors, losses and regularizers (SPEC §2 "Expressions"). */
trait FunctionsVocabulary {

    Expr exp(Object a) { Ops.exp(Coerce.expr(a)) }
    Expr log(Object a) { Ops.log(Coerce.expr(a)) }
    Expr log1p(Object a) { Ops.apply(Log1p.INSTANCE, Coerce.expr(a)) }
    Expr sqrt(Object a) { Ops.sqrt(Coerce.expr(a)) }
    Expr sin(Object a) { Ops.apply(Sin.INSTANCE, Coerce.expr(a)) }
    Expr cos(Object a) { Ops.apply(Cos.INSTANCE, Coerce.expr(a)) }
    Expr tan(Object a) { Ops.apply(Tan.INSTANCE, Coerce.expr(a)) }
    Expr tanh(Object a) { Ops.apply(Tanh.INSTANCE, Coerce.expr(a)) }
    Expr abs(Object a) { Ops.apply(Abs.INSTANCE, Coerce.expr(a)) }
    Expr sign(Object a) { Ops.apply(Sign.INSTANCE, Coerce.expr(a)) }
    Expr relu(Object a) { Ops.apply(Relu.INSTANCE, Coerce.expr(a)) }
    Expr sigmoid(Object a) { Ops.apply(Sigmoid.INSTANCE, Coerce.expr(a)) }
    Expr softplus(Object a) { Ops.apply(Softplus.INSTANCE, Coerce.expr(a)) }
    Expr pow(Object a, Object b) { Ops.pow(Coerce.expr(a), Coerce.expr(b)) }
    Expr max(Object a, Object b) { Ops.max(Coerce.expr(a), Coerce.expr(b)) }
    Expr min(Object a, Object b) { Ops.min(Coerce.expr(a), Coerce.expr(b)) }

    /** {@code logsumexp(a, b, ...)} of scalars, or {@code logsumexp(v)} of a vector. */
    Expr logsumexp(Object... args) {
        if (args.length == 1 && Coerce.isVectorLike(args[0])) return vectorFunction(VectorAtom.LOGSUMEXP, [args[0]])
        if (args.length == 0) throw new IllegalArgumentException('logsumexp needs at least one argument')
        Ops.apply(LogSumExp.INSTANCE, args.collect { Coerce.expr(it) })
    }

    // ---- vector functions ---------------------------------------------------------------------

    private Expr vectorFunction(VectorAtom atom, List operands, double parameter = Double.NaN, Matrix m = null) {
        new VectorFunction(atom, operands.collect { Coerce.vec(it, "the argument of ${atom.scriptName()}") } as List<Vec>, parameter, m)
    }

    Expr dot(Object a, Object b) { vectorFunction(VectorAtom.DOT, [a, b]) }
    Expr norm1(Object v) { vectorFunction(VectorAtom.NORM1, [v]) }
    Expr norm2(Object v) { vectorFunction(VectorAtom.NORM2, [v]) }
    Expr sumsq(Object v) { vectorFunction(VectorAtom.SUMSQ, [v]) }
    Expr l1(Object v) { vectorFunction(VectorAtom.L1, [v]) }
    Expr l2(Object v) { vectorFunction(VectorAtom.L2, [v]) }
    Expr elasticNet(Object v, Object alpha) {
        double a = Coerce.number(alpha, 'alpha')
        if (a < 0 || a > 1) throw new IllegalArgumentException("elasticNet's alpha must be in [0, 1], got $a")
        vectorFunction(VectorAtom.ELASTIC_NET, [v], a)
    }
    Expr quadForm(Object v, Object a) {
        if (!(a instanceof Matrix)) a = matrix(a as List)
        vectorFunction(VectorAtom.QUAD_FORM, [v], Double.NaN, (Matrix) a)
    }

    // ---- losses (built in the engine: org.gradus.atoms.Losses) --------------------------------

    Expr squaredError(Object pred, Object y) { Losses.squaredError(Coerce.expr(pred), Coerce.expr(y)) }
    Expr absoluteError(Object pred, Object y) { Losses.absoluteError(Coerce.expr(pred), Coerce.expr(y)) }
    Expr huber(Object pred, Object y, Object delta = 1) {
        Losses.huber(Coerce.expr(pred), Coerce.expr(y), Coerce.number(delta, 'delta'))
    }
    /** Binary cross-entropy of the logit z with a 0/1 label y: log(1 + e^z) − y·z, computed stably. */
    Expr logLoss(Object z, Object y) { Losses.logLoss(Coerce.expr(z), Coerce.expr(y)) }
    /** max(0, 1 − (2y − 1)·z) with y ∈ {0, 1}. */
    Expr hinge(Object z, Object y) { Losses.hinge(Coerce.expr(z), Coerce.expr(y)) }
}
