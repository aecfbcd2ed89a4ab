package org.gradus.eval

import org.gradus.atoms.Abs
import org.gradus.atoms.Cos
import org.gradus.atoms.Huber
import org.gradus.atoms.LogSumExp
import org.gradus.atoms.Losses
import org.gradus.atoms.Relu
import org.gradus.atoms.Sigmoid
import org.gradus.atoms.Sin
import org.gradus.atoms.Softplus
import org.gradus.atoms.Tanh
import org.gradus.expr.Constant
import org.gradus.expr.Expr
import org.gradus.expr.IndexSymbol
import org.gradus.expr.Layout
import org.gradus.expr.Lookup
import org.gradus.expr.Variable
import org.gradus.expr.VectorVariable
import spock.lang.Specification
import spock.lang.Unroll

import static org.gradus.atoms.Ops.*

/**
 * Loop bodies compiled to bytecode (KernelCompiler) against the interpreter, the reference: values and
 * gradients at random points must agree bit for bit (both follow Opcode's rules, the same operations in
 * the same order; allowed: -0.0 for 0.0). The table of bodies covers every opcode.
 */
class LoopKernelSpec extends Specification {
    static final int N = 8
    static final VectorVariable x = new VectorVariable("x", N, 0.0)
    static final Variable y = new Variable("y", 0.5)
    static final Layout layout = new Layout([x, y])
    static final double[] data = [0.5, -1.25, 2.0, 3.5, -0.75, 1.0, 0.0, 4.25] as double[]
    static final double[] labels = [1, 0, 1, 1, 0, 0, 1, 0] as double[]
    static final double[] matrix = (0..<N * N).collect { Math.sin(it * 0.7) } as double[]
    static final double[] perm = [3, 0, 7, 1, 6, 2, 5, 4] as double[]

    static Expr c(double v) { Constant.of(v) }

    static Expr xi(Expr index) { x.get(index) }

    static Expr d(Expr index) { new Lookup("data", data, index) }

    static Expr s(int from, int to, Closure<Expr> body) {
        IndexSymbol i = new IndexSymbol("i")
        sum(i, from, to, body(i))
    }

