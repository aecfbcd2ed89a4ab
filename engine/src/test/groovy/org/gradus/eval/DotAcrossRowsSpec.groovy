package org.gradus.eval

import org.gradus.atoms.Softplus
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
 * The DOT of a compiled body worked across rows (DotAcrossRows: two rows' dots in one sweep over the
 * parameters, the chain rule queued and applied two rows at a time) must not change a bit: against
 * the single-row arithmetic of DotProducts, and the compiled kernel against the interpreter for every
 * number of rows (odd and even), over index ranges and mini-batch rows (repeated, reversed),
 * double and float tables, and bodies where the chain rule must not be queued (another instruction
 * adds into the same gradient block).
 */
class DotAcrossRowsSpec extends Specification {
    static final int F = 11 // features: not a multiple of 8, so every dot has a tail
    static final int ROWS = 23
    static final VectorVariable w = new VectorVariable("w", F, 0.0)
    static final Variable b = new Variable("b", 0.0)
    static final Layout layout = new Layout([w, b])
    static final double[] X = (0..<ROWS * F).collect { Math.sin(1.7 * it + 0.3) * (1 + (it % 5)) } as double[]
    static final float[] XF = X.collect { (float) it } as float[]
    static final double[] Y = (0..<ROWS).collect { (it * 7) % 3 == 0 ? 1d : 0d } as double[]

    static Expr c(double v) { Constant.of(v) }

    static Expr dotRow(Object table, Expr i) {
        IndexSymbol j = new IndexSymbol("j")
        sum(j, 0, F, mul(w.get(j), new Lookup("X", table, add(mul(c(F), i), j), null)))
    }

    static Expr label(Expr i) { new Lookup("y", Y, i) }

    /** Bodies over rows [0, n): the logistic loss, and one whose row body also adds into w's gradient. */
    static Expr body(String kind, Object table, int n, String rowsKey) {
        IndexSymbol i = new IndexSymbol("i")
        Expr z = add(dotRow(table, i), b)
        Expr row = kind == 'logistic'
                ? sub(apply(Softplus.INSTANCE, z), mul(label(i), z))
                : add(pow(sub(z, label(i)), c(2)), mul(c(0.01), pow(w.get(c(3)), c(2))), mul(w.get(c(F - 1)), label(i)))
        sum(i, 0, n, row, rowsKey)
    }

    static boolean same(double p, double q) {
        Double.doubleToLongBits(p) == Double.doubleToLongBits(q) || (p == 0d && q == 0d)
    }

    static double[] point(Random rnd) {
        (0..F).collect { rnd.nextGaussian() } as double[]
    }

    static List evaluate(Program p, double[] pt) {
        double[] g = new double[F + 1]
        double v = p.valueAndGradient(pt, g)
        [p.value(pt), v] + (g as List)
    }

    static Program program(Expr f, long jit) {
        Program p = Program.compile(f, layout)
        p.jitThreshold(jit)
        p.threads(1)
        p
    }

    def "two dots in one sweep are the two single dots, bit for bit (double and float tables)"() {
        given:
        Random rnd = new Random(5)
        double[] x = (0..<40).collect { rnd.nextGaussian() } as double[]
        double[] out = new double[2]

        expect:
        (0..19).each { n ->
            [[0, 3], [7, 7], [12, 2]].each { starts ->
                DotProducts.dotPair(x, 1, X, starts[0], starts[1], n, out)
                assert same(out[0], DotProducts.dot(x, 1, X, starts[0], n)) && same(out[1], DotProducts.dot(x, 1, X, starts[1], n))
                DotProducts.dotPair(x, 2, XF, starts[0], starts[1], n, out)
                assert same(out[0], DotProducts.dot(x, 2, XF, starts[0], n)) && same(out[1], DotProducts.dot(x, 2, XF, starts[1], n))
            }
        }
    }

    def "the chain rule applied two rows at a time adds the same bits as row by row, also with a row left to flush"() {
        given:
        Random rnd = new Random(9)

        expect:
        (1..11).each { count ->
            double[] g1 = (0..<F + 2).collect { rnd.nextGaussian() } as double[]
            double[] g2 = g1.clone(), g3 = g1.clone(), g4 = g1.clone()
            DotAcrossRows queue = new DotAcrossRows(), queueF = new DotAcrossRows()
            count.times { r ->
                double s = rnd.nextGaussian() * 1e3
                int start = ((r * 5) % ROWS) * F
                DotProducts.addScaled(g1, 1, s, X, start, F)
                queue.addScaled(g2, 1, s, X, start, F)
                DotProducts.addScaled(g3, 1, s, XF, start, F)
                queueF.addScaled(g4, 1, s, XF, start, F)
            }
            queue.flush(g2, 1, X, F)
            queueF.flush(g4, 1, XF, F)
            assert (0..<g1.length).every { same(g1[it], g2[it]) && same(g3[it], g4[it]) }: "$count rows"
        }
    }

    def "a dot computed ahead is forgotten on reset (the parameters may change between runs)"() {
        given:
        double[] x1 = (0..<F).collect { 1d } as double[]
        double[] x2 = (0..<F).collect { 2d } as double[]
        DotAcrossRows d = new DotAcrossRows()

        when: "row 0 computes row 1's dot ahead, then a new run starts at row 1 with other parameters"
        d.dotRange(x1, 0, X, 0, F, F, 0, ROWS)
        d.reset()

        then:
        same(d.dotRange(x2, 0, X, F, F, F, 1, ROWS), DotProducts.dot(x2, 0, X, F, F))
    }

    /** X or XF (not a ?: of the two: Groovy widens the float[] to a double[] there). */
    static Object storage(String precision) {
        if (precision == 'float') return XF
        return X
    }

    def "the float storage of these cases is a float[]"() {
        expect:
        storage('float') instanceof float[]
        storage('double') instanceof double[]
    }

    @Unroll
    def "compiled = interpreter bit for bit: #kind on #precision storage, #n rows over the range"() {
        given:
        Object table = storage(precision)
        Expr f = body(kind, table, n, null)
        Program interpreted = program(f, Long.MAX_VALUE), compiled = program(f, 0)
        Random rnd = new Random(n)

        expect:
        3.times {
            double[] pt = point(rnd)
            List a = evaluate(compiled, pt)
            List e = evaluate(interpreted, pt)
            assert (0..<a.size()).every { same(a[it] as double, e[it] as double) }: "$a vs $e"
        }
        compiled.compiledLoopCount() == 1

        where:
        [kind, precision, n] << [['logistic', 'regularized inside'], ['double', 'float'], [1, 2, 3, 4, 5, 7, 8, 9, 13, 23]].combinations()
    }

    @Unroll
    def "compiled = interpreter bit for bit on mini-batch rows #rows (#kind, #precision)"() {
        given:
        Object table = storage(precision)
        Expr f = body(kind, table, ROWS, "batch")
        Program interpreted = program(f, Long.MAX_VALUE), compiled = program(f, 0)
        interpreted.useRows("batch", rows as int[])
        compiled.useRows("batch", rows as int[])
        double[] pt = point(new Random(rows.size()))
        List a = evaluate(compiled, pt)
        List e = evaluate(interpreted, pt)

        expect:
        (0..<a.size()).every { same(a[it] as double, e[it] as double) }

        where:
        [kind, precision, rows] << [['logistic', 'regularized inside'], ['double', 'float'],
                                    [[5], [3, 3, 3], [22, 21, 20, 19, 18], [0, 2, 4, 6, 8, 10, 12], [7, 1, 7, 1, 9, 0, 22, 5, 5, 11, 3]]].combinations()
    }
}
