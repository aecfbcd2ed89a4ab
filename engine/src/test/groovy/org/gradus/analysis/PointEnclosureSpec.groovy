package org.gradus.analysis

import org.gradus.atoms.Interval
import org.gradus.atoms.Ops
import org.gradus.atoms.array.ArrayOps
import org.gradus.eval.ArrayKernelSpec
import org.gradus.eval.CompiledFunction
import org.gradus.expr.Constant
import org.gradus.expr.ConstantArray
import org.gradus.expr.Expr
import org.gradus.expr.Layout
import org.gradus.expr.Shape
import org.gradus.expr.VectorVariable
import spock.lang.Specification

import java.math.MathContext

import static org.gradus.expr.Fn.*

/**
 * Element-by-element interval evaluation at a point, which certifies the gap of a secant for array
 * expressions: each element's interval holds the exact value (checked against BigDecimal and against values
 * worked by hand), it is as narrow as rounding (not the hull of the whole array), and a secant whose gap is
 * within rounding is refused with the reason, where the old rule accepted any gap above 1e-6 of the values.
 */
class PointEnclosureSpec extends Specification {

    def "a matrix product: each element's interval holds the exact BigDecimal value and is a few ulps wide"() {
        given:
        VectorVariable W = VectorVariable.matrix('W', 2, 3, [0.1, -0.7, 1e-3, 3.3, 0.25, -2.9] as double[], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
        double[] v = [0.3, 1.0 / 3, -7.1]
        Expr f = ArrayOps.product(W.whole(), new ConstantArray('v', v, Shape.vector(3)))
        Layout layout = new Layout([W])
        double[] x = [0.1, -0.7, 1e-3, 3.3, 0.25, -2.9]

        when:
        Interval[] r = new PointEnclosure(layout, x).of(f)

        then:
        r.length == 2
        encloses(r[0], x[0..2] as double[], v)
        encloses(r[1], x[3..5] as double[], v)
    }

    /** True when the interval holds the exact Σ w_k v_k (BigDecimal) and is at most 8 ulps of it wide. */
    static boolean encloses(Interval r, double[] w, double[] v) {
        BigDecimal exact = 0
        for (int k = 0; k < w.length; k++) exact += new BigDecimal(w[k]) * new BigDecimal(v[k])
        new BigDecimal(r.lo()) <= exact && exact <= new BigDecimal(r.hi()) && r.hi() - r.lo() <= 8 * Math.ulp(exact.doubleValue())
    }

    def "softmax, logsumexp and crossEntropy at logits (1000, -1000, 0): tight intervals around the hand values"() {
        given: 'logsumexp = 1000 + log(1 + e^-2000 + e^-1000) = 1000 (to 1e-434); softmax = (1, e^-2000, e^-1000); crossEntropy(z, 1) = 2000'
        VectorVariable z = new VectorVariable('z', [1000, -1000, 0] as double[], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
        Layout layout = new Layout([z])
        PointEnclosure e = new PointEnclosure(layout, [1000, -1000, 0] as double[])

        when:
        Interval lse = e.of(logsumexp(z.whole()))[0]
        Interval[] p = e.of(softmax(z.whole()))
        Interval ce = e.of(crossEntropy(z.whole(), Constant.of(1)))[0]

        then:
        lse.contains(1000) && lse.hi() - lse.lo() < 1e-10
        ce.contains(2000) && ce.hi() - ce.lo() < 1e-10
        p[0].contains(1) && p[0].lo() > 1 - 1e-12
        p[1].lo() >= 0 && p[1].hi() < 1e-300
        p[2].lo() >= 0 && p[2].hi() < 1e-300
        e.loose() == null
    }

    def "every array opcode of the kernel table is enclosed element by element, as tight as rounding: #name"() {
        given:
        Expr f = build()
        CompiledFunction cf = new CompiledFunction(f, ArrayKernelSpec.layout)
        double[] x = ArrayKernelSpec.randomPoint(new Random(name.hashCode()))

        when:
        PointEnclosure e = new PointEnclosure(ArrayKernelSpec.layout, x)
        Interval r = e.scalar(f)
        double v = cf.value(x)
        double size = Math.max(1, Math.abs(v))

        // argmax (the hull of the indices that can be first largest), huber (its loss at the least and greatest |r|)
        // and the two-argument max are enclosed as tightly as the rest (issue 13)
        then: 'the floating-point value lies within rounding of the interval, which is narrow'
        e.loose() == null
        r.lo() - 1e-12 * size <= v && v <= r.hi() + 1e-12 * size
        r.hi() - r.lo() <= 1e-10 * size

        where:
        [name, build] << ArrayKernelSpec.cases().collect { k, c -> [k, c] }
    }

    def "a secant is accepted only when the interval of its gap excludes 0: a true gap passes, a gap within rounding is refused"() {
        given: 'f(a, u) = (a·u)² with a 1×1 matrix: f(2, 0) = f(0, 2) = 0, f(1, 1) = 1, gap 1 (by hand)'
        VectorVariable a = VectorVariable.matrix('a', 1, 1, [0] as double[], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
        VectorVariable u = new VectorVariable('u', 1, 0.0)
        Expr f = sumsq(ArrayOps.product(a.whole(), u.whole()))
        Layout layout = new Layout([a, u])
        CompiledFunction cf = new CompiledFunction(f, layout)

        and: 'g(W) = sum(W * c), linear: every gap is 0, so a claimed gap of 1e-17 is rounding, not a witness'
        VectorVariable W = VectorVariable.matrix('W', 2, 2, new double[4], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
        Expr g = ArrayOps.sum(ArrayOps.product(W.whole(), new ConstantArray('c', [0.1, 0.7] as double[], Shape.vector(2))))
        Layout gl = new Layout([W])

        expect:
        new Secant([2, 0] as double[], [0, 2] as double[], 0.5, 1).check(f, layout, cf, +1) == null
        new Secant([0.125, 0.375, -0.5, 0.75] as double[], [0.375, 0.125, 0.75, -0.5] as double[], 0.5, 1e-17)
                .check(g, gl, new CompiledFunction(g, gl), +1).contains('within the rounding of evaluating f')
    }
}
