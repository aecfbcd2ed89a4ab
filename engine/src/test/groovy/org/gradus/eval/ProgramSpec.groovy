package org.gradus.eval

import org.gradus.diff.Derivatives
import org.gradus.diff.Reference
import org.gradus.expr.ConstantVector
import org.gradus.expr.Expr
import org.gradus.expr.Layout
import org.gradus.expr.Variable
import org.gradus.expr.VectorVariable
import spock.lang.Specification

import static org.gradus.expr.Fn.*

/** The compiled evaluator: reductions stay one node, values are numerically stable, programs are reusable. */
class ProgramSpec extends Specification {

    static Expr extendedRosenbrock(VectorVariable w) {
        sum(0..<w.size().intdiv(2)) { i -> 100*(w[2*i + 1] - w[2*i]**2)**2 + (1 - w[2*i])**2 }
    }

    static ConstantVector ramp(int n) { new ConstantVector('c', (0..<n).collect { (it % 7) - 3.0 } as double[]) }

    def "#name is one node: the compiled program has the same size for n = 10 and n = 10000"() {
        given:
        def small = new VectorVariable('w', 10, 0)
        def large = new VectorVariable('w', 10000, 0)
        Expr fs = build(small, ramp(10))
        Expr fl = build(large, ramp(10000))

        expect:
        Program.compile(fs, fs.layout()).instructionCount() == Program.compile(fl, fl.layout()).instructionCount()
        fl.toString().length() <= fs.toString().length() + 3 // at most the range's bound, "10" vs "10000", differs

        where:
        name                   | build
        'extended Rosenbrock'  | { w, c -> extendedRosenbrock(w) }
        'sum of (x[2i+1] - x[2i]**2)**2' | { w, c -> sum(0..<w.size().intdiv(2)) { i -> (w[2*i + 1] - w[2*i]**2)**2 } }
        'chained differences'  | { w, c -> sum(0..<w.size() - 1) { i -> (w[i + 1] - w[i])**2 } }
        'norm2'                | { w, c -> norm2(w) }
        'sumsq'                | { w, c -> sumsq(w) }
        'norm1'                | { w, c -> norm1(w) }
        'l2 plus l1'           | { w, c -> l2(w) + 0.5*l1(w) }
        'dot with constants'   | { w, c -> dot(w, c) }
        'squared error to data'| { w, c -> sum(0..<w.size()) { i -> (w[i] - c[i])**2 } }
    }

    def "the gradient of a reduction's symbolic derivative is also one node per coordinate"() {
        given:
        def w = new VectorVariable('w', 10000, 0)
        Expr f = extendedRosenbrock(w)

        expect: 'each partial derivative is the body differentiated at the one index that reaches the coordinate'
        Derivatives.gradient(f, f.layout())[0].toString() == '-400*(w[1] - w[0]**2)*w[0] - 2*(1 - w[0])'
        Derivatives.gradient(f, f.layout())[9999].toString() == '200*(w[9999] - w[9998]**2)'
    }

    def "logsumexp of a vector is one node"() {
        given:
        def small = new VectorVariable('w', 10, 0)
        def large = new VectorVariable('w', 10000, 0)

        expect:
        Program.compile(logsumexp(small), new Layout([small])).instructionCount() ==
                Program.compile(logsumexp(large), new Layout([large])).instructionCount()
    }

    def "extended Rosenbrock, n = 10000: value and reverse-mode gradient equal the hand-written loop"() {
        given:
        int n = 10000
        def w = new VectorVariable('w', n, 0)
        def f = new CompiledFunction(extendedRosenbrock(w))
        Random rnd = new Random(3)
        double[] x = (0..<n).collect { rnd.nextDouble() * 4 - 2 } as double[]
        double[] g = new double[n]
        double expected = 0
        double[] eg = new double[n]
        for (int i = 0; i < n / 2; i++) {
            double a = x[2 * i], b = x[2 * i + 1], t = b - a * a
            expected += 100 * t * t + (1 - a) * (1 - a)
            eg[2 * i] += -400 * t * a - 2 * (1 - a)
            eg[2 * i + 1] += 200 * t
        }

        when:
        double v = f.valueAndGradient(x, g)

        then:
        Math.abs(v - expected) <= 1e-12 * Math.abs(expected)
        Math.abs(f.value(x) - expected) <= 1e-12 * Math.abs(expected)
        Reference.close(g, eg, 1e-12, 'gradient')
    }

