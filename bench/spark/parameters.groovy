// The parameters of a pass inside each task against a broadcast every pass (MLlib's way): the same data set,
// the same JVM, the two ways alternated in rounds (gradus.spark.parameters is read at every pass), so that
// the machine's load falls on both alike. Run by bench/spark/run.sh:
//   parameters.groovy FILE MASTER PARTS ROUNDS PASSES    medians per round, then the median of the rounds
import org.gradus.atoms.*
import org.gradus.data.*
import org.gradus.eval.CompiledFunction
import org.gradus.expr.*
import org.gradus.spark.SparkSessions
import org.gradus.spark.SparkTableReader

import java.util.function.Function

import static org.gradus.atoms.Ops.*

DataSet d = new SparkTableReader().read(new TableRequest('parquet', args[0], 'table', 'y', args[1], args[2] == 'auto' ? null : args[2] as Integer))
VectorVariable w = new VectorVariable('w', d.features(), 0.0)
Expr loss = d.mean({ DataSet.Row row ->
    Expr z = new VectorFunction(Dot.INSTANCE, [w, row.getX()])
    sub(apply(Softplus.INSTANCE, z), mul(row.getY(), z))
} as Function, { it as Expr } as Function)
CompiledFunction f = new CompiledFunction(loss, new Layout([w]))
double[] x = new double[d.features()]
double[] g = new double[x.length]
int rounds = args[3] as int, passes = args[4] as int
Map<String, List<Double>> medians = [task: [], broadcast: []]
for (int r = 0; r <= rounds; r++) {
    for (String how : (r % 2 == 0 ? ['task', 'broadcast'] : ['broadcast', 'task'])) {
        System.setProperty('gradus.spark.parameters', how)
        List<Double> t = []
        for (int i = 0; i < passes; i++) {
            x[0] += 1e-9                                 // a new point each pass
            long t0 = System.nanoTime()
            f.valueAndGradient(x, g)
            t << (System.nanoTime() - t0) / 1e6d
        }
        if (r > 0) medians[how] << t.sort()[t.size().intdiv(2)]   // round 0 warms both up
    }
}
def med = { List<Double> l -> l.sort(false)[l.size().intdiv(2)] }
printf('%s, %d rows × %d features, %s: %d parameters; median ms per pass over %d rounds of %d passes:%n', args[1], d.rows(), d.features(),
        d.fields().engine, x.length, rounds, passes)
printf('  in each task  %.1f   (rounds: %s)%n', med(medians.task), medians.task.collect { String.format('%.1f', it) }.join(' '))
printf('  broadcast     %.1f   (rounds: %s)%n', med(medians.broadcast), medians.broadcast.collect { String.format('%.1f', it) }.join(' '))
SparkSessions.stop()
