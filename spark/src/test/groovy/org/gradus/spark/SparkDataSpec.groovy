package org.gradus.spark

import groovy.json.JsonSlurper
import org.gradus.atoms.Dot
import org.gradus.atoms.L2
import org.gradus.atoms.Softplus
import org.gradus.atoms.VectorFunction
import org.gradus.cli.Main
import org.apache.spark.sql.Column
import org.apache.spark.sql.functions
import org.gradus.data.Chunks
import org.gradus.data.CsvLoader
import org.gradus.data.DataFileException
import org.gradus.data.DataSet
import org.gradus.data.TableRequest
import org.gradus.dsl.GradusSession
import org.gradus.eval.CompiledFunction
import org.gradus.expr.Expr
import org.gradus.expr.Layout
import org.gradus.expr.Variable
import org.gradus.expr.VectorVariable
import org.gradus.optim.Minimizer
import org.gradus.optim.OptimizationResult
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.function.Function

import static org.gradus.atoms.Ops.*

/**
 * Data sets on Apache Spark in local mode ({@code local[2]}: one context for this specification, UI off,
 * driver on the loopback address) against the in-process engine on the same rows: logistic and ridge
 * losses on the examples' tables and on a generated table of 10⁵ rows; value and gradient for 1, 3 and 8
 * partitions bit for bit (the rows are summed in the in-memory pass's chunks, added in its order); an
 * L-BFGS run's iterates bit for bit to the end, and a seeded mini-batch Adam run's iterates to 1e-12;
 * the example script through the language and the command line; the errors a user meets.
 */
class SparkDataSpec extends Specification {
    static final String MASTER = 'local[2]'
    static final int ROWS = 100_000, F = 5

    @Shared @TempDir Path dir
    @Shared Map<String, DataSet> read = [:]

    def setupSpec() {
        SparkSessions.on(MASTER)
        Files.copy(Path.of('../examples/classification.csv'), dir.resolve('classification.csv'))
        Files.copy(Path.of('../examples/regression.csv'), dir.resolve('regression.csv'))
        generate(dir.resolve('clicks.csv'), true)
        generate(dir.resolve('prices.csv'), false)
        SparkSessions.on(MASTER).read().option('header', 'true').option('inferSchema', 'true')
                .csv(dir.resolve('clicks.csv').toString()).write().parquet(dir.resolve('clicks.parquet').toString())
    }

    def cleanupSpec() {
        SparkSessions.stop()
    }

    /** ROWS rows of F Gaussian features and a 0/1 label (logistic truth) or a noisy linear price. */
    static void generate(Path file, boolean labels) {
        Random rnd = new Random(labels ? 21 : 22)
        double[] truth = (0..<F).collect { rnd.nextGaussian() } as double[]
        Files.newBufferedWriter(file).withCloseable { w ->
            w << (0..<F).collect { "f$it" }.join(',') << (labels ? ',label\n' : ',price\n')
            double[] x = new double[F]
            for (int r = 0; r < ROWS; r++) {
                double z = 0
                for (int k = 0; k < F; k++) {
                    x[k] = rnd.nextGaussian()
                    z += truth[k] * x[k]
                }
                double t = labels ? (rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0) : z + 0.1 * rnd.nextGaussian()
                w << x.collect { Double.toString(it) }.join(',') << ',' << Double.toString(t) << '\n'
            }
        }
    }

    static final Map<String, String> TARGET = ['classification.csv': 'label', 'regression.csv': 'price', 'clicks.csv': 'label',
                                               'prices.csv': 'price', 'clicks.parquet': 'label']

    /** The table on Spark in that many partitions (read once per spec). */
    DataSet onSpark(String file, int partitions) {
        read.computeIfAbsent("$file/$partitions".toString()) {
            new SparkTableReader().read(new TableRequest(file.endsWith('parquet') ? 'parquet' : 'csv', dir.resolve(file).toString(),
                    file, TARGET[file], MASTER, partitions))
        }
    }

    DataSet inMemory(String file) {
        read.computeIfAbsent(file) { CsvLoader.load(dir.resolve(file), TARGET[file], null) }
    }

    static Expr mean(DataSet d, Closure<Expr> body) {
        d.mean({ DataSet.Row row -> body(row) } as Function, { it as Expr } as Function)
    }