    static Map<String, Closure<Expr>> cases() {
        [
            'rosenbrock'           : { s(0, N.intdiv(2)) { i -> add(mul(c(100), pow(sub(xi(add(mul(c(2), i), c(1))), pow(xi(mul(c(2), i)), c(2))), c(2))), pow(sub(c(1), xi(mul(c(2), i))), c(2))) } },
            'squares'              : { s(0, N) { i -> pow(sub(xi(i), c(1)), c(2)) } },
            'exp sin'              : { s(0, N) { i -> mul(exp(xi(i)), apply(Sin.INSTANCE, xi(i))) } },
            'quotient log'         : { s(0, N) { i -> div(log(add(c(1), pow(xi(i), c(2)))), add(c(2), apply(Cos.INSTANCE, xi(i)))) } },
            'data weights'         : { s(0, N) { i -> mul(d(i), xi(i)) } },
            'data residual cube'   : { s(0, N - 1) { i -> add(pow(sub(d(i), xi(i)), c(2)), mul(d(add(i, c(1))), pow(xi(i), c(3)))) } },
            'sqrt and power 1.5'   : { s(0, N) { i -> add(sqrt(add(pow(xi(i), c(2)), c(1))), pow(add(pow(xi(i), c(2)), c(0.5)), c(1.5))) } },
            'nested quadratic form': { nested(false) },
            'nested squared inner' : { nested(true) },
            'max min logsumexp'    : { s(0, N - 1) { i -> add(max(xi(i), c(0.25)), min(xi(i), xi(add(i, c(1)))), apply(LogSumExp.INSTANCE, xi(i), mul(c(2), xi(add(i, c(1)))), c(0.5))) } },
            'variable exponent'    : { s(0, N - 1) { i -> pow(exp(xi(i)), xi(add(i, c(1)))) } },
            'scalar variable'      : { s(0, N) { i -> mul(y, pow(sub(y, xi(i)), c(2))) } },
            'index as value'       : { s(0, N) { i -> add(mul(i, xi(i)), div(xi(i), add(i, c(1)))) } },
            'non-constant adjoint' : { add(mul(c(0.5), s(0, N) { i -> pow(xi(i), c(2)) }), mul(xi(c(0)), s(1, N) { i -> xi(i) })) },
            'data-dependent index' : { s(0, N) { i -> mul(xi(new Lookup("perm", perm, i)), pow(xi(i), c(2))) } },
            'product of three'     : { s(0, N - 2) { i -> mul(xi(i), xi(add(i, c(1))), xi(add(i, c(2))), d(i)) } },
            'smooth and kinked'    : { s(0, N) { i -> add(apply(Tanh.INSTANCE, xi(i)), apply(Sigmoid.INSTANCE, mul(d(i), xi(i))), apply(Softplus.INSTANCE, xi(i)), apply(Abs.INSTANCE, xi(i)), apply(Relu.INSTANCE, sub(xi(i), c(0.1)))) } },
            'logistic loss'        : { s(0, N) { i -> add(apply(Softplus.INSTANCE, mul(d(i), xi(i))), mul(c(-1), mul(new Lookup("labels", labels, i), mul(d(i), xi(i))))) } },
            'stride 3 and offset'  : { s(1, 3) { i -> pow(sub(xi(mul(c(3), i)), xi(sub(mul(c(3), i), c(2)))), c(2)) } },
            'reversed index'       : { s(0, N) { i -> mul(xi(sub(c(N - 1), i)), xi(i)) } },
            'half index (floor)'   : { s(0, N) { i -> pow(xi(mul(c(0.5), i)), c(2)) } },
            'dot logistic (GLM)'   : { s(0, N) { i -> glm(i, { z -> sub(apply(Softplus.INSTANCE, z), mul(new Lookup("labels", labels, i), z)) }) } },
            'dot squared error'    : { s(0, N) { i -> glm(i, { z -> pow(sub(z, d(i)), c(2)) }) } },
            'dot huber and hinge'  : { s(0, N) { i -> glm(i, { z -> add(apply(new Huber(0.5), z, d(i)), apply(Relu.INSTANCE, sub(c(1), mul(d(i), z)))) }) } },
            'dot of a block'       : { s(0, N) { i -> pow(rowDot(i, 2, 6), c(2)) } },
            'logLoss (one shared e)': { s(0, N) { i -> glm(i, { z -> Losses.logLoss(z, new Lookup("labels", labels, i)) }) } },
            'sigmoid, softplus of ±z, tails': { s(0, N) { i -> sharedExponentials(mul(c(25), mul(d(i), xi(i)))) } },
        ]
    }

    /** Σ_j x_j·A[N·i + j] over j in [lo, hi): how dot(w, row.x) lowers; compiled as one DOT. */
    static Expr rowDot(Expr i, int lo, int hi) {
        IndexSymbol j = new IndexSymbol("j")
        sum(j, lo, hi, mul(xi(j), new Lookup("A", matrix, add(mul(c(N), i), j))))
    }

    /** loss(dot(x, row i of A) + y): the generalized-linear body. */
    static Expr glm(Expr i, Closure<Expr> loss) {
        loss(add(rowDot(i, 0, N), y))
    }

    /** σ(−z) + softplus(z) + σ(z)·softplus(−z): four atoms on one e^(−|z|) (z reaches the tails where 1 + e is 1). */
    static Expr sharedExponentials(Expr z) {
        add(apply(Sigmoid.INSTANCE, neg(z)), apply(Softplus.INSTANCE, z), mul(apply(Sigmoid.INSTANCE, z), apply(Softplus.INSTANCE, neg(z))))
    }

    /** Σ_i Σ_j A[i·N + j]·x_i·x_j, or Σ_i (Σ_j A[i·N + j]·x_j − data_i)² whose inner sum has a runtime adjoint. */
    static Expr nested(boolean squared) {
        IndexSymbol i = new IndexSymbol("i"), j = new IndexSymbol("j")
        Expr a = new Lookup("A", matrix, add(mul(i, c(N)), j))
        if (squared) return sum(i, 0, N, pow(sub(sum(j, 0, N, mul(a, xi(j))), d(i)), c(2)))
        return sum(i, 0, N, sum(j, 0, N, mul(a, xi(i), xi(j))))
    }

