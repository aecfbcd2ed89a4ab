package org.gradus.diff

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure as DS
import org.gradus.eval.Evaluate
import org.gradus.expr.Expr
import org.gradus.expr.ExprCategory
import org.gradus.expr.Layout
import org.gradus.expr.Variable
import org.gradus.expr.VectorVariable
import spock.lang.Specification
import spock.util.mop.Use

import static org.gradus.expr.Fn.*

/** partial, directional, taylor, and the Gradient and Hessian values of SPEC §2 "Derivatives". */
@Use(ExprCategory)
class DerivativeCommandsSpec extends Specification {
    Variable x = new Variable('x', 0)
    Variable y = new Variable('y', 0)

    def "the lecture example: partials of x**2 + 2*x*y - y"() {
        given:
        Expr f = x**2 + 2*x*y - y

        expect:
        f.toString() == 'x**2 + 2*x*y - y'
        Differentiator.partial(f, x).toString() == '2*x + 2*y'
        Differentiator.partial(f, y).toString() == '2*x - 1'
        Differentiator.partial(Differentiator.partial(f, x), y).toString() == '2'
        Differentiator.partial(Differentiator.partial(f, x), x).toString() == '2'
        new Gradient(f).components()*.toString() == ['2*x + 2*y', '2*x - 1']
        new Gradient(f).component('y').toString() == '2*x - 1'
        new Hessian(f).entries().collect { r -> r*.toString() } == [['2', '2'], ['2', '0']]
    }

    def "partial derivatives, first and mixed second, agree with DerivativeStructure: #name"() {
        given:
        Expr f = expr(x, y)
        double[] p = [0.7, 1.3]
        Map r = Reference.ds(ref, p)
        Map at = [x: p[0], y: p[1]]

        expect:
        close(Evaluate.at(Differentiator.partial(f, x), at), r.gradient[0])
        close(Evaluate.at(Differentiator.partial(f, y), at), r.gradient[1])
        close(Evaluate.at(Differentiator.partial(Differentiator.partial(f, x), y), at), r.hessian[0][1])
        close(Evaluate.at(Differentiator.partial(Differentiator.partial(f, y), x), at), r.hessian[1][0])
        close(Evaluate.at(Differentiator.partial(Differentiator.partial(f, y), y), at), r.hessian[1][1])

        where:
        name         | expr                                   | ref
        'product'    | { x, y -> exp(x*y) * sin(x) }          | { x, y -> (x*y).exp().multiply(x.sin()) }
        'quotient'   | { x, y -> log(x + y**2) / (1 + x) }    | { x, y -> (x + y*y).log() / (1 + x) }
        'power'      | { x, y -> x**y + y**x }                | { x, y -> x.pow(y) + y.pow(x) }
    }

    static boolean close(double a, double b) { Math.abs(a - b) <= 1e-12 * (1 + Math.abs(b)) }

    def "partial by a vector element inside a reduction"() {
        given:
        def w = new VectorVariable('w', 10, 0)
        Expr f = sum(0..<9) { i -> (w[i + 1] - w[i])**2 }

        expect: 'w[0] appears once, w[5] twice, w[9] once'
        Differentiator.partial(f, w.get(0)).toString() == '-2*(w[1] - w[0])'
        Differentiator.partial(f, w.get(5)).toString() == '-2*(w[6] - w[5]) + 2*(w[5] - w[4])'
        Differentiator.partial(f, w.get(9)).toString() == '2*(w[9] - w[8])'
    }

    def "partial by something that is not a coordinate is an error"() {
        when:
        Differentiator.partial(x**2, x + 1)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('variable')
    }

    def "directional derivative along u/|u|"() {
        given:
        Expr f = x**2 + 3*x*y
        Layout layout = new Layout([x, y])

        when:
        Expr d = Derivatives.directional(f, layout, [3, 4] as double[])

        then: '∇f = (2x + 3y, 3x); along (0.6, 0.8)'
        Math.abs(Evaluate.at(d, [x: 1, y: 2]) - ((2 + 6) * 0.6 + 3 * 0.8)) < 1e-12
        Derivatives.directional(f, layout, [0, 2] as double[]).toString() == '3*x'
        Derivatives.directional(f, layout, [-5, 0] as double[]).toString() == '-(2*x + 3*y)'

        when:
        Derivatives.directional(f, layout, [0, 0] as double[])

        then:
        def zero = thrown(IllegalArgumentException)
        zero.message.contains('zero vector')

        when:
        Derivatives.directional(f, layout, [1, 2, 3] as double[])

        then:
        def wrong = thrown(IllegalArgumentException)
        wrong.message.contains('3 entries')
    }

    def "taylor of order #order matches f, its gradient and (order 2) its Hessian at the point"() {
        given:
        Expr f = exp(x) * sin(y) + x**3 * y
        Layout layout = new Layout([x, y])
        Map at = [x: 0.3, y: -0.4]
        double[] a = [0.3, -0.4]

        when:
        Expr t = Derivatives.taylor(f, layout, at, order)
        def cf = new org.gradus.eval.CompiledFunction(f, layout)
        def ct = new org.gradus.eval.CompiledFunction(t, layout)
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
        Derivatives.taylor(exp(x), lx, [x: 0], 1).toString() == 'x + 1'
        Derivatives.taylor(exp(x), lx, [x: 0], 2).toString() == 'x + 0.5*x**2 + 1'
        [-2.0, 0.5, 3.0].every { v ->
            Math.abs(Evaluate.at(Derivatives.taylor(q, lx, [x: 1.5], 2), [x: v]) - Evaluate.at(q, [x: v])) < 1e-12
        }
    }

    def "taylor's order must be 1 or 2"() {
        when:
        Derivatives.taylor(exp(x), new Layout([x]), [x: 0], 3)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('1 or 2')
    }

    def "Gradient and Hessian at a point"() {
        given:
        Expr f = (1 - x)**2 + 100*(y - x**2)**2

        when:
        def g = new Gradient(f).at([x: -1.2, y: 1.0])
        def h = new Hessian(f).at([x: 1, y: 1])

        then: 'the Rosenbrock gradient at the classic start, and its Hessian at the minimum'
        Math.abs(g.value()[0] - (-215.6)) < 1e-9
        Math.abs(g.value()[1] - (-88)) < 1e-9
        h.matrix() == [[802, -400], [-400, 200]] as double[][]
        h.definiteness() == 'positive definite'
    }

    def "a point that names a variable f does not have is an error; a missing one too"() {
        when:
        Evaluate.at(x**2 + y, [x: 1])

        then:
        def missing = thrown(IllegalArgumentException)
        missing.message.contains('y')
    }
}