    /** mean log-loss + 0.01·l2(w), or mean squared error + 0.1·l2(w), as a script builds them. */
    static Expr loss(String kind, DataSet d, VectorVariable w, Variable b) {
        if (kind == 'logistic') {
            Expr m = mean(d) { DataSet.Row row ->
                Expr z = add(new VectorFunction(Dot.INSTANCE, [w, row.getX()]), b)
                sub(apply(Softplus.INSTANCE, z), mul(row.getY(), z))
            }
            return add(m, mul(constant(0.01), new VectorFunction(L2.INSTANCE, [w])))
        }
        Expr m = mean(d) { DataSet.Row row -> pow(sub(add(new VectorFunction(Dot.INSTANCE, [w, row.getX()]), b), row.getY()), constant(2)) }
        add(m, mul(constant(0.1), new VectorFunction(L2.INSTANCE, [w])))
    }

    /** The largest relative difference between the first count iterates of two runs. */
    static double iterates(OptimizationResult a, OptimizationResult ref, int count = ref.trace().size()) {
        double worst = 0
        for (int i = 0; i < count; i++) worst = Math.max(worst, relative(a.trace().point(i), ref.trace().point(i)))
        worst
    }

    static double relative(double a, double ref) { Math.abs(a - ref) / Math.max(Math.abs(ref), 1e-300) }