    /** Bit for bit; the only allowed difference is the sign of a zero (see BodyEmitter), and any NaN equals any NaN. */
    static void close(double actual, double expected, String what) {
        boolean ok = Double.doubleToLongBits(actual) == Double.doubleToLongBits(expected) ||
                (Double.doubleToLongBits(Math.abs(actual)) == 0L && Double.doubleToLongBits(Math.abs(expected)) == 0L) ||
                (Double.isNaN(actual) && Double.isNaN(expected))
        assert ok: "$what: generated $actual, interpreter $expected"
    }

    /** Against a hand-written formula (another order of operations): 1e-12 relative. */
    static void near(double actual, double expected, String what) {
        assert Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)): "$what: generated $actual, expected $expected"
    }

    static double[] randomPoint(Random rnd) {
        double[] pt = new double[N + 1]
        for (int k = 0; k <= N; k++) pt[k] = rnd.nextGaussian() * 1.5
        pt
    }

    static void agreeAt(double[] pt, Program interpreted, Program generated) {
        close(generated.value(pt), interpreted.value(pt), "value")
        double[] g1 = new double[N + 1], g2 = new double[N + 1]
        double v1 = interpreted.valueAndGradient(pt, g1)
        double v2 = generated.valueAndGradient(pt, g2)
        close(v2, v1, "value with gradient")
        for (int k = 0; k <= N; k++) close(g2[k], g1[k], "d/d" + layout.coordinateName(k))
    }

    static Program[] both(Expr f) {
        Program interpreted = Program.compile(f, layout)
        interpreted.jitThreshold(Long.MAX_VALUE)
        Program generated = Program.compile(f, layout)
        generated.jitThreshold(0)
        [interpreted, generated] as Program[]
    }

    @Unroll
    def "compiled loop body agrees with the interpreter: #name"() {
        given:
        Expr f = build()
        def (Program interpreted, Program generated) = both(f)
        Random rnd = new Random(name.hashCode())

        expect:
        10.times { agreeAt(randomPoint(rnd), interpreted, generated) }
        generated.compiledLoopCount() >= (generated.tape.op.contains(Opcode.LOOP) ? 1 : 0)
        interpreted.compiledLoopCount() == 0

        where:
        name << cases().keySet()
        build << cases().values()
    }

    static void collectOpcodes(Tape t, Set<String> into) {
        for (int i = 0; i < t.size; i++) {
            into << Opcode.name(t.op[i])
            if (t.body[i] != null) collectOpcodes(t.body[i], into)
        }
    }

    def "dot(w, row.x) is one DOT instruction, also for a block of the row, and its sum is the dot product"() {
        given:
        Program p = Program.compile(rowDot(c(3), 2, 6), layout)
        double[] pt = randomPoint(new Random(5))
        double expected = (2..<6).sum { int j -> pt[j] * matrix[N * 3 + j] } as double

        expect:
        p.tape.op as List == [Opcode.CONST, Opcode.DOT]
        near(p.value(pt), expected, "dot")
    }

    def "the tables of bodies (here and ArrayKernelSpec's) cover every opcode"() {
        given:
        Set<String> seen = new TreeSet<>()
        cases().values().each { collectOpcodes(Program.compile(it(), layout).tape, seen) }
        ArrayKernelSpec.cases().values().each { collectOpcodes(Program.compile(it(), ArrayKernelSpec.layout).tape, seen) }
        Set<String> all = (0..<Opcode.COUNT).collect { Opcode.name((byte) it) } as TreeSet

        expect:
        seen == all
    }

    def "the logistic loss's softplus(−z) and softplus(z) (and so their slopes σ(−z), σ(z)) take one exponential"() {
        given:
        Tape t = Program.compile(cases()['logLoss (one shared e)'](), layout).tape
        Tape body = t.body[(0..<t.size).find { t.body[it] != null }]
        String[] types = (0..<body.size).collect { body.atom[it] == null ? null : org.objectweb.asm.Type.getInternalName(body.atom[it].getClass()) }
        def shared = new SharedExponentials(body, new boolean[body.size], types)

        expect:
        (0..<body.size).count { body.atom[it] instanceof Softplus } == 2
        shared.covered() == 2
        shared.exponentials() == 1
    }

    def "vector-Jacobian products of several outputs agree"() {
        given:
        List<Expr> fs = [cases()['squares'](), cases()['data weights'](), cases()['nested squared inner']()]
        Program interpreted = Program.compile(fs, layout)
        interpreted.jitThreshold(Long.MAX_VALUE)
        Program generated = Program.compile(fs, layout)
        generated.jitThreshold(0)
        double[] pt = (0..N).collect { 0.3 * it - 1 } as double[]
        double[] seeds = [0.5, -2, 1.25] as double[]
        double[] g1 = new double[N + 1], g2 = new double[N + 1], o1 = new double[3], o2 = new double[3]

        when:
        interpreted.vectorJacobian(pt, seeds, g1, o1)
        generated.vectorJacobian(pt, seeds, g2, o2)

        then:
        (0..<3).each { close(o2[it], o1[it], "output $it") }
        (0..N).each { close(g2[it], g1[it], "gradient $it") }
        generated.compiledLoopCount() >= 2 // 'data weights' is one DOT, no loop
    }

    def "mini-batch rows: the compiled body runs on the rows and is scaled the same"() {
        given:
        IndexSymbol i = new IndexSymbol("i")
        Expr f = add(sum(i, 0, N, pow(sub(mul(d(i), xi(i)), new Lookup("labels", labels, i)), c(2)), "rows"), mul(c(0.1), pow(y, c(2))))
        def (Program interpreted, Program generated) = both(f)
        double[] pt = (0..N).collect { 0.1 * it } as double[]
        double[] g1 = new double[N + 1], g2 = new double[N + 1]

        when:
        interpreted.useRows("rows", [6, 1, 3] as int[])
        generated.useRows("rows", [6, 1, 3] as int[])

        then:
        close(generated.value(pt), interpreted.value(pt), "value")
        close(generated.valueAndGradient(pt, g2), interpreted.valueAndGradient(pt, g1), "value with gradient")
        (0..N).each { close(g2[it], g1[it], "gradient $it") }
        generated.compiledLoopCount() == 1

        when: "rows outside the range fall back to the interpreter, which reports them"
        generated.useRows("rows", [2, 99] as int[])
        generated.value(pt)

        then:
        thrown(IndexOutOfBoundsException)
    }

    def "an index outside its vector is reported as by the interpreter"() {
        given:
        Expr f = s(0, N) { i -> xi(add(i, c(1))) }
        def (Program interpreted, Program generated) = both(f)
        double[] pt = new double[N + 1]

        when:
        interpreted.value(pt)
        then:
        IndexOutOfBoundsException e1 = thrown()

        when:
        generated.value(pt)
        then:
        IndexOutOfBoundsException e2 = thrown()
        e2.message == e1.message
    }

    def "a body too large for the JIT stays interpreted and still agrees"() {
        given:
        IndexSymbol i = new IndexSymbol("i")
        Expr body = xi(i)
        600.times { k -> body = apply(Sin.INSTANCE, add(body, mul(c(k + 1), xi(i)))) }
        Expr f = sum(i, 0, N, body)
        def (Program interpreted, Program generated) = both(f)
        double[] pt = (0..N).collect { 0.01 * it } as double[]

        expect:
        generated.value(pt) == interpreted.value(pt)
        generated.compiledLoopCount() == 0
    }

    def "the extended Rosenbrock gradient matches the hand-written formula to 1e-12"() {
        given:
        int n = 1000
        VectorVariable v = new VectorVariable("v", n, 0.0)
        IndexSymbol i = new IndexSymbol("i")
        Expr two = mul(c(2), i)
        Expr f = sum(i, 0, n.intdiv(2), add(mul(c(100), pow(sub(v.get(add(two, c(1))), pow(v.get(two), c(2))), c(2))), pow(sub(c(1), v.get(two)), c(2))))
        Program p = Program.compile(f, new Layout([v]))
        p.jitThreshold(0)
        double[] pt = (0..<n).collect { it % 2 == 0 ? -1.2 + 0.001 * it : 1.0 - 0.0005 * it } as double[]
        double[] g = new double[n]

        when:
        double value = p.valueAndGradient(pt, g)

        then:
        p.compiledLoopCount() == 1
        double expected = 0
        for (int k = 0; k < n.intdiv(2); k++) {
            double a = pt[2 * k], b = pt[2 * k + 1], t = b - a * a, u = 1 - a
            expected += 100 * t * t + u * u
            near(g[2 * k], -400 * t * a - 2 * u, "g[${2 * k}]")
            near(g[2 * k + 1], 200 * t, "g[${2 * k + 1}]")
        }
        near(value, expected, "value")
        true
    }
}
