package org.gradus.diff

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure as DS
import org.gradus.expr.Expr
import org.gradus.expr.Layout
import org.gradus.expr.Variable
import spock.lang.Specification

import static org.gradus.expr.Fn.*

/**
 * Exact derivatives of scalar expressions of x, y, z against an independent reference: each function
 * is written twice, once as an engine expression and once as a commons-math3 DerivativeStructure
 * computation (which shares no code with the engine), and value, gradient and Hessian are compared at
 * random points of the function's domain, together with central finite differences and the engine's
 * symbolic-versus-compiled routes (see {@link Reference#check}).
 */
class ScalarDerivativesSpec extends Specification {
    static final List WIDE = [[-2, 2]] * 3
    static final List POSITIVE = [[0.5, 2]] * 3

    // DerivativeStructure versions of the non-elementary atoms, written from their definitions
    static DS sigmoidDS(DS x) { 1 / (1 + (-x).exp()) }
    static DS softplusDS(DS x) { x.value > 0 ? x + (-x).exp().log1p() : x.exp().log1p() }
    static DS reluDS(DS x) { x.value > 0 ? x : x * 0 }
    static DS maxDS(DS a, DS b) { a.value > b.value ? a : b }
    static DS minDS(DS a, DS b) { a.value < b.value ? a : b }
    static DS lseDS(DS... a) {
        double m = a*.value.max()
        m + a.collect { (it - m).exp() }.inject { s, t -> s + t }.log()
    }
    static DS huberDS(DS p, DS y, double d = 1) {
        DS r = (p - y).abs()
        r.value <= d ? 0.5 * r**2 : d * (r - d / 2)
    }

