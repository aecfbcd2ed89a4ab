package org.gradus.eval

import org.gradus.atoms.Dot
import org.gradus.atoms.Huber
import org.gradus.atoms.L2
import org.gradus.atoms.LeakyRelu
import org.gradus.atoms.LogSumExp
import org.gradus.atoms.Max
import org.gradus.atoms.Sigmoid
import org.gradus.atoms.Softplus
import org.gradus.atoms.Tanh
import org.gradus.atoms.VectorFunction
import org.gradus.data.ColumnRanges
import org.gradus.data.DataSet
import org.gradus.data.RowBlock
import org.gradus.expr.Expr
import org.gradus.expr.IndexSymbol
import org.gradus.expr.Layout
import org.gradus.expr.Variable
import org.gradus.expr.VectorVariable
import org.gradus.optim.Minimizer
import org.gradus.optim.OptimizationResult
import spock.lang.Shared
import spock.lang.Specification

import java.util.function.Function

import static org.gradus.atoms.Ops.*
import static org.gradus.expr.Fn.crossEntropy
import static org.gradus.expr.Fn.dot as dotOf
import static org.gradus.expr.Fn.elasticNet
import static org.gradus.expr.Fn.l1
import static org.gradus.expr.Fn.logsumexp
import static org.gradus.expr.Fn.norm2
import static org.gradus.expr.Fn.quadForm
import static org.gradus.expr.Fn.softmax
import static org.gradus.expr.Fn.sumsq
import static org.gradus.expr.Fn.tanh

/**
 * Data reductions over partitioned rows ({@link SerializedPartitions}: blocks, tasks and partial sums all
 * through Java serialization, as with Spark): the value and gradient of logistic and ridge losses equal
 * a plain loop written out here, and equal the in-memory evaluation bit for bit for 1, 3 and 8
 * partitions (the rows are summed in the same chunks, combined in the same order); an L-BFGS run takes
 * the same iterates as in memory, bit for bit, and a seeded mini-batch Adam run the same to 1e-12.
 */
class PartitionedReductionSpec extends Specification {
    static final int ROWS = 9000, F = 10     // 8 chunks of the in-memory pass, of 1125 rows (Chunks: a small table)
    @Shared VectorVariable w = new VectorVariable("w", F, 0.0)
    @Shared Variable b = new Variable("b", 0.0)
    @Shared DataSet data = table()

    static DataSet table(int rows = ROWS) {
        Random rnd = new Random(11)
        double[] truth = (0..<F).collect { rnd.nextGaussian() } as double[]
        List<String> cols = (0..<F).collect { "f$it".toString() } + ["y"]
        double[][] t = new double[rows][F + 1]
        for (int r = 0; r < rows; r++) {
            double z = 0
            for (int k = 0; k < F; k++) {
                t[r][k] = rnd.nextGaussian()
                z += truth[k] * t[r][k]
            }
            t[r][F] = rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0
        }
        new DataSet("clicks", cols, t, "y")
    }

    static Expr mean(DataSet d, Closure<Expr> body) {
        d.mean({ DataSet.Row row -> body(row) } as Function, { it as Expr } as Function)
    }

    /** mean(d) { row -> logLoss(dot(w, row.x) + b, row.y) } + 0.01*l2(w), as a script builds it. */
    Expr logistic(DataSet d) {
        Expr m = mean(d) { DataSet.Row row ->
            Expr z = add(new VectorFunction(Dot.INSTANCE, [w, row.getX()]), b)
            sub(apply(Softplus.INSTANCE, z), mul(row.getY(), z))
        }
        add(m, mul(constant(0.01), new VectorFunction(L2.INSTANCE, [w])))
    }

    /** mean(d) { row -> (dot(w, row.x) + b − row.y)² } + 0.1*l2(w). */
    Expr ridge(DataSet d) {
        Expr m = mean(d) { DataSet.Row row -> pow(sub(add(new VectorFunction(Dot.INSTANCE, [w, row.getX()]), b), row.getY()), constant(2)) }
        add(m, mul(constant(0.1), new VectorFunction(L2.INSTANCE, [w])))
    }

