package org.gradus.expr

import org.gradus.atoms.Functions
import org.gradus.atoms.Ops

/**
 * The built-in functions of SPEC §2 for tests ({@code import static org.gradus.expr.Fn.*}): each is the
 * engine's function word of that name ({@link Functions}), called as a script calls it, so numbers,
 * expressions, lists and vectors are accepted alike. With {@link ExprOperators} this is the one test
 * vocabulary of the engine.
 */
class Fn {
    private static Expr call(String name, Object... args) { Functions.call(name, args) }

    static Expr exp(Object a) { call('exp', a) }
    static Expr log(Object a) { call('log', a) }
    static Expr log1p(Object a) { call('log1p', a) }
    static Expr sqrt(Object a) { call('sqrt', a) }
    static Expr sin(Object a) { call('sin', a) }
    static Expr cos(Object a) { call('cos', a) }
    static Expr tan(Object a) { call('tan', a) }
    static Expr tanh(Object a) { call('tanh', a) }
    static Expr cosh(Object a) { call('cosh', a) }
    static Expr atan(Object a) { call('atan', a) }
    static Expr abs(Object a) { call('abs', a) }
    static Expr sign(Object a) { call('sign', a) }
    static Expr relu(Object a) { call('relu', a) }
    static Expr sigmoid(Object a) { call('sigmoid', a) }
    static Expr softplus(Object a) { call('softplus', a) }
    static Expr pow(Object a, Object b) { call('pow', a, b) }
    static Expr max(Object a, Object b) { call('max', a, b) }
    static Expr min(Object a, Object b) { call('min', a, b) }
    /** Of scalars, or of one vector. */
    static Expr logsumexp(Object... a) { call('logsumexp', a) }

    static Expr dot(Object a, Object b) { call('dot', a, b) }
    static Expr norm1(Object v) { call('norm1', v) }
    static Expr norm2(Object v) { call('norm2', v) }
    static Expr sumsq(Object v) { call('sumsq', v) }
    static Expr quadForm(Object v, Object a) { call('quadForm', v, a) }
    static Expr l1(Object v) { call('l1', v) }
    static Expr l2(Object v) { call('l2', v) }
    static Expr elasticNet(Object v, double alpha) { call('elasticNet', v, alpha) }

    static Expr softmax(Object z) { call('softmax', z) }
    static Expr crossEntropy(Object z, Object k) { call('crossEntropy', z, k) }
    static Expr oneHot(Object k, int n) { call('oneHot', k, n) }
    static Expr argmax(Object v) { call('argmax', v) }
    static Expr trace(Object m) { call('trace', m) }
    static Expr outer(Object a, Object b) { call('outer', a, b) }
    static Expr embed(Object v, int offset, int n) { call('embed', v, offset, n) }
    /** max of one vector (the two-argument max is {@link #max(Object, Object)}). */
    static Expr maxOf(Object v) { call('max', v) }

    static Expr squaredError(Object pred, Object y) { call('squaredError', pred, y) }
    static Expr absoluteError(Object pred, Object y) { call('absoluteError', pred, y) }
    static Expr huber(Object pred, Object y, double delta = 1) { call('huber', pred, y, delta) }
    static Expr logLoss(Object z, Object y) { call('logLoss', z, y) }
    static Expr hinge(Object z, Object y) { call('hinge', z, y) }

    static Expr c(double v) { Constant.of(v) }

    /** {@code sum(from..<to) { i -> body }} with a fresh index symbol. */
    static Expr sum(IntRange r, Closure<Expr> body) {
        IndexSymbol i = new IndexSymbol('i')
        int from = r.getFrom() as int
        int to = (r.getTo() as int) + 1
        Ops.sum(i, from, to, body.call(i))
    }

    static ConstantVector constants(String name, List<Number> values) { new ConstantVector(name, values as double[]) }
}