    static double relative(double[] a, double[] ref) {
        double d = 0, n = 0
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - ref[i]))
            n = Math.max(n, Math.abs(ref[i]))
        }
        n == 0 ? d : d / n
    }

    def "value and gradient on Spark equal the in-process ones bit for bit: #kind on #file, #partitions partition(s)"() {
        given:
        DataSet memory = inMemory(file)
        DataSet spread = onSpark(file, partitions)
        VectorVariable w = new VectorVariable('w', memory.features(), 0.0)
        Variable b = new Variable('b', 0.0)
        Layout layout = new Layout([w, b])
        Random rnd = new Random(3)
        double[] x = new double[memory.features() + 1]
        for (int i = 0; i < x.length; i++) x[i] = 0.4d * rnd.nextGaussian()
        CompiledFunction here = new CompiledFunction(loss(kind, memory, w, b), layout)
        CompiledFunction there = new CompiledFunction(loss(kind, spread, w, b), layout)
        double[] gh = new double[x.length], gt = new double[x.length]

        expect:
        spread.rows() == memory.rows() && spread.columns() == memory.columns() && spread.features() == memory.features()
        there.valueAndGradient(x, gt) == here.valueAndGradient(x, gh)
        gt == gh
        there.value(x) == here.value(x)
        there.engines() == ["spark local[2], $partitions partition${partitions == 1 ? '' : 's'}".toString()]

        where:
        [kind, file, partitions] << [['logistic', 'classification.csv'], ['logistic', 'clicks.csv'], ['ridge', 'regression.csv'],
                                     ['ridge', 'prices.csv']].collectMany { k -> [1, 3, 8].collect { k + [it] } }
    }

    def "partitions as Spark read them, not cut at chunks, are completed to whole chunks and give the in-memory bits: splits of #split"() {
        given: 'clicks.csv (about 10 MB) read in small splits: partitions that end mid-chunk (of 64 KB: ~650 rows, each inside a chunk of 2048)'
        def spark = SparkSessions.on(MASTER)
        spark.conf().set('spark.sql.files.maxPartitionBytes', split)
        DataSet spread
        try {
            spread = new SparkTableReader().read(new TableRequest('csv', dir.resolve('clicks.csv').toString(), 'clicks.csv', 'label', MASTER, null))
        } finally {
            spark.conf().unset('spark.sql.files.maxPartitionBytes')
        }
        DataSet memory = inMemory('clicks.csv')
        VectorVariable w = new VectorVariable('w', F, 0.0)
        Variable b = new Variable('b', 0.0)
        Layout layout = new Layout([w, b])
        double[] x = [0.3, -0.1, 0.2, 0.5, -0.4, 0.1] as double[]
        double[] gh = new double[x.length], gt = new double[x.length]

        expect:
        (spread.fields().engine =~ /spark local\[2], (\d+) partitions/)[0][1] as int >= least
        new CompiledFunction(loss('logistic', spread, w, b), layout).valueAndGradient(x, gt) ==
                new CompiledFunction(loss('logistic', memory, w, b), layout).valueAndGradient(x, gh)
        gt == gh

        where:
        split | least
        '1m'  | 5
        '64k' | 100
    }

    def "more partitions than 64 work in a pass and give the in-memory bits: 150 000 rows (74 chunks) in 70 partitions"() {
        given: 'a Parquet table written by Spark (seeded randn), read into memory by the streaming reader and kept on Spark in 70 partitions'
        String file = dir.resolve('wide.parquet').toString()
        def spark = SparkSessions.on(MASTER)
        List<Column> cols = (0..<F).collect { functions.randn(40L + it).as("f$it") } +
                [functions.when(functions.rand(39L).lt(0.4d), 1d).otherwise(0d).as('label')]
        spark.range(150_000).select(cols as Column[]).write().parquet(file)
        DataSet memory = new SparkTableReader().read(new TableRequest('parquet', file, 'wide', 'label', null, null))
        DataSet spread = new SparkTableReader().read(new TableRequest('parquet', file, 'wide', 'label', MASTER, 70))
        VectorVariable w = new VectorVariable('w', F, 0.0)
        Variable b = new Variable('b', 0.0)
        Layout layout = new Layout([w, b])
        double[] x = [0.3, -0.1, 0.2, 0.5, -0.4, 0.1] as double[]
        double[] gh = new double[x.length], gt = new double[x.length]
        CompiledFunction there = new CompiledFunction(loss('logistic', spread, w, b), layout)

        expect: 'chunk c of 74 lies in partition ⌊70c/74⌋, so each of the 70 holds one or two chunks'
        memory.rows() == 150_000 && spread.rows() == 150_000 && memory.features() == F
        Chunks.count(150_000) == 74
        there.valueAndGradient(x, gt) == new CompiledFunction(loss('logistic', memory, w, b), layout).valueAndGradient(x, gh)
        gt == gh
        there.engines() == ['spark local[2], 70 partitions']
    }

    def "a Parquet data set holds the same rows as the CSV it was written from"() {
        given:
        DataSet csv = inMemory('clicks.csv')
        DataSet parquet = onSpark('clicks.parquet', 3)
        VectorVariable w = new VectorVariable('w', F, 0.3)
        Variable b = new Variable('b', -0.2)
        Layout layout = new Layout([w, b])
        double[] x = [0.3, -0.1, 0.2, 0.5, -0.4, 0.1] as double[]

        expect:
        parquet.columns() == csv.columns()
        relative(new CompiledFunction(loss('logistic', parquet, w, b), layout).value(x),
                new CompiledFunction(loss('logistic', csv, w, b), layout).value(x)) < 1e-12
    }

    def "sep: and usecols: read on Spark as in memory: a ';' file, a text column left out, the target read though not named"() {
        given: "pandas.read_csv(p, sep=';', usecols=['hours', 'age', 'income']): age [36, 41, 29], hours [40, 45, 38], income [5.5, 6.25, 4]"
        java.nio.file.Path p = dir.resolve('people.csv')
        java.nio.file.Files.writeString(p, 'name;age;hours;income\nAda;36;40;5.5\nAlan;41;45;6.25\nGrace;29;38;4\n')

        when:
        DataSet spread = new SparkTableReader().read(new TableRequest('csv', p.toString(), 'people.csv', 'income', MASTER, 2, ';' as char, ['hours', 'age']))
        DataSet memory = new SparkTableReader().read(new TableRequest('csv', p.toString(), 'people.csv', 'income', null, null, ';' as char, ['hours', 'age']))

        then:
        spread.columns() == ['age', 'hours', 'income'] && spread.rows() == 3
        memory.columns() == ['age', 'hours', 'income']
        memory.column('age') as List == [36d, 41d, 29d]
        memory.column('hours') as List == [40d, 45d, 38d]
        memory.column('income') as List == [5.5d, 6.25d, 4d]

        when:
        new SparkTableReader().read(new TableRequest('csv', p.toString(), 'people.csv', 'income', null, null, ';' as char, ['hour']))

        then:
        DataFileException e = thrown()
        e.message.startsWith("csv('people.csv'): no column 'hour' (usecols); the columns are [name, age, hours, income]")
    }

    def "an L-BFGS run on Spark takes the in-process iterates to the end, bit for bit, and says where it ran: #file, #partitions partitions"() {
        given:
        VectorVariable w = new VectorVariable('w', inMemory(file).features(), 0.0)
        Variable b = new Variable('b', 0.0)
        Map opts = [method: 'lbfgs', trace: true, tol: 1e-12]
        String where = "spark local[2], $partitions partitions".toString()

        when:
        OptimizationResult here = Minimizer.run(loss('logistic', inMemory(file), w, b), false, opts, [], null)
        OptimizationResult there = Minimizer.run(loss('logistic', onSpark(file, partitions), w, b), false, opts, [], null)

        then: 'every iterate, down to where |∇f| is rounding, and the end point are the same numbers'
        here.iterations() >= 5
        here.trace().gradNorm(here.trace().size() - 1) < 1e-6
        there.iterations() == here.iterations()
        there.evaluations().f() == here.evaluations().f()
        (0..<here.trace().size()).every { there.trace().point(it) == here.trace().point(it) }
        there.point() == here.point()
        there.value() == here.value()
        there.engine() == where
        there.fields().engine == where

        where:
        file                 | partitions
        'classification.csv' | 8
        'clicks.csv'         | 3
        'clicks.csv'         | 8
    }

    def "a seeded mini-batch Adam run on Spark takes the in-process steps"() {
        given:
        VectorVariable w = new VectorVariable('w', inMemory(file).features(), 0.0)
        Variable b = new Variable('b', 0.0)
        Map opts = [method: 'adam', lr: 0.05, batch: batch, epochs: 2, shuffle: true, seed: 7, trace: true]

        when:
        OptimizationResult here = Minimizer.run(loss('ridge', inMemory(file), w, b), false, opts, [], null)
        OptimizationResult there = Minimizer.run(loss('ridge', onSpark(file, 3), w, b), false, opts, [], null)

        then:
        there.iterations() == here.iterations()
        here.iterations() == 2 * Math.ceil(inMemory(file).rows() / batch)
        iterates(there, here) < 1e-12

        where:
        file             | batch
        'regression.csv' | 8
        'prices.csv'     | 20_000
    }

    /** The script's lines as they would be in a file beside the data. */
    Path script(String name, String text) {
        Path p = dir.resolve(name)
        Files.writeString(p, text.stripIndent())
        p
    }

    def "the example script gives the in-memory optimum (and scipy's) on Spark, through the language"() {
        given: 'scipy BFGS on the same loss (bench/python/spark_logistic_reference.py)'
        double[] scipy = [1.9985552407560974, -0.35427033843829875, 0.5598435344536727]
        Path p = dir.resolve('spark_logistic.opt')
        Files.copy(Path.of('../examples/spark_logistic.opt'), p)

        when:
        OptimizationResult here = new GradusSession().run(p).last() as OptimizationResult
        GradusSession s = new GradusSession()
        s.master = MASTER
        OptimizationResult there = s.run(p).last() as OptimizationResult

        then:
        here.engine() == null
        there.engine() == 'spark local[2], 3 partitions'
        relative(there.point(), here.point()) < 1e-12
        relative(there.point(), scipy) < 1e-8
    }

    def "logistic regression on a Spark data set is proved convex, as in memory: the ranges of its columns were gathered where its rows are"() {
        given: 'logLoss(z, y) = y·softplus(−z) + (1 − y)·softplus(z) is convex in z only for y in [0, 1]: it needs the target column\'s range'
        Path p = dir.resolve('convex.opt')
        Files.writeString(p, """cls = spark.csv('clicks.csv', target: 'label', partitions: 3)
            |w = vector(cls.features)
            |c = variable(0)
            |convexity(mean(cls) { row -> logLoss(dot(w, row.x) + c, row.y) } + 0.01*l2(w))
            |convexity(mean(cls) { row -> row['f0']*softplus(c) })
            |""".stripMargin())
        GradusSession s = new GradusSession()
        s.master = MASTER

        when:
        List<Map> shown = s.run(p).collect { new JsonSlurper().parseText(it.toJson()) as Map }

        then: 'f0 is Gaussian (both signs), so f0·softplus(c) is not proved convex'
        shown[0].verdict == 'convex'
        shown[0].certainty == 'proof'
        shown[1].certainty != 'proof'
    }

    def "softmax regression on the digits (a matrix variable, W·x, cross-entropy) runs on Spark to the in-memory optimum, bit for bit, and sklearn's"() {
        given: "sklearn's optimum of the same loss (engine/src/test/resources/org/gradus/arrays/softmax_digits_sklearn.json)"
        Map reference = new JsonSlurper().parse(Path.of('..', 'engine', 'src', 'test', 'resources', 'org', 'gradus', 'arrays',
                'softmax_digits_sklearn.json').toFile()) as Map
        Path p = dir.resolve('spark_softmax.opt')
        Files.copy(Path.of('../examples/spark_softmax.opt'), p)
        Files.copy(Path.of('../examples/digits.csv'), dir.resolve('digits.csv'))

        when:
        OptimizationResult here = new GradusSession().run(p).last() as OptimizationResult
        GradusSession s = new GradusSession()
        s.master = MASTER
        OptimizationResult there = s.run(p).last() as OptimizationResult

        then:
        here.engine() == null
        there.engine() == 'spark local[2], 3 partitions'
        there.iterations() == here.iterations()
        there.point() == here.point()
        there.value() == here.value()
        Math.abs(there.value() - (reference.objective as double)) < 1e-10
    }

    def "gradus run --master local[2] --json writes only JSON on stdout, with the engine"() {
        given:
        Path p = dir.resolve('spark_logistic.opt')
        if (!Files.exists(p)) Files.copy(Path.of('../examples/spark_logistic.opt'), p)
        def out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream()

        when:
        int code = Main.run(['run', '--master', MASTER, '--json', p.toString()] as String[], new PrintStream(out, true, 'UTF-8'),
                new PrintStream(err, true, 'UTF-8'), [GRADUS_CACHE_DIR: dir.resolve('cache').toString()])
        List<Map> lines = out.toString('UTF-8').readLines().findAll { it }.collect { new JsonSlurper().parseText(it) as Map }

        then:
        code == 0
        lines.size() == 1
        lines[0].kind == 'minimize'
        lines[0].engine == 'spark local[2], 3 partitions'
    }

    def "bad tables are one located paragraph with exit code 1: #problem"() {
        given:
        Files.writeString(dir.resolve('words.csv'), 'a,city,y\n1,Paris,0\n2,Rome,1\n')
        Files.writeString(dir.resolve('holes.csv'), 'a,b,y\n1,,0\n2,3,1\n')
        Path p = script("bad_${problem.replace(' ', '_')}.opt", "x = variable(0)\n$line\n")
        def out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream()

        when:
        int code = Main.run(['run', '--master', MASTER, p.toString()] as String[], new PrintStream(out, true, 'UTF-8'),
                new PrintStream(err, true, 'UTF-8'), [GRADUS_CACHE_DIR: dir.resolve('cache').toString()])
        String message = err.toString('UTF-8')

        then:
        code == 1
        message.contains("${p.fileName}:2")
        message.contains(says)
        !message.contains('\tat ')
        !message.contains('org.apache.spark')

        where:
        problem              | line                                                          | says
        'missing file'       | "d = spark.csv('nowhere.csv', target: 'y')"                   | 'no such file or folder: nowhere.csv'
        'no target column'   | "d = spark.csv('classification.csv', target: 'price')"        | "no column 'price' for the target; the columns are [a, b, label]"
        'non-numeric column' | "d = spark.csv('words.csv', target: 'y')"                     | "column 'city' is string, not numeric"
        'empty cell'         | "d = spark.csv('holes.csv', target: 'y')"                     | "an empty cell in column 'b'"
        'missing folder'     | "d = spark.parquet('nowhere.parquet', target: 'y')"           | 'no such file or folder: nowhere.parquet'
    }

    def "a cluster that cannot be reached is named before Spark starts"() {
        when:
        SparkSessions.check('spark://127.0.0.1:1')

        then:
        IllegalArgumentException e = thrown()
        e.message.startsWith('the Spark master spark://127.0.0.1:1 cannot be reached')
        e.message.contains('or run with --master local[2]')

        when:
        SparkSessions.check('mesos://x:5050')

        then:
        e = thrown(IllegalArgumentException)
        e.message.contains('is not a Spark master URL')
    }

    def "a data set on Spark is refused where its rows would have to be in memory"() {
        when:
        onSpark('classification.csv', 3).split(0.8, 1)

        then:
        IllegalArgumentException e = thrown()
        e.message.contains('lives in spark local[2], 3 partitions')
    }
}