    def "#name: value, gradient and Hessian match DerivativeStructure and finite differences"() {
        given:
        def vx = new Variable('x', 0)
        def vy = new Variable('y', 0)
        def vz = new Variable('z', 0)
        Layout layout = new Layout([vx, vy, vz])
        Expr f = expr(vx, vy, vz)

        expect:
        Reference.check(f, layout, ref, Reference.points(name.hashCode(), 4, box)) == 4

        where:
        name                  | expr                                                              | ref                                                                          | box
        'lecture'             | { x, y, z -> x**2 + 2*x*y - y }                                   | { x, y, z -> x**2 + 2*x*y - y }                                              | WIDE
        'rosenbrock'          | { x, y, z -> (1 - x)**2 + 100*(y - x**2)**2 }                     | { x, y, z -> (1 - x)**2 + 100*(y - x**2)**2 }                                | WIDE
        'beale'               | { x, y, z -> (1.5 - x + x*y)**2 + (2.25 - x + x*y**2)**2 + (2.625 - x + x*y**3)**2 } | { x, y, z -> (1.5 - x + x*y)**2 + (2.25 - x + x*y**2)**2 + (2.625 - x + x*y**3)**2 } | WIDE
        'product'             | { x, y, z -> x*y*z }                                              | { x, y, z -> x*y*z }                                                         | WIDE
        'like terms'          | { x, y, z -> x*y + y*x + 3*x - x + z*z*z }                        | { x, y, z -> x*y*2 + 2*x + z.pow(3) }                                        | WIDE
        'like factors'        | { x, y, z -> x**2 * x**3 / x + y*y/z }                            | { x, y, z -> x.pow(4) + y*y/z }                                              | POSITIVE
        'quotient'            | { x, y, z -> x/y }                                                | { x, y, z -> x/y }                                                           | POSITIVE
        'quotient of sums'    | { x, y, z -> (x + 2*y)/(1 + x**2 + z**2) }                        | { x, y, z -> (x + 2*y)/(1 + x*x + z*z) }                                     | WIDE
        'nested quotient'     | { x, y, z -> 1/(1 + 1/(1 + x**2)) + y/(z/x) }                     | { x, y, z -> (1 + (1 + x*x).reciprocal()).reciprocal() + y*x/z }           | POSITIVE
        'reciprocal product'  | { x, y, z -> 1/(x*y*z) }                                          | { x, y, z -> (x*y*z).reciprocal() }                                          | POSITIVE
        'polynomial'          | { x, y, z -> x**3 - 2*x**2*y + y**4 - x*y*z/3 }                   | { x, y, z -> x.pow(3) - 2*x*x*y + y.pow(4) - x*y*z/3 }                       | WIDE
        'fractional power'    | { x, y, z -> (x**2 + y**2 + 1)**1.5 }                             | { x, y, z -> (x*x + y*y + 1).pow(1.5d) }                                      | WIDE
        'negative power'      | { x, y, z -> (1 + x**2)**-2 + z**-1 }                             | { x, y, z -> (1 + x*x).pow(-2) + z.reciprocal() }                            | POSITIVE
        'power of x, 0.5'     | { x, y, z -> x**0.5 * y + z**0.25 }                               | { x, y, z -> x.sqrt() * y + z.sqrt().sqrt() }                                | POSITIVE
        'variable exponent'   | { x, y, z -> x**y }                                               | { x, y, z -> x.pow(y) }                                                      | POSITIVE
        'variable both'       | { x, y, z -> (x + y)**(z - 1) }                                   | { x, y, z -> (x + y).pow(z - 1) }                                            | POSITIVE
        'constant base'       | { x, y, z -> 2**(x*y) + 0.5**z }                                  | { x, y, z -> DS.pow(2, x*y) + DS.pow(0.5, z) }                               | WIDE
        'exp of sin'          | { x, y, z -> exp(sin(x)*y) }                                      | { x, y, z -> (x.sin()*y).exp() }                                             | WIDE
        'gaussian'            | { x, y, z -> exp(-x**2 - y**2) * z }                              | { x, y, z -> (-(x*x) - y*y).exp() * z }                                      | WIDE
        'log of quadratic'    | { x, y, z -> log(1 + x**2 + y**2) }                               | { x, y, z -> (1 + x*x + y*y).log() }                                         | WIDE
        'log product'         | { x, y, z -> log(x)*log(y) + log(x*z) }                           | { x, y, z -> x.log()*y.log() + (x*z).log() }                                 | POSITIVE
        'log of exp'          | { x, y, z -> log(exp(x*y)) + exp(log(z)) }                        | { x, y, z -> x*y + z }                                                       | POSITIVE
        'euclidean norm'      | { x, y, z -> sqrt(x**2 + y**2 + z**2) }                           | { x, y, z -> (x*x + y*y + z*z).sqrt() }                                      | WIDE
        'trigonometric'       | { x, y, z -> sin(x)*cos(y) + tan(z/2) }                           | { x, y, z -> x.sin()*y.cos() + (z/2).tan() }                                 | WIDE
        'tan tanh'            | { x, y, z -> tan(x)*tanh(y) + cos(x*y*z) }                        | { x, y, z -> x.tan()*y.tanh() + (x*y*z).cos() }                              | [[-1, 1]] * 3
        'sin of exp'          | { x, y, z -> sin(exp(x/2)) + cos(x*y*z) }                         | { x, y, z -> (x/2).exp().sin() + (x*y*z).cos() }                             | WIDE
        'tanh layer'          | { x, y, z -> tanh(x*y + z) }                                      | { x, y, z -> (x*y + z).tanh() }                                              | WIDE
        'log1p'               | { x, y, z -> log1p(x**2) + log1p(y) }                             | { x, y, z -> (x*x).log1p() + y.log1p() }                                     | [[-2, 2], [-0.5, 2], [0, 1]]
        'sigmoid'             | { x, y, z -> sigmoid(x*y - z) }                                   | { x, y, z -> sigmoidDS(x*y - z) }                                            | WIDE
        'log sigmoid'         | { x, y, z -> log(sigmoid(3*x)) + y*z }                            | { x, y, z -> sigmoidDS(3*x).log() + y*z }                                    | WIDE
        'softplus'            | { x, y, z -> softplus(x - 2*y) }                                  | { x, y, z -> softplusDS(x - 2*y) }                                           | WIDE
        'softplus, large +'   | { x, y, z -> softplus(30*x + y) }                                 | { x, y, z -> softplusDS(30*x + y) }                                          | [[1, 2], [-1, 1], [0, 1]]
        'softplus, large -'   | { x, y, z -> softplus(-30*x + y) * z }                            | { x, y, z -> softplusDS(-30*x + y) * z }                                     | [[1, 2], [-1, 1], [0, 1]]
        'sigmoid, large |z|'  | { x, y, z -> sigmoid(20*x) + sigmoid(-20*y) }                     | { x, y, z -> sigmoidDS(20*x) + sigmoidDS(-20*y) }                            | [[1, 2], [1, 2], [0, 1]]
        'logsumexp'           | { x, y, z -> logsumexp(x, y, z) }                                 | { x, y, z -> lseDS(x, y, z) }                                                | WIDE
        'logsumexp composed'  | { x, y, z -> logsumexp(x, 2*y, x*y) * z }                         | { x, y, z -> lseDS(x, 2*y, x*y) * z }                                        | WIDE
        'logsumexp, large'    | { x, y, z -> logsumexp(100*x, 100*y, z) }                         | { x, y, z -> lseDS(100*x, 100*y, z) }                                        | [[5, 6], [5, 6], [-1, 1]]
        'abs'                 | { x, y, z -> abs(x - y) + abs(z) * x }                            | { x, y, z -> (x - y).abs() + z.abs() * x }                                   | WIDE
        'relu'                | { x, y, z -> relu(x) * y + relu(-z) }                             | { x, y, z -> reluDS(x) * y + reluDS(-z) }                                    | WIDE
        'max'                 | { x, y, z -> max(x, y) * z }                                      | { x, y, z -> maxDS(x, y) * z }                                               | WIDE
        'min and max'         | { x, y, z -> min(x**2, y) + max(x*y, z) }                         | { x, y, z -> minDS(x*x, y) + maxDS(x*y, z) }                                 | WIDE
        'huber'               | { x, y, z -> huber(x, y) }                                        | { x, y, z -> huberDS(x, y) }                                                 | [[-3, 3]] * 3
        'huber composed'      | { x, y, z -> huber(x*z, y, 0.5) }                                 | { x, y, z -> huberDS(x*z, y, 0.5) }                                          | [[-3, 3]] * 3
        'sign'                | { x, y, z -> sign(x)*x**2 + sign(y)*z }                           | { x, y, z -> x.signum()*x*x + y.signum()*z }                                 | WIDE
        'mixed'               | { x, y, z -> x*exp(-y) / (1 + z**2) }                             | { x, y, z -> x*(-y).exp() / (1 + z*z) }                                      | WIDE
        'ratio of squares'    | { x, y, z -> (x - y)**2/(x**2 + y**2 + 1) }                       | { x, y, z -> (x - y).pow(2)/(x*x + y*y + 1) }                                | WIDE
        'sqrt log sin'        | { x, y, z -> sqrt(1 + exp(x)) * log(2 + sin(y)) }                 | { x, y, z -> (1 + x.exp()).sqrt().multiply((2 + y.sin()).log()) }                  | WIDE
        'constant times sum'  | { x, y, z -> 3*(x + y)**2 - 2*(x - z)*(y + z) }                   | { x, y, z -> 3*(x + y).pow(2) - 2*(x - z)*(y + z) }                          | WIDE
    }
}