    /** A body that uses every kind of atom a tape carries: parameters (huber, leakyRelu), variadic, binary. */
    Expr atoms(DataSet d) {
        IndexSymbol j = new IndexSymbol('j')
        mean(d) { DataSet.Row row ->
            Expr z = add(new VectorFunction(Dot.INSTANCE, [w, row.getX()]), b)
            add(apply(new Huber(0.5), z, row.getY()), apply(new LeakyRelu(0.2), sub(z, row.getAt('f1'))),
                    apply(Max.INSTANCE, z, row.getAt('f2')), apply(LogSumExp.INSTANCE, z, row.getAt('f3'), b),
                    mul(apply(Sigmoid.INSTANCE, z), apply(Tanh.INSTANCE, row.getAt('f0'))),
                    sum(j, 0, 3, mul(w.get(j), row.getAt('f4'))))
        }
    }

    double[] point(long seed) {
        Random rnd = new Random(seed)
        (0..F).collect { rnd.nextGaussian() * 0.3d } as double[]
    }

    Layout layout() { new Layout([w, b]) }

    static double relative(double a, double ref) { Math.abs(a - ref) / Math.max(Math.abs(ref), 1e-300) }

    static double relative(double[] a, double[] ref) {
        double d = 0, n = 0
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - ref[i]))
            n = Math.max(n, Math.abs(ref[i]))
        }
        n == 0 ? d : d / n     // the start point 0: absolute
    }

    def "the logistic loss on partitions equals a plain loop over the rows, value and gradient"() {
        given: 'the mean log-loss and its gradient written out'
        double[] x = point(5)
        double value = 0
        double[] grad = new double[F + 1]
        double[] y = data.column('y')
        List<double[]> cols = (0..<F).collect { data.column("f$it") }
        for (int r = 0; r < ROWS; r++) {
            double z = x[F]
            for (int k = 0; k < F; k++) z += x[k] * cols[k][r]
            value += Math.log1p(Math.exp(z)) - y[r] * z
            double s = 1 / (1 + Math.exp(-z)) - y[r]
            for (int k = 0; k < F; k++) grad[k] += s * cols[k][r] / ROWS
            grad[F] += s / ROWS
        }
        value /= ROWS
        for (int k = 0; k < F; k++) {
            value += 0.01 * x[k] * x[k]
            grad[k] += 0.02 * x[k]
        }

        when:
        DataSet spread = SerializedPartitions.of(data, 3)
        CompiledFunction fn = new CompiledFunction(logistic(spread), layout())
        double[] g = new double[F + 1]
        double v = fn.valueAndGradient(x, g)

        then:
        relative(v, value) < 1e-12
        relative(g, grad) < 1e-12
        fn.engines() == ['test partitions, 3 partitions']
        ((SerializedPartitions) spread.partitions()).passes == 1     // value and gradient in one pass
    }

    def "value and gradient equal the in-memory ones bit for bit for #partitions partition(s): #name"() {
        given:
        double[] x = point(9)
        CompiledFunction memory = new CompiledFunction(objective(data), layout())
        CompiledFunction spread = new CompiledFunction(objective(SerializedPartitions.of(data, partitions)), layout())
        double[] gm = new double[F + 1], gs = new double[F + 1]

        expect:
        spread.valueAndGradient(x, gs) == memory.valueAndGradient(x, gm)
        gs == gm
        spread.value(x) == memory.value(x)

        where:
        [name, partitions] << [['logistic', 'ridge', 'every atom kind'], [1, 3, 8]].combinations()
        objective = name == 'logistic' ? this.&logistic : name == 'ridge' ? this.&ridge : this.&atoms
    }

    // ---- array bodies: matrix variables, matrix-vector products, softmax, cross-entropy, vector atoms ----------

    static final int K = 3
    static final VectorVariable Wm = VectorVariable.matrix('W', K, F, new double[K * F], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
    static final VectorVariable cv = new VectorVariable('c', K, 0.0)

    Layout arrayLayout() { new Layout([Wm, cv, w, b]) }

    /** The bodies over whole arrays, each mean(d) { row -> ... } with row.x as one array. */
    Map<String, Closure<Expr>> arrayBodies() {
        [
            'softmax regression'        : { DataSet.Row row -> crossEntropy(Wm.whole() * row.getX().asArray() + cv.whole(), row.getY()) },
            'a tanh layer'              : { DataSet.Row row -> sub(dotOf(cv.whole(), tanh(Wm.whole() * row.getX().asArray())), row.getY()) ** 2 },
            'softmax probabilities'     : { DataSet.Row row -> dotOf(softmax(Wm.whole() * row.getX().asArray()), cv.whole()) },
            'vector atoms of arrays'    : { DataSet.Row row -> add(norm2(Wm.whole() * row.getX().asArray() - cv.whole()), l1(w.whole() * row.getX().asArray()),
                                                sumsq(cv.whole() - row.getY()), logsumexp(Wm.whole() * row.getX().asArray())) },
            'rowImage'                  : { DataSet.Row row -> org.gradus.atoms.array.ArrayOps.times(Wm.whole(), row.getX().asArray()) },
            'elasticNet and quadForm'   : { DataSet.Row row -> add(elasticNet(Wm.whole() * row.getX().asArray(), 0.3),
                                                quadForm(cv.whole() * row.getY(), new org.gradus.expr.Matrix([[2, 1, 0], [1, 3, 1], [0, 1, 4]] as double[][]))) },
        ]
    }

    def "a table of one chunk gives the in-memory bits even when another term's gradient is added before the reduction's: #partitions partition(s)"() {
        given: '250 rows (one chunk: Chunks.SMALLEST is 256); 0.01·l2(w) first, so grad holds its terms when the rows are added'
        DataSet small = table(250)
        assert org.gradus.data.Chunks.count(250) == 1
        Expr first = add(mul(constant(0.01), new VectorFunction(L2.INSTANCE, [w])), mean(small) { DataSet.Row row ->
            Expr z = add(new VectorFunction(Dot.INSTANCE, [w, row.getX()]), b)
            sub(apply(Softplus.INSTANCE, z), mul(row.getY(), z))
        })
        DataSet spread = SerializedPartitions.of(small, partitions)
        Expr there = add(mul(constant(0.01), new VectorFunction(L2.INSTANCE, [w])), mean(spread) { DataSet.Row row ->
            Expr z = add(new VectorFunction(Dot.INSTANCE, [w, row.getX()]), b)
            sub(apply(Softplus.INSTANCE, z), mul(row.getY(), z))
        })
        double[] gm = new double[F + 1], gs = new double[F + 1]

        expect: 'the same bits at 20 points (before, the rows were added into grad one by one in memory: some coordinates differed)'
        (1..20).every { long k ->
            double[] x = point(100 + k)
            Arrays.fill(gm, 0); Arrays.fill(gs, 0)
            new CompiledFunction(there, layout()).valueAndGradient(x, gs) == new CompiledFunction(first, layout()).valueAndGradient(x, gm) && gs == gm
        }

        where:
        partitions << [1, 3]
    }

    def "more partitions than 64 work in a pass and give the in-memory bits: 250 000 rows (123 chunks) in #partitions partitions"() {
        given: '123 chunks of 2048 rows (the last 144): every one of 100 partitions holds at least one, 150 leave 27 empty'
        DataSet big = table(250_000)
        SerializedPartitions parts = new SerializedPartitions(big, partitions)
        double[] x = point(5)
        CompiledFunction memory = new CompiledFunction(logistic(big), layout())
        CompiledFunction spread = new CompiledFunction(logistic(DataSet.partitioned('big_p', big.columns(), big.target(), parts)), layout())
        double[] gm = new double[F + 1], gs = new double[F + 1]

        expect:
        org.gradus.data.Chunks.count(250_000) == 123
        parts.blocks.count { it.rows() > 0 } == working
        spread.valueAndGradient(x, gs) == memory.valueAndGradient(x, gm)
        gs == gm
        spread.value(x) == memory.value(x)

        where:
        partitions | working
        100        | 100
        150        | 123
    }

    def "array bodies travel and give the in-memory bits for #partitions partition(s): #name"() {
        given:
        Closure<Expr> body = arrayBodies()[name]
        Random rnd = new Random(name.hashCode())
        double[] x = (0..<arrayLayout().dimension()).collect { 0.3d * rnd.nextGaussian() } as double[]
        CompiledFunction memory = new CompiledFunction(mean(data, body), arrayLayout())
        CompiledFunction spread = new CompiledFunction(mean(SerializedPartitions.of(data, partitions), body), arrayLayout())
        double[] gm = new double[x.length], gs = new double[x.length]

        expect:
        spread.valueAndGradient(x, gs) == memory.valueAndGradient(x, gm)
        gs == gm
        gm.any { it != 0 }
        spread.value(x) == memory.value(x)

        where:
        [name, partitions] << [['softmax regression', 'a tanh layer', 'softmax probabilities', 'vector atoms of arrays',
                                'elasticNet and quadForm'], [1, 3]].combinations()
    }

    def "an array-valued sum over partitioned rows is refused with a reason, not evaluated over stand-in rows"() {
        given:
        DataSet spread = SerializedPartitions.of(data, 3)
        Expr perRow = mean(spread, arrayBodies().rowImage)

        when:
        Program.compile(org.gradus.atoms.array.ArrayOps.sum(perRow), arrayLayout())

        then:
        IllegalArgumentException e = thrown()
        e.message.contains('an array-valued sum over the rows of')
        e.message.contains('which live in test partitions, 3 partitions, cannot be evaluated there yet')
    }

    def "an L-BFGS run on partitions takes the in-memory iterates and says where it ran"() {
        when:
        OptimizationResult memory = Minimizer.run(logistic(data), false, [method: 'lbfgs', trace: true, tol: 1e-9], [], null)
        OptimizationResult spread = Minimizer.run(logistic(SerializedPartitions.of(data, 8)), false,
                [method: 'lbfgs', trace: true, tol: 1e-9], [], null)

        then:
        spread.iterations() == memory.iterations()
        spread.evaluations().f() == memory.evaluations().f()
        (0..<memory.trace().size()).every { spread.trace().point(it) == memory.trace().point(it) }
        spread.point() == memory.point()
        spread.value() == memory.value()
        spread.engine() == 'test partitions, 8 partitions'
        spread.toText().contains('engine      test partitions, 8 partitions')
        spread.fields().engine == 'test partitions, 8 partitions'
        memory.engine() == null && !memory.fields().containsKey('engine')
    }

    def "a seeded mini-batch Adam run visits the same rows and takes the same steps; a batch touches only its partitions"() {
        given:
        Map opts = [method: 'adam', lr: 0.05, batch: 100, epochs: 2, shuffle: true, seed: 7, trace: true]
        DataSet spread = SerializedPartitions.of(data, 8)

        when:
        OptimizationResult memory = Minimizer.run(ridge(data), false, opts, [], null)
        OptimizationResult onParts = Minimizer.run(ridge(spread), false, opts, [], null)
        SerializedPartitions parts = (SerializedPartitions) spread.partitions()

        then:
        onParts.iterations() == memory.iterations()
        memory.iterations() == 180
        (0..<memory.trace().size()).every { relative(onParts.trace().point(it), memory.trace().point(it)) < 1e-12 }
        relative(onParts.value(), memory.value()) < 1e-12

        when: 'batches in file order: each lies in one or two of the blocks (whole chunks of 1125 rows), and only those work'
        parts.visited.clear()
        parts.passes = 0
        Minimizer.run(ridge(spread), false, opts + [shuffle: false], [], null)

        then:
        parts.visited.size() < 3 * parts.passes
    }

    def "the kernel travels by Java serialization and rebuilds its atoms by name"() {
        given:
        DataSet spread = SerializedPartitions.of(data, 2)
        Program p = Program.compile(atoms(spread), layout())
        Remote remote = p.tape.remote.find { it != null }

        when:
        RowKernel copy = SerializedPartitions.roundTrip(remote.kernel()) as RowKernel

        then:
        copy.id() == remote.kernel().id()
        [new Huber(0.5), new LeakyRelu(0.2), Max.INSTANCE, Tanh.INSTANCE].every { AtomRef.of(it, it.arity() < 0 ? 3 : it.arity()).atom() == it }
    }

    def "a sum over partitioned rows inside another sum is refused with a reason"() {
        given:
        DataSet spread = SerializedPartitions.of(data, 2)
        IndexSymbol k = new IndexSymbol('k')
        Expr nested = sum(k, 0, 2, mul(w.get(k), mean(spread) { DataSet.Row row -> row.getY() }))

        when:
        Program.compile(nested, layout())

        then:
        IllegalArgumentException e = thrown()
        e.message.contains('cannot be inside another sum')
    }

    def "a partitioned data set reports where it is and refuses what needs its rows in memory"() {
        given:
        DataSet spread = SerializedPartitions.of(data, 3)

        when:
        spread.split(0.8, 1)

        then:
        IllegalArgumentException e = thrown()
        e.message.contains('lives in test partitions, 3 partitions')
        spread.rows() == ROWS
        spread.features() == F
        spread.fields().engine == 'test partitions, 3 partitions'
        spread.toText().endsWith('in test partitions, 3 partitions')
    }

    def "convexity reads the ranges the partitions gathered: logLoss is proved convex as in memory, and a column's sign decides"() {
        given: 'logLoss(z, y) = y·softplus(−z) + (1 − y)·softplus(z) is convex in z only for y in [0, 1]; the rows are not on the driver'
        DataSet spread = SerializedPartitions.of(data, 3)
        Closure<Expr> logLoss = { DataSet d -> mean(d) { DataSet.Row row ->
            org.gradus.atoms.Losses.logLoss(add(dotOf(w, row.getX()), b), row.getY()) } }
        and: 'f0 takes both signs (Gaussian), so f0·b² is neither convex nor concave; f0² ≥ 0 makes f0²·b² convex'
        Closure<Expr> scaled = { DataSet d, boolean squared -> mean(d) { DataSet.Row row ->
            Expr c = row.getAt('f0')
            mul(squared ? mul(c, c) : c, mul(b, b)) } }

        expect:
        org.gradus.analysis.Convexity.analyze(logLoss(data), null).verdict() == 'convex'
        org.gradus.analysis.Convexity.analyze(logLoss(spread), null).verdict() == 'convex'
        org.gradus.analysis.Convexity.analyze(logLoss(spread), null).certainty() == 'proof'
        org.gradus.analysis.Convexity.analyze(scaled(spread, true), null).verdict() == 'convex'
        org.gradus.analysis.Convexity.analyze(scaled(spread, false), null).verdict() != 'convex'
    }

    def "column ranges of blocks merge to the ranges of all rows; a NaN or an empty table has none"() {
        given: 'two blocks of 2 rows × 2 features with a target, worked by hand'
        def a = ColumnRanges.of(new RowBlock(2, 2, [1, -3, 2, 5] as double[], [0, 1] as double[]))
        def c = ColumnRanges.of(new RowBlock(2, 2, [-4, 0, 7, 1] as double[], [1, 1] as double[]))
        def all = ColumnRanges.merge(a, c)

        expect:
        all.rows() == 4
        all.feature(0) == [-4, 7] as double[]
        all.feature(1) == [-3, 5] as double[]
        all.allFeatures() == [-4, 7] as double[]
        all.target() == [0, 1] as double[]
        ColumnRanges.of(new RowBlock(1, 1, [Double.NaN] as double[], null)).feature(0) == null
        ColumnRanges.of(new RowBlock(1, 1, [1] as double[], null)).target() == null
        ColumnRanges.of(new RowBlock(0, 2, new double[0], new double[0])).allFeatures() == null
    }
}
