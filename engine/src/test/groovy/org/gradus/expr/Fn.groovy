package org.gradus.expr

import org.gradus.atoms.Ops
import org.gradus.atoms.VectorFunction
import org.gradus.atoms.Abs
import org.gradus.atoms.Cos
import org.gradus.atoms.Huber
import org.gradus.atoms.Log1p
import org.gradus.atoms.LogSumExp
import org.gradus.atoms.Relu
import org.gradus.atoms.Sigmoid
import org.gradus.atoms.Sign
import org.gradus.atoms.Sin
import org.gradus.atoms.Softplus
import org.gradus.atoms.Tan
import org.gradus.atoms.Tanh
import org.gradus.atoms.VectorAtom

/** The built-in functions of SPEC §2 as engine expressions, for tests ({@code import static org.gradus.expr.Fn.*}). */
class Fn {
    static Expr exp(Expr a) { Ops.exp(a) }
    static Expr log(Expr a) { Ops.log(a) }
    static Expr sqrt(Expr a) { Ops.sqrt(a) }
    static Expr log1p(Expr a) { Ops.apply(Log1p.INSTANCE, a) }
    static Expr sin(Expr a) { Ops.apply(Sin.INSTANCE, a) }
    static Expr cos(Expr a) { Ops.apply(Cos.INSTANCE, a) }
    static Expr tan(Expr a) { Ops.apply(Tan.INSTANCE, a) }
    static Expr tanh(Expr a) { Ops.apply(Tanh.INSTANCE, a) }
    static Expr abs(Expr a) { Ops.apply(Abs.INSTANCE, a) }
    static Expr sign(Expr a) { Ops.apply(Sign.INSTANCE, a) }
    static Expr relu(Expr a) { Ops.apply(Relu.INSTANCE, a) }
    static Expr sigmoid(Expr a) { Ops.apply(Sigmoid.INSTANCE, a) }
    static Expr softplus(Expr a) { Ops.apply(Softplus.INSTANCE, a) }
    static Expr max(Expr a, Expr b) { Ops.max(a, b) }
    static Expr min(Expr a, Expr b) { Ops.min(a, b) }
    static Expr pow(Expr a, Expr b) { Ops.pow(a, b) }
    static Expr logsumexp(Expr... a) { Ops.apply(LogSumExp.INSTANCE, a) }
    static Expr huber(Expr pred, Expr y, double delta = 1) { Ops.apply(new Huber(delta), pred, y) }
    static Expr c(double v) { Constant.of(v) }

    /** {@code sum(from..<to) { i -> body }} with a fresh index symbol. */
    static Expr sum(IntRange r, Closure<Expr> body) {
        IndexSymbol i = new IndexSymbol('i')
        int from = r.getFrom() as int
        int to = (r.getTo() as int) + 1
        Ops.sum(i, from, to, body.call(i))
    }

    static Expr vf(VectorAtom atom, List<Vec> operands, double parameter = Double.NaN, Matrix m = null) {
        new VectorFunction(atom, operands, parameter, m)
    }
    static Expr norm1(Vec v) { vf(VectorAtom.NORM1, [v]) }
    static Expr norm2(Vec v) { vf(VectorAtom.NORM2, [v]) }
    static Expr sumsq(Vec v) { vf(VectorAtom.SUMSQ, [v]) }
    static Expr l1(Vec v) { vf(VectorAtom.L1, [v]) }
    static Expr l2(Vec v) { vf(VectorAtom.L2, [v]) }
    static Expr elasticNet(Vec v, double alpha) { vf(VectorAtom.ELASTIC_NET, [v], alpha) }
    static Expr logsumexp(Vec v) { vf(VectorAtom.LOGSUMEXP, [v]) }
    static Expr dot(Vec a, Vec b) { vf(VectorAtom.DOT, [a, b]) }
    static Expr quadForm(Vec v, List<List<Number>> a) {
        vf(VectorAtom.QUAD_FORM, [v], Double.NaN, new Matrix(a.collect { r -> r.collect { it as double } as double[] } as double[][]))
    }
    static ConstantVector constants(String name, List<Number> values) { new ConstantVector(name, values as double[]) }
}
