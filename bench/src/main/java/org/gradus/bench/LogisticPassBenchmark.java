package org.gradus.bench;

import org.gradus.eval.VectorUnit;

import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Layout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One full-batch value + gradient of {@code mean(data) { row -> logLoss(dot(w, row.x) + b, row.y) }}
 * (SPEC §6: 10⁶ × 100 float64, one pass on both cores, ≥ 2× numpy's two BLAS passes, ≥ 75 % of the
 * memory bandwidth), beside {@link #streamSum} — the same bytes summed on the same threads, the
 * bandwidth yardstick. Bytes per pass: rows × features × 8 (4 with {@code precision: 'float'}).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar LogisticPass -p rows=1000000}; on numpy's numbers:
 * {@code python3 bench/make_data.py 1000000 --binary}, then add {@code -p table=bench/data/logit-1000000.f64}
 * (and {@code -jvmArgsAppend -Xmx4g} for 10⁶ rows: the table and the bandwidth yardstick take 1.6 GB).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class LogisticPassBenchmark {
    @Param({"100000", "1000000"})
    public int rows;

    @Param({"100"})
    public int features;

    @Param({"double", "float"})
    public String precision;

    @Param({"2"})
    public int threads;

    /**
     * The binary table {@code bench/make_data.py ROWS --binary} wrote (numpy's reference reads the same
     * file), or empty: the table is made in the JVM.
     */
    @Param({""})
    public String table;

    private LogisticData d;
    private CompiledFunction f;
    private double[] x;
    private double[] grad;

    @Setup
    public void setUp() {
        d = new LogisticData(rows, features, precision, table == null || table.isEmpty() ? null : Path.of(table));
        f = new CompiledFunction(d.loss, new Layout(List.of(d.w, d.b)));
        f.threads(threads);
        awaitVectorUnit();
        x = d.point();
        grad = new double[x.length];
    }

    @Benchmark
    public double valueAndGradient() {
        return f.valueAndGradient(x, grad);
    }

    @Benchmark
    public double value() {
        return f.value(x);
    }

    /** Reads the feature storage once on the same number of threads: the machine's streaming rate here. */
    @Benchmark
    public double streamSum() {
        return Bandwidth.sum(d.stream, threads);
    }

    /** Profiling without JMH: {@code java -cp benchmarks.jar org.gradus.bench.LogisticPassBenchmark ROWS THREADS [PRECISION]}. */
    public static void main(String[] args) {
        LogisticPassBenchmark b = new LogisticPassBenchmark();
        b.rows = Integer.parseInt(args[0]);
        b.features = 100;
        b.threads = Integer.parseInt(args[1]);
        b.precision = args.length > 2 ? args[2] : "double";
        b.setUp();
        for (int rep = 0; rep < 5; rep++) {
            long best = Long.MAX_VALUE, bestSum = Long.MAX_VALUE;
            for (int k = 0; k < 40; k++) {
                long t0 = System.nanoTime();
                b.valueAndGradient();
                long t1 = System.nanoTime();
                b.streamSum();
                long t2 = System.nanoTime();
                best = Math.min(best, t1 - t0);
                bestSum = Math.min(bestSum, t2 - t1);
            }
            System.out.printf("value+gradient %.2f ms, stream sum %.2f ms%n", best / 1e6, bestSum / 1e6);
        }
    }

    /**
     * With {@code --add-modules jdk.incubator.vector} among the fork's JVM options (as the daemon runs), waits
     * until the data passes use the vector unit, so that every measured pass does; nothing otherwise.
     */
    static void awaitVectorUnit() {
        try {
            VectorUnit.awaitWarm(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
