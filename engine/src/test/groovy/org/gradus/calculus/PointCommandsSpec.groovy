package org.gradus.calculus

import org.gradus.diff.Gradient
import org.gradus.diff.Hessian
import org.gradus.diff.Reference
import org.gradus.eval.CompiledFunction
import org.gradus.eval.Evaluate
import org.gradus.expr.Expr
import org.gradus.expr.Layout
import org.gradus.expr.Variable
import spock.lang.Specification

import static org.gradus.expr.Fn.*

/** The point commands of SPEC §2 "Derivatives": taylor, and the gradient and Hessian at a point. */
class PointCommandsSpec extends Specification {
    Variable x = new Variable('x', 0)
    Variable y = new Variable('y', 0)

    def "taylor of order #order matches f, its gradient and (order 2) its Hessian at the point"() {
        given:
        Expr f = exp(x) * sin(y) + x**3 * y
        Layout layout = new Layout([x, y])
        Map at = [x: 0.3, y: -0.4]
        double[] a = [0.3, -0.4]

        when:
        Expr t = Taylor.polynomial(f, layout, at, order)
        def cf = new CompiledFunction(f, layout)
        def ct = new CompiledFunction(t, layout)
        double[] gf = new double[2], gt = new double[2]

        then:
        Math.abs(cf.valueAndGradient(a, gf) - ct.valueAndGradient(a, gt)) < 1e-12
        Reference.close(gt, gf, 1e-12, 'gradient of the Taylor polynomial')
        order == 1 || Arrays.deepEquals(ct.hessian(a).collect { r -> r.collect { Math.round(it * 1e9) } }.toArray(),
                cf.hessian(a).collect { r -> r.collect { Math.round(it * 1e9) } }.toArray())
        order == 2 || ct.hessian(a).every { r -> r.every { it == 0 } }

        where:
        order << [1, 2]
    }

    def "taylor of a quadratic of order 2 is the quadratic itself; of exp at 0 is 1 + x + x**2/2"() {
        given:
        Layout lx = new Layout([x])
        Expr q = 3*x**2 - 2*x + 5

        expect:
        Taylor.polynomial(exp(x), lx, [x: 0], 1).toString() == '1 + x'
        Taylor.polynomial(exp(x), lx, [x: 0], 2).toString() == '1 + x + x**2/2'
        [-2.0, 0.5, 3.0].every { v ->
            Math.abs(Evaluate.at(Taylor.polynomial(q, lx, [x: 1.5], 2), [x: v]) - Evaluate.at(q, [x: v])) < 1e-12
        }
    }

    def "taylor's order must be 0 or more"() {
        when:
        Taylor.polynomial(exp(x), new Layout([x]), [x: 0], -1)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('0 or more')
    }

    def "Gradient and Hessian at a point"() {
        given:
        Expr f = (1 - x)**2 + 100*(y - x**2)**2

        when:
        def g = GradientAt.of(new Gradient(f), [x: -1.2, y: 1.0])
        def h = HessianAt.of(new Hessian(f), [x: 1, y: 1])

        then: 'the Rosenbrock gradient at the classic start, and its Hessian at the minimum'
        Math.abs(g.value()[0] - (-215.6)) < 1e-9
        Math.abs(g.value()[1] - (-88)) < 1e-9
        h.matrix() == [[802, -400], [-400, 200]] as double[][]
        h.definiteness() == 'positive definite'
    }
}
