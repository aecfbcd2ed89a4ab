package org.gradus.eval

import org.gradus.atoms.Dot
import org.gradus.atoms.Ops
import org.gradus.atoms.Softplus
import org.gradus.atoms.VectorFunction
import org.gradus.data.CsvLoader
import org.gradus.data.DataSet
import org.gradus.data.Precision
import org.gradus.expr.Constant
import org.gradus.expr.Expr
import org.gradus.expr.IndexSymbol
import org.gradus.expr.Layout
import org.gradus.expr.Lookup
import org.gradus.expr.TableSlice
import org.gradus.expr.Variable
import org.gradus.expr.VectorVariable
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.function.Function

import static org.gradus.atoms.Ops.*
import static org.gradus.expr.Fn.crossEntropy

/**
 * {@code precision: 'float'}: a table stored as 32-bit floats, read widened to double, summed in double.
 * Against numpy (float32 storage, float64 arithmetic: resources/reference/float/float_precision.py wrote
 * the table and reference.txt), and bit for bit: the compiled kernel against the interpreter, one thread
 * against two, and a float table against a double table holding the same (widened) values.
 */
class FloatPrecisionSpec extends Specification {
    static final Map REF = reference()
    static final int F = REF.features as int
    static final VectorVariable w = new VectorVariable("w", F, 0.0)
    static final Variable b = new Variable("b", 0.0)
    static final Layout layout = new Layout([w, b])

    /**
     * reference.txt: one {@code key numbers...} line each; {@code float.value} etc. become REF.float.value.
     * Numbers keep Python's repr (shortest round-trip), so they parse to the same doubles.
     */
    static Map reference() {
        Map ref = [:]
        FloatPrecisionSpec.getResource('/reference/float/reference.txt').readLines().findAll { !it.startsWith('#') }.each { line ->
            def (String key, String rest) = line.split(' ', 2) as List
            List<Double> values = rest.split(' ').collect { Double.parseDouble(it) }
            Object v = key in ['w', 'batch'] || key.endsWith('gradW') ? values : values[0]
            if (key.contains('.')) {
                def (String group, String field) = key.split(/\./) as List
                ((Map) ref.computeIfAbsent(group) { [:] })[field] = v
            } else ref[key] = v
        }
        ref.batch = (ref.batch as List<Double>).collect { it as int }
        ref
    }

    @TempDir
    @Shared
    Path dir

    @Shared
    DataSet floats, doubles

    def setupSpec() {
        Path csv = dir.resolve('table.csv')
        Files.copy(FloatPrecisionSpec.getResourceAsStream('/reference/float/table.csv'), csv)
        floats = CsvLoader.load(csv, 'y', false, Precision.FLOAT, null)
        doubles = CsvLoader.load(csv, 'y', false, Precision.DOUBLE, null)
    }

    /** mean(data) { row -> softplus(dot(w, row.x) + b) - row.y*(dot(w, row.x) + b) }, as a script builds it. */
    static Expr logistic(DataSet data) {
        data.mean({ DataSet.Row row ->
            Expr z = add(new VectorFunction(Dot.INSTANCE, [w, row.getX()]), b)
            sub(apply(Softplus.INSTANCE, z), mul(row.getY(), z))
        } as Function, { it as Expr } as Function)
    }

    static double[] point() {
        ((REF.w as List<Number>)*.doubleValue() + [(REF.b as Number).doubleValue()]) as double[]
    }

    static List<Object> evaluate(Program p) {
        double[] g = new double[F + 1]
        double v = p.valueAndGradient(point(), g)
        [v, g.toList(), p.value(point())]
    }

    static Program program(Expr f, int threads, long jit) {
        Program p = Program.compile(f, layout)
        p.threads(threads)
        p.jitThreshold(jit)
        p
    }

    static boolean near(double actual, Number expected) {
        Math.abs(actual - expected.doubleValue()) <= 1e-12 * Math.max(1, Math.abs(expected.doubleValue()))
    }

    static void matches(List<Object> result, Map ref) {
        assert near(result[0] as double, ref.value as Number)
        List<Double> g = result[1] as List<Double>
        (0..<F).each { assert near(g[it], (ref.gradW as List<Number>)[it]): "d/dw$it" }
        assert near(g[F], ref.gradB as Number)
    }

    def "a table read with precision float is stored as floats and says so"() {
        expect:
        floats.precision() == 'float'
        doubles.precision() == 'double'
        floats.fields().precision == 'float'
        !doubles.fields().containsKey('precision')     // the default is not shown: double tables print as before
        floats.rows() == REF.rows
        floats.column('f0')[0] == (double) (float) 2.47541395d    // the cell rounded once to the nearest float
        doubles.column('f0')[0] == 2.47541395d
    }

    def "the value and gradient equal numpy's float32 storage with float64 sums, not float64 storage"() {
        when:
        def result = evaluate(program(logistic(floats), 2, 0))

        then: "numpy's float32 figures to 1e-12, and the double figures are 1e-10 away (the storages differ measurably)"
        matches(result, REF.float as Map)
        Math.abs((REF.float.value as double) - (REF.double.value as double)) > 1e-10
        !near(result[0] as double, REF.double.value as Number)

        and: "the double table gives numpy's float64 figures"
        matches(evaluate(program(logistic(doubles), 2, 0)), REF.double as Map)
    }

