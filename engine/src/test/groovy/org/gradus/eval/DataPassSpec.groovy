package org.gradus.eval

import org.gradus.atoms.Softplus
import org.gradus.atoms.Dot
import org.gradus.atoms.L2
import org.gradus.data.DataSet
import org.gradus.expr.Expr
import org.gradus.expr.Layout
import org.gradus.expr.Variable
import org.gradus.atoms.VectorFunction
import org.gradus.expr.VectorVariable
import spock.lang.Specification

import java.util.function.Function

import static org.gradus.atoms.Ops.*

/**
 * A data reduction's pass in fixed chunks: the same bits with 1, 2 or 3 threads, run after run, and
 * from the interpreter as from the compiled kernels; the value and gradient equal a plain loop's
 * (written out in the test) to rounding.
 */
class DataPassSpec extends Specification {
    static final int ROWS = 5000, F = 12   // 8 chunks of 625 rows (Chunks: a small table); a dot product of 12 (> 8: one DOT)
    static final VectorVariable w = new VectorVariable("w", F, 0.0)
    static final Variable b = new Variable("b", 0.0)
    static final Layout layout = new Layout([w, b])
    static DataSet data = table()

    static DataSet table() {
        Random rnd = new Random(42)
        List<String> cols = (0..<F).collect { "f$it".toString() } + ["y"]
        double[][] t = new double[ROWS][F + 1]
        for (int r = 0; r < ROWS; r++) {
            for (int k = 0; k < F; k++) t[r][k] = rnd.nextGaussian()
            t[r][F] = rnd.nextBoolean() ? 1 : 0
        }
        new DataSet("d", cols, t, "y")
    }

    /** mean(data) { row -> logLoss(dot(w, row.x) + b, row.y) } + 0.01*l2(w), as a script builds it. */
    static Expr logistic() {
        Expr m = data.mean({ DataSet.Row row ->
            Expr z = add(new VectorFunction(Dot.INSTANCE, [w, row.getX()]), b)
            sub(apply(Softplus.INSTANCE, z), mul(row.getY(), z))
        } as Function, { it as Expr } as Function)
        add(m, mul(constant(0.01), new VectorFunction(L2.INSTANCE, [w])))
    }

    static double[] point() {
        Random rnd = new Random(7)
        (0..F).collect { rnd.nextGaussian() * 0.3d } as double[]
    }

    static List<Object> evaluate(Program p, double[] x) {
        double[] g = new double[F + 1]
        double v = p.valueAndGradient(x, g)
        [v, g.toList(), p.value(x)]
    }

    static Program program(int threads, long jit) {
        Program p = Program.compile(logistic(), layout)
        p.threads(threads)
        p.jitThreshold(jit)
        p
    }

    def "value and gradient are the same bits with 1, 2 and 3 threads, interpreted or compiled, run after run"() {
        given:
        double[] x = point()
        def reference = evaluate(program(1, Long.MAX_VALUE), x)

        expect:
        [1, 2, 3].each { threads ->
            [0L, Long.MAX_VALUE].each { jit ->
                Program p = program(threads, jit)
                3.times { assert evaluate(p, x) == reference: "threads $threads, jit $jit" }
            }
        }
    }

    def "the chunked pass equals a plain loop over the rows to rounding"() {
        given:
        double[] x = point()
        double[] xs = data.column("y")
        double[][] cols = (0..<F).collect { data.column("f$it") } as double[][]
        double v = 0
        double[] g = new double[F + 1]
        for (int r = 0; r < ROWS; r++) {
            double z = x[F]
            for (int k = 0; k < F; k++) z += x[k] * cols[k][r]
            double y = xs[r], sp = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))
            v += (sp - y * z) / ROWS
            double d = (1 / (1 + Math.exp(-z)) - y) / ROWS
            for (int k = 0; k < F; k++) g[k] += d * cols[k][r]
            g[F] += d
        }
        for (int k = 0; k < F; k++) {
            v += 0.01 * x[k] * x[k]
            g[k] += 0.02 * x[k]
        }
        Program p = program(2, 0)
        def (double value, List<Double> grad) = evaluate(p, x)

        expect: "the row body's dot product is one DOT instruction, and the body ran compiled"
        p.tape.body.find { it != null }.op.contains(Opcode.DOT)
        p.compiledLoopCount() >= 1
        Math.abs(value - v) <= 1e-12 * Math.abs(v)
        (0..F).every { Math.abs(grad[it] - g[it]) <= 1e-12 * Math.max(1, Math.abs(g[it])) }
    }

    def "mini-batch rows spanning several chunks give the same bits on any number of threads"() {
        given:
        double[] x = point()
        int[] rows = (0..<4500).collect { (it * 7919) % ROWS } as int[]
        def results = [1, 2].collect { threads ->
            Program p = program(threads, 0)
            p.useRows(data.rowsKey(), rows)
            evaluate(p, x)
        }

        expect:
        results[0] == results[1]
    }

    def "an interrupted pass stops between chunks and keeps the interrupt flag"() {
        given:
        Program p = program(1, 0)
        double[] g = new double[F + 1]

        when:
        Thread.currentThread().interrupt()
        p.valueAndGradient(point(), g)

        then:
        thrown(EvaluationInterruptedException)
        Thread.interrupted()   // still set (and cleared here)
    }
}
