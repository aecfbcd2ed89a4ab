// Gradient passes per second of the mean logistic loss over a Parquet table, in this process or on Spark.
// Run by bench/spark/run.sh (which puts gradus.jar, the spark module and Spark's jars on the class path):
//   passes.groovy write  ROWS FEATURES FILE        writes the table with Spark itself (seeded rand(), randn())
//   passes.groovy memory FILE PASSES               reads it into memory; passes of the in-process kernel
//   passes.groovy spark  FILE PASSES MASTER PARTS  rows cached on Spark; passes as MLlib does them, and
//                                                  Spark's per-pass overhead (the same job over 1 row per partition);
//                                                  PARTS 'auto': the partitions Spark read (only rows of chunks that
//                                                  straddle two of them move)
//   passes.groovy profile FILE PASSES MASTER PARTS where a Spark pass's time goes: per pass, from Spark's own task
//                                                  metrics (a SparkListener): stages, task deserialization, run,
//                                                  result serialization, scheduling, and the driver's share
import org.apache.spark.sql.functions
import org.gradus.atoms.*
import org.gradus.data.*
import org.gradus.eval.CompiledFunction
import org.gradus.expr.*
import org.gradus.spark.SparkSessions
import org.gradus.spark.SparkTableReader

import java.util.function.Function

import static org.gradus.atoms.Ops.*

static Expr logistic(DataSet d, VectorVariable w) {
    d.mean({ DataSet.Row row ->
        Expr z = new VectorFunction(Dot.INSTANCE, [w, row.getX()])
        sub(apply(Softplus.INSTANCE, z), mul(row.getY(), z))
    } as Function, { it as Expr } as Function)
}

/** The partitions asked for: a number, or null ('auto') for the partitions Spark read. */
static Integer partitions(String arg) { arg == 'auto' ? null : arg as Integer }

/** The partitions a data set on Spark has, from where it says it is ("spark local[2], 64 partitions"). */
static int partitionsOf(DataSet d) { (d.fields().engine =~ /(\d+) partitions?$/)[0][1] as int }

/** Median seconds of one value+gradient pass, after warm-up passes. */
static double median(DataSet d, int passes) {
    VectorVariable w = new VectorVariable('w', d.features(), 0.0)
    CompiledFunction f = new CompiledFunction(logistic(d, w), new Layout([w]))
    double[] x = new double[d.features()]
    for (int i = 0; i < x.length; i++) x[i] = 0.01 * ((i % 7) - 3)
    double[] g = new double[x.length]
    for (int i = 0; i < 3; i++) f.valueAndGradient(x, g)
    List<Double> t = []
    for (int i = 0; i < passes; i++) {
        x[0] += 1e-9                                     // a new point each pass (no reuse of the last result)
        long t0 = System.nanoTime()
        f.valueAndGradient(x, g)
        t << (System.nanoTime() - t0) / 1e9d
    }
    t.sort()[t.size().intdiv(2)]
}

