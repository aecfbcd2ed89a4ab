package org.gradus.diff

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure as DS
import org.gradus.eval.CompiledFunction
import org.gradus.expr.ConstantVector
import org.gradus.expr.Expr
import org.gradus.expr.Layout
import org.gradus.expr.Variable
import org.gradus.expr.VectorVariable
import spock.lang.Shared
import spock.lang.Specification

import static org.gradus.expr.Fn.*

/**
 * Exact derivatives of reductions and vector functions of a scalar x and a vector w of 10 elements
 * (above the size where vector functions are written out, so each is one reduction node), against
 * DerivativeStructure versions written as plain loops, and finite differences (see {@link Reference#check}).
 */
class ReductionDerivativesSpec extends Specification {
    static final int N = 10
    @Shared ConstantVector c = constants('c', [0.5, -1, 2, 0.25, -0.75, 1.5, -2, 1, 0.1, -0.3])
    @Shared ConstantVector d = constants('d', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    @Shared List<List<Number>> A = (0..<N).collect { i -> (0..<N).collect { j -> ((i * 7 + j * 3) % 11 - 5) / 4.0 } }

    static DS total(int n, Closure<DS> term) { (0..<n).collect(term).inject { s, t -> s + t } }

    static DS softplusDS(DS x) { x.value > 0 ? x + (-x).exp().log1p() : x.exp().log1p() }

    static DS huberDS(DS r, double delta = 1) {
        DS a = r.abs()
        a.value <= delta ? 0.5 * a**2 : delta * (a - delta / 2)
    }

    def "#name: value, gradient and Hessian match DerivativeStructure and finite differences"() {
        given:
        def vx = new Variable('x', 0)
        def vw = new VectorVariable('w', N, 0)
        Layout layout = new Layout([vx, vw])
        Expr f = expr(vx, vw)
        def box = [[-1.5, 1.5]] * (N + 1)

        expect:
        layout.dimension() == N + 1
        Reference.check(f, layout, ref, Reference.points(name.hashCode(), 3, box), { List a -> [a[0], a.subList(1, a.size())] }) == 3

        where:
        name                     | expr                                                                                  | ref
        'extended rosenbrock'    | { x, w -> sum(0..<N.intdiv(2)) { i -> 100*(w[2*i + 1] - w[2*i]**2)**2 + (1 - w[2*i])**2 } + x**2 } | { x, w -> total(N.intdiv(2)) { i -> 100*(w[2*i + 1] - w[2*i]**2)**2 + (1 - w[2*i])**2 } + x*x }
        'sum (x[2i+1] - x[2i]²)²' | { x, w -> x * sum(0..<N.intdiv(2)) { i -> (w[2*i + 1] - w[2*i]**2)**2 } }           | { x, w -> total(N.intdiv(2)) { i -> (w[2*i + 1] - w[2*i]**2)**2 } * x }
        'chained differences'    | { x, w -> sum(0..<N - 1) { i -> (w[i + 1] - w[i])**2 * exp(w[i]/10) } }                | { x, w -> total(N - 1) { i -> (w[i + 1] - w[i]).pow(2).multiply((w[i]/10).exp()) } }
        'reversed index'         | { x, w -> sum(0..<N) { i -> (i + 1) * w[N - 1 - i] * w[i] } }                           | { x, w -> total(N) { i -> (i + 1) * w[N - 1 - i] * w[i] } }
        'stride and constant'    | { x, w -> sum(0..<N.intdiv(2)) { i -> w[2*i]*w[0] + x*w[2*i + 1]**3 } }                | { x, w -> total(N.intdiv(2)) { i -> w[2*i]*w[0] + x*w[2*i + 1].pow(3) } }
        'scalar in body'         | { x, w -> sum(0..<N) { i -> sin(x*w[i]) } / x }                                        | { x, w -> total(N) { i -> (x*w[i]).sin() } / x }
        'data lookup'            | { x, w -> sum(0..<N) { i -> (w[i] - c[i])**2 * d[i] } }                                 | { x, w -> total(N) { i -> (w[i] - c.values()[i])**2 * d.values()[i] } }
        'softplus chain'         | { x, w -> sum(0..<N - 1) { i -> softplus(w[i] - 2*w[i + 1]) } }                         | { x, w -> total(N - 1) { i -> softplusDS(w[i] - 2*w[i + 1]) } }
        'huber sum'              | { x, w -> sum(0..<N) { i -> huber(w[i], c[i]) } }                                       | { x, w -> total(N) { i -> huberDS(w[i] - c.values()[i]) } }
        'norm2'                  | { x, w -> x * norm2(w) }                                                              | { x, w -> total(N) { i -> w[i].pow(2) }.sqrt().multiply(x) }
        'sumsq'                  | { x, w -> sumsq(w) + x**2 * l2(w) }                                                   | { x, w -> total(N) { i -> w[i].pow(2) } * (1 + x*x) }
        'norm1'                  | { x, w -> norm1(w) * x + l1(w) }                                                      | { x, w -> total(N) { i -> w[i].abs() } * (x + 1) }
        'elastic net'            | { x, w -> elasticNet(w, 0.3) }                                                        | { x, w -> total(N) { i -> 0.3 * w[i].abs() + 0.7 * w[i]*w[i] } }
        'sqrt(1 + sumsq)'        | { x, w -> sqrt(1 + sumsq(w)) * exp(-x) }                                              | { x, w -> (1 + total(N) { i -> w[i].pow(2) }).sqrt().multiply((-x).exp()) }
        'dot with constants'     | { x, w -> log(1 + dot(w, c)**2) + x*dot(c, w) }                                       | { x, w -> { DS s -> (1 + s*s).log() + x*s }(total(N) { i -> w[i] * c.values()[i] }) }
        'dot of variables'       | { x, w -> dot(w, w) * x }                                                             | { x, w -> total(N) { i -> w[i].pow(2) } * x }
        'logsumexp of a vector'  | { x, w -> logsumexp(w) + x }                                                          | { x, w -> { double m -> m + total(N) { i -> (w[i] - m).exp() }.log() }(w*.value.max() as double) + x }
        'quadForm'               | { x, w -> quadForm(w, A) * x }                                                        | { x, w -> total(N) { i -> total(N) { j -> A[i][j] * w[i] * w[j] } } * x }
        'logistic loss'          | { x, w -> sum(0..<N) { i -> softplus(-d[i]*(x*w[i] + c[i])/10) } }                      | { x, w -> total(N) { i -> softplusDS(-d.values()[i]*(x*w[i] + c.values()[i])/10) } }
        'a sum inside a sum'     | { x, w -> sum(0..<N) { i -> softplus(sum(0..<N) { j -> w[j] * d[j] } * c[i] + x) } }   | { x, w -> total(N) { i -> softplusDS(total(N) { j -> w[j] * d.values()[j] } * c.values()[i] + x) } }
    }

    def "nested sums: reverse mode is exact; symbolic differentiation says it cannot, and why"() {
        given:
        def w = new VectorVariable('w', 6, 0)
        Expr f
        f = sum(0..<3) { i -> sum(0..<3) { j -> w[i] * w[j + 3] * (i + 2*j + 1) } }
        double[] x = [0.3, -1.2, 0.7, 1.1, -0.4, 2.0]
        double[] g = new double[6]
        def cf = new CompiledFunction(f)

        when:
        double v = cf.valueAndGradient(x, g)

        then:
        double expected = (0..<3).sum { i -> (0..<3).sum { j -> x[i] * x[j + 3] * (i + 2 * j + 1) } }
        Math.abs(v - expected) < 1e-12
        (0..<6).every { k ->
            double e = k < 3 ? (0..<3).sum { j -> x[j + 3] * (k + 2 * j + 1) } : (0..<3).sum { i -> x[i] * (i + 2 * (k - 3) + 1) }
            Math.abs(g[k] - e) < 1e-12
        }
        Reference.close(g, Reference.fdGradient(cf, x), Reference.FD, 'nested sum gradient vs finite differences')

        when:
        Derivatives.gradient(f, f.layout())

        then:
        def e = thrown(UnsupportedOperationException)
        e.message.contains('outer sum')
    }
}
