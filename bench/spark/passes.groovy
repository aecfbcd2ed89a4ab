// Gradient passes per second of the mean logistic loss over a Parquet table, in this process or on Spark.
// Run by bench/spark/run.sh (which puts gradus.jar, the spark module and Spark's jars on the class path):
//   passes.groovy write  ROWS FEATURES FILE        writes the table with Spark itself (seeded rand(), randn())
//   passes.groovy memory FILE PASSES               reads it into memory; passes of the in-process kernel
//   passes.groovy spark  FILE PASSES MASTER PARTS  rows cached on Spark; passes as MLlib does them, and
//                                                  Spark's per-pass overhead (the same job over 1 row per partition)
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
    DataSet d = new SparkTableReader().read(new TableRequest('parquet', args[1], 'table', 'y', null, null))
    SparkSessions.stop()                                 // the rows are in memory now: nothing of Spark runs
    double s = median(d, args[2] as int)
    printf('in-process kernel: %d rows × %d features, median %.4f s per value+gradient pass, %.2f passes/s, %.1f M rows/s%n',
            d.rows(), d.features(), s, 1 / s, d.rows() / s / 1e6)
} else if (mode == 'spark') {
    String master = args[3]
    int parts = args[4] as int
    DataSet d = new SparkTableReader().read(new TableRequest('parquet', args[1], 'table', 'y', master, parts))
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