    def "a program is reusable: evaluating at one point does not disturb the next"() {
        given:
        def x = new Variable('x', 0)
        def w = new VectorVariable('w', 12, 0)
        Expr f
        f = x * sumsq(w) + sum(0..<11) { i -> exp(w[i] - w[i + 1]) } + log(1 + x**2)
        def cf = new CompiledFunction(f)
        Random rnd = new Random(5)
        List<double[]> pts = (0..<5).collect { (0..<13).collect { rnd.nextGaussian() } as double[] }

        expect:
        pts.every { p ->
            double[] g1 = new double[13], g2 = new double[13]
            double v1 = cf.valueAndGradient(p, g1)
            double v2 = new CompiledFunction(f).valueAndGradient(p, g2)
            v1 == v2 && Arrays.equals(g1, g2) && cf.value(p) == v1
        }
    }

    def "#name stays finite and exact far out: #name at #x"() {
        given:
        def vx = new Variable('x', 0)
        def cf = new CompiledFunction(build(vx) as Expr)
        double[] g = new double[1]

        when:
        double value = cf.valueAndGradient([x] as double[], g)
        double h = cf.hessian([x] as double[])[0][0]

        then:
        Math.abs(value - f) <= 1e-12 * Math.max(1, Math.abs(f))
        Math.abs(g[0] - df) <= 1e-12
        Math.abs(h - d2f) <= 1e-12

        where:
        name                  | build                                   | x     || f                | df  | d2f
        'softplus'            | { v -> softplus(v) }                    | 1000  || 1000             | 1   | 0
        'softplus'            | { v -> softplus(v) }                    | -1000 || 0                | 0   | 0
        'softplus'            | { v -> softplus(v) }                    | 40    || 40 + Math.exp(-40) | 1 - Math.exp(-40) | Math.exp(-40)
        'sigmoid'             | { v -> sigmoid(v) }                     | 1000  || 1                | 0   | 0
        'sigmoid'             | { v -> sigmoid(v) }                     | -1000 || 0                | 0   | 0
        'logsumexp'           | { v -> logsumexp(v, 2*v) }              | 1000  || 2000             | 2   | 0
        'logsumexp'           | { v -> logsumexp(v, 2*v) }              | -1000 || -1000            | 1   | 0
        'logsumexp, constant' | { v -> logsumexp(v, c(800)) }           | 0     || 800              | 0   | 0
        'huber, linear part'  | { v -> huber(v, c(0), 2) }              | 1e6   || 2 * (1e6 - 1)    | 2   | 0
        'huber, quadratic'    | { v -> huber(v, c(0), 2) }              | -1.5  || 1.125            | -1.5 | 1
    }

    def "an index outside a vector is an error that names the range"() {
        given:
        def w = new VectorVariable('w', 4, 0)
        Expr f
        f = sum(0..<4) { i -> w[i + 1] }

        when:
        Program.compile(f, f.layout()).value(new double[4])

        then:
        def e = thrown(IndexOutOfBoundsException)
        e.message.contains('outside 0..3')
    }

    def "several outputs share sub-expressions and give each value"() {
        given:
        def x = new Variable('x', 0)
        def y = new Variable('y', 0)
        Expr s
        List<Expr> outs
        s = exp(x*y)
        outs = [s, s + 1, s*x, log(s)]
        def p = Program.compile(outs, new Layout([x, y]))
        double[] out = new double[4]

        when:
        p.values([0.5, 2] as double[], out)

        then:
        p.outputCount() == 4
        out[0] == Math.exp(1)
        out[1] == Math.exp(1) + 1
        out[2] == Math.exp(1) * 0.5
        Math.abs(out[3] - 1) < 1e-15

        when: 'a vector-Jacobian product of the outputs'
        double[] g = new double[2]
        p.vectorJacobian([0.5, 2] as double[], [1, 0, 0, 1] as double[], g, null)

        then: 'd/dx (e^(xy) + xy) = y e^(xy) + y'
        Math.abs(g[0] - (2 * Math.exp(1) + 2)) < 1e-12
        Math.abs(g[1] - (0.5 * Math.exp(1) + 0.5)) < 1e-12
    }
}