String mode = args[0]
if (mode == 'write') {
    long rows = args[1] as long
    int features = args[2] as int
    def spark = SparkSessions.on('local[2]')
    def df = spark.range(rows)
    def cols = (0..<features).collect { functions.randn(1000L + it).as("f$it") }
    def z = (0..<features).collect { functions.col("f$it").multiply(((it % 5) - 2) * 0.3d) }.inject { a, b -> a.plus(b) }
    df = df.select(cols as org.apache.spark.sql.Column[]).withColumn('y', functions.when(functions.rand(7L).lt(
            functions.lit(1d).divide(functions.lit(1d).plus(functions.exp(z.multiply(-1d))))), 1d).otherwise(0d))
    df.write().mode('overwrite').parquet(args[3])
    SparkSessions.stop()
    println "wrote $rows rows × $features features to ${args[3]}"
} else if (mode == 'memory') {
    long t0 = System.nanoTime()
    DataSet d = new SparkTableReader().read(new TableRequest('parquet', args[1], 'table', 'y', null, null))
    printf('in-process kernel: read %d rows into memory in %.1f s%n', d.rows(), (System.nanoTime() - t0) / 1e9d)
    SparkSessions.stop()                                 // the rows are in memory now: nothing of Spark runs
    double s = median(d, args[2] as int)
    printf('in-process kernel: %d rows × %d features, median %.4f s per value+gradient pass, %.2f passes/s, %.1f M rows/s%n',
            d.rows(), d.features(), s, 1 / s, d.rows() / s / 1e6)
} else if (mode == 'profile') {
    String master = args[3]
    DataSet d = new SparkTableReader().read(new TableRequest('parquet', args[1], 'table', 'y', master, partitions(args[4])))
    int parts = partitionsOf(d)
    def spark = SparkSessions.on(master)
    def listener = new PassListener()
    spark.sparkContext().addSparkListener(listener)
    VectorVariable w = new VectorVariable('w', d.features(), 0.0)
    CompiledFunction f = new CompiledFunction(logistic(d, w), new Layout([w]))
    double[] x = new double[d.features()]
    double[] g = new double[x.length]
    for (int i = 0; i < 3; i++) { x[0] += 1e-9; f.valueAndGradient(x, g) }
    int passes = args[2] as int
    List<Map> rows = []
    for (int i = 0; i < passes; i++) {
        listener.reset()
        x[0] += 1e-9
        long t0 = System.nanoTime()
        f.valueAndGradient(x, g)
        double wall = (System.nanoTime() - t0) / 1e6d
        Thread.sleep(50)                                 // let the listener bus deliver the last events
        rows << listener.summary(wall)
    }
    def med = { String k -> rows.collect { it[k] as double }.sort()[rows.size().intdiv(2)] }
    printf('profile %s, %d partitions, %d rows × %d features, median of %d passes (ms):%n', master, parts, d.rows(), d.features(), passes)
    for (String k : ['wall', 'jobs', 'stages', 'tasks', 'deserialize', 'run', 'resultSerialize', 'gc', 'taskWall', 'resultKB', 'driverOther']) {
        printf('  %-16s %8.2f%n', k, med(k))
    }
    println '  (deserialize/run/resultSerialize/gc/taskWall: summed over the pass\'s tasks, which run 2 at a time;'
    println '   driverOther: wall − the stages\' own spans: job submission, broadcast, the driver\'s combine)'
    SparkSessions.stop()
} else if (mode == 'spark') {
    String master = args[3]
    long t0 = System.nanoTime()
    DataSet d = new SparkTableReader().read(new TableRequest('parquet', args[1], 'table', 'y', master, partitions(args[4])))
    int parts = partitionsOf(d)
    printf('spark %s: read and cached %d rows in %d partitions in %.1f s (parameters sent %s)%n', master, d.rows(), parts,
            (System.nanoTime() - t0) / 1e9d, System.getProperty('gradus.spark.parameters', 'in the task up to 8192 doubles, else broadcast'))
    double s = median(d, args[2] as int)
    printf('spark %s, %d partitions: %d rows × %d features, median %.4f s per pass, %.2f passes/s, %.1f M rows/s%n',
            master, parts, d.rows(), d.features(), s, 1 / s, d.rows() / s / 1e6)
    // the overhead of a pass itself (job scheduling, broadcast of the parameters, task launch, treeAggregate, destroy):
    // the same pass over the same number of partitions holding one row each
    def spark = SparkSessions.on(master)
    String tiny = args[1] + '.overhead'
    spark.read().parquet(args[1]).limit(parts).write().mode('overwrite').parquet(tiny)
    DataSet t = new SparkTableReader().read(new TableRequest('parquet', tiny, 'tiny', 'y', master, parts))
    double o = median(t, Math.max(20, args[2] as int))
    printf('spark per-pass overhead (%d partitions of 1 row, %d parameters broadcast): median %.4f s%n', parts, d.features(), o)
    SparkSessions.stop()
}

/** Spark's task metrics of the passes, summed per pass. */
class PassListener extends org.apache.spark.scheduler.SparkListener {
    final Map<String, Double> sums = [:].withDefault { 0d }
    long stageSpan

    synchronized void reset() { sums.clear(); stageSpan = 0 }

    @Override
    synchronized void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart e) { sums.jobs += 1 }

    @Override
    synchronized void onStageCompleted(org.apache.spark.scheduler.SparkListenerStageCompleted e) {
        def info = e.stageInfo()
        sums.stages += 1
        if (info.submissionTime().isDefined() && info.completionTime().isDefined()) {
            stageSpan += (info.completionTime().get() as long) - (info.submissionTime().get() as long)
        }
    }

    @Override
    synchronized void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd e) {
        def m = e.taskMetrics()
        sums.tasks += 1
        sums.deserialize += m.executorDeserializeTime()
        sums.run += m.executorRunTime()
        sums.resultSerialize += m.resultSerializationTime()
        sums.gc += m.jvmGCTime()
        sums.resultKB += m.resultSize() / 1024d
        sums.taskWall += e.taskInfo().duration()
    }

    synchronized Map summary(double wall) {
        Map out = new LinkedHashMap(sums)
        out.wall = wall
        out.driverOther = wall - stageSpan
        out
    }
}