    def "a mini-batch of a float table equals numpy's over the same rows"() {
        given:
        Program p = program(logistic(floats), 1, 0)
        p.useRows(floats.rowsKey(), REF.batch as int[])

        expect: "each mean is over the batch's rows"
        matches(evaluate(p), REF.floatBatch as Map)
    }

    def "compiled kernel and interpreter, one thread and two: the same bits on a float table"() {
        given:
        def reference = evaluate(program(logistic(floats), 1, Long.MAX_VALUE))

        expect:
        [1, 2].each { threads ->
            [0L, Long.MAX_VALUE].each { jit -> assert evaluate(program(logistic(floats), threads, jit)) == reference: "threads $threads, jit $jit" }
        }
        program(logistic(floats), 1, 0).with { evaluate(it); it.compiledLoopCount() >= 1 }
    }

    /** Bodies that read the table every way a row can: a DOT, lookups by column, and row.x as an array block. */
    static Map<String, Closure<Expr>> bodies() {
        [
                'dot (GLM)'          : { Object x, Object y, IndexSymbol i ->
                    sub(apply(Softplus.INSTANCE, dotRow(x, i)), mul(new Lookup('y', y, i, null), dotRow(x, i))) },
                'lookups by column'  : { Object x, Object y, IndexSymbol i ->
                    pow(sub(add(mul(w.get(0), cell(x, i, 0)), mul(w.get(3), cell(x, i, 3)), b), new Lookup('y', y, i, null)), constant(2)) },
                'row.x as an array'  : { Object x, Object y, IndexSymbol i ->
                    crossEntropy((new TableSlice('X', x, mul(Constant.of(F), i), F, 'row.x') + w.whole()) * w.whole(), constant(0)) },
        ]
    }

    static Expr cell(Object x, IndexSymbol i, int k) { new Lookup('X', x, add(mul(Constant.of(F), i), Constant.of(k)), null) }

    static Expr dotRow(Object x, IndexSymbol i) {
        IndexSymbol j = new IndexSymbol('j')
        add(Ops.sum(j, 0, F, mul(w.get(j), new Lookup('X', x, add(mul(Constant.of(F), i), j), null)), null), b)
    }

    static Expr rows(Closure<Expr> body, Object x, Object y, int n) {
        IndexSymbol i = new IndexSymbol('row')
        Ops.sum(i, 0, n, body(x, y, i), 'X#' + System.identityHashCode(x))
    }

    def "a float table gives the bits of a double table holding the same values, interpreted and compiled: #name"() {
        given: "the float table's values, widened exactly, as doubles"
        int n = 300
        float[] xf = new float[n * F], yf = new float[n]
        Random rnd = new Random(name.hashCode())
        for (int k = 0; k < xf.length; k++) xf[k] = (float) rnd.nextGaussian()
        for (int r = 0; r < n; r++) yf[r] = rnd.nextBoolean() ? 1 : 0
        double[] xd = (0..<xf.length).collect { Float.valueOf(xf[it]).doubleValue() } as double[]   // exact widening
        double[] yd = (0..<n).collect { Float.valueOf(yf[it]).doubleValue() } as double[]
        def results = [[xf, yf], [xd, yd]].collectMany { tables ->
            [Long.MAX_VALUE, 0L].collect { jit -> evaluate(program(rows(body, tables[0], tables[1], n), 1, jit)) }
        }

        expect:
        results.every { it == results[0] }

        where:
        name << bodies().keySet()
        body << bodies().values()
    }

    def "split and withPrecision keep or change the storage"() {
        when:
        def (train, test) = floats.split(0.8, 1)
        DataSet widened = floats.withPrecision(Precision.DOUBLE)
        DataSet narrowed = doubles.withPrecision(Precision.FLOAT)

        then:
        train.precision() == 'float' && test.precision() == 'float'
        train.rows() + test.rows() == floats.rows()
        widened.precision() == 'double' && widened.column('f3') == floats.column('f3')
        narrowed.precision() == 'float' && narrowed.column('f3') == floats.column('f3')
        floats.withPrecision(Precision.FLOAT).is(floats)
    }

    def "a cell beyond the float range is a located error; an unknown precision names the two"() {
        given:
        Path csv = dir.resolve('big.csv')
        Files.writeString(csv, 'a,y\n1,0\n1e39,1\n')

        when:
        CsvLoader.load(csv, 'y', false, Precision.FLOAT, null)

        then:
        def e = thrown(org.gradus.data.DataFileException)
        e.message.startsWith("big.csv line 3, column a: '1e39' is not a finite number as a 32-bit float")
        e.message.contains("precision: 'double'")

        when:
        Precision.of('half')

        then:
        def bad = thrown(IllegalArgumentException)
        bad.message.contains("precision: 'double'") && bad.message.contains("precision: 'float'")
        Precision.of('float32') == Precision.FLOAT
        Precision.of(null) == Precision.DOUBLE
    }
}
