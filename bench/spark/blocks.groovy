// The per-partition kernel without Spark: the same 10^5 x 100 rows in memory (fused kernel, both cores) and cut
// into 8 RowBlocks summed one after another by the RowKernel on one thread, as executors do. Separates the
// kernel cost from the cost of a Spark pass. Run: java -cp "$(cat spark/target/spark.classpath):repl/target/gradus.jar" groovy.ui.GroovyMain bench/spark/blocks.groovy
import org.gradus.atoms.*
import org.gradus.data.*
import org.gradus.eval.*
import org.gradus.expr.*
import java.util.function.Function
import static org.gradus.atoms.Ops.*
int R = 100000, F = 100
Random rnd = new Random(1)
double[] xs = new double[R*F]; double[] ys = new double[R]
for (int i = 0; i < xs.length; i++) xs[i] = rnd.nextGaussian()
for (int i = 0; i < R; i++) ys[i] = rnd.nextInt(2)
List<String> cols = (0..<F).collect { "f$it".toString() } + ['y']
DataSet mem = new DataSet('m', cols, 'y', R, xs, ys)
int P = 8
long[] counts = new long[P]
for (int r = 0; r < R; r++) counts[Chunks.partitionOf(r, R, P)]++      // whole chunks per block, as the spark module cuts them
def offs = new PartitionOffsets(counts)
List<RowBlock> blocks = (0..<P).collect { p -> int a = offs.first(p), n = offs.count(p); double[] bx = Arrays.copyOfRange(xs, a*F, (a+n)*F); double[] by = Arrays.copyOfRange(ys, a, a+n); new RowBlock(n, F, bx, by) }
def parts = [where: { 'blocks' }, rows: { R }, reduceChunks: { PartitionTask task, double[] x, boolean grad, double seed ->
  ChunkSums tot = ChunkSums.zero(R, x.length, grad)
  blocks.eachWithIndex { b, p -> ChunkSums acc = ChunkSums.zero(R, x.length, grad); task.addChunks(acc, b, offs.first(p), x, seed); tot.merge(acc) }
  tot }] as Partitions
DataSet spread = DataSet.partitioned('s', cols, 'y', parts)
def loss = { DataSet d, VectorVariable w -> d.mean({ DataSet.Row row -> Expr z = new VectorFunction(Dot.INSTANCE, [w, row.getX()]); sub(apply(Softplus.INSTANCE, z), mul(row.getY(), z)) } as Function, { it as Expr } as Function) }
for (DataSet d : [mem, spread, mem, spread]) {
  VectorVariable w = new VectorVariable('w', F, 0.0)
  CompiledFunction f = new CompiledFunction(loss(d, w), new Layout([w]))
  double[] x = new double[F]; for (int i = 0; i < F; i++) x[i] = 0.01 * ((i % 7) - 3)
  double[] g = new double[F]
  for (int i = 0; i < 3; i++) f.valueAndGradient(x, g)
  List<Double> t = []
  for (int i = 0; i < 15; i++) { x[0] += 1e-9; long t0 = System.nanoTime(); f.valueAndGradient(x, g); t << (System.nanoTime() - t0) / 1e6d }
  println "${d.name()} median ms ${t.sort()[7]}"
}
