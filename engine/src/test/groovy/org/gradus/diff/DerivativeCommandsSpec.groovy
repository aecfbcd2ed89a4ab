package org.gradus.diff

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure as DS
import org.gradus.eval.Evaluate
import org.gradus.expr.Expr
import org.gradus.expr.Layout
import org.gradus.expr.Variable
import org.gradus.expr.VectorVariable
import spock.lang.Specification

import static org.gradus.expr.Fn.*

/** partial and directional derivatives of SPEC §2 "Derivatives" (their values at a point: calculus.PointCommandsSpec). */
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

    def "a point that names a variable f does not have is an error; a missing one too"() {
        when:
        Evaluate.at(x**2 + y, [x: 1])

        then:
        def missing = thrown(IllegalArgumentException)
        missing.message.contains('y')
    }
}
