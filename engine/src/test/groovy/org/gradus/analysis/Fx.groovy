package org.gradus.analysis

import org.gradus.atoms.*
import org.gradus.expr.*

/** Test vocabulary: operators on expressions and the built-in functions, as in a script. */
class Fx {
    static Expr e(Object o) {
        if (o instanceof Expr) return (Expr) o
        if (o instanceof Number) return Constant.of(((Number) o).doubleValue())
        throw new IllegalArgumentException("not an expression: $o")
    }

    static boolean installed = false

    static synchronized void install() {
        if (installed) return
        installed = true
        Expr.metaClass.plus = { Object o -> Ops.add(delegate as Expr, e(o)) }
        Expr.metaClass.minus = { Object o -> Ops.sub(delegate as Expr, e(o)) }
        Expr.metaClass.multiply = { Object o -> Ops.mul(delegate as Expr, e(o)) }
        Expr.metaClass.div = { Object o -> Ops.div(delegate as Expr, e(o)) }
        Expr.metaClass.power = { Object o -> Ops.pow(delegate as Expr, e(o)) }
        Expr.metaClass.negative = { -> Ops.neg(delegate as Expr) }
        [Integer, BigDecimal, Double, Long].each { Class k ->
            k.metaClass.plus = { Expr o -> Ops.add(e(delegate), o) }
            k.metaClass.minus = { Expr o -> Ops.sub(e(delegate), o) }
            k.metaClass.multiply = { Expr o -> Ops.mul(e(delegate), o) }
            k.metaClass.div = { Expr o -> Ops.div(e(delegate), o) }
            k.metaClass.power = { Expr o -> Ops.pow(e(delegate), o) }
        }
    }

    static Expr exp(Object a) { Ops.exp(e(a)) }
    static Expr log(Object a) { Ops.log(e(a)) }
    static Expr log1p(Object a) { Ops.apply(Log1p.INSTANCE, e(a)) }
    static Expr sqrt(Object a) { Ops.sqrt(e(a)) }
    static Expr abs(Object a) { Ops.apply(Abs.INSTANCE, e(a)) }
    static Expr relu(Object a) { Ops.apply(Relu.INSTANCE, e(a)) }
    static Expr sign(Object a) { Ops.apply(Sign.INSTANCE, e(a)) }
    static Expr sin(Object a) { Ops.apply(Sin.INSTANCE, e(a)) }
    static Expr cos(Object a) { Ops.apply(Cos.INSTANCE, e(a)) }
    static Expr tan(Object a) { Ops.apply(Tan.INSTANCE, e(a)) }
    static Expr tanh(Object a) { Ops.apply(Tanh.INSTANCE, e(a)) }
    static Expr sigmoid(Object a) { Ops.apply(Sigmoid.INSTANCE, e(a)) }
    static Expr softplus(Object a) { Ops.apply(Softplus.INSTANCE, e(a)) }
    static Expr max(Object a, Object b) { Ops.max(e(a), e(b)) }
    static Expr min(Object a, Object b) { Ops.min(e(a), e(b)) }
    static Expr huber(Object a, Object b, double delta = 1) { Ops.apply(new Huber(delta), e(a), e(b)) }
    static Expr logsumexp(Object... a) { Ops.apply(LogSumExp.INSTANCE, a.collect { e(it) }) }
    static Expr vf(VectorAtom atom, Vec v, double p = Double.NaN, Matrix m = null) { new VectorFunction(atom, [v], p, m) }
}
