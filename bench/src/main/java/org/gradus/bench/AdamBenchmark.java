package org.gradus.bench;


import org.gradus.optim.Minimizer;
import org.gradus.optim.OptimizationResult;
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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * 10 epochs of Adam, batch 256, on the logistic table (SPEC §6: ≥ 5× torch on CPU, float64,
 * {@code nn.Linear} + {@code BCEWithLogitsLoss}, the same batches; {@code bench/python/adam_logistic_torch.py}),
 * run as a script's {@code minimize loss, method: 'adam', lr: 0.01, batch: 256, epochs: 10, shuffle: true,
 * seed: 7} runs it: the whole minimize, per-epoch full objective included. Divide by 10 × ⌈rows/256⌉ for
 * the time of one step.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar Adam -p rows=1000000}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class AdamBenchmark {
    @Param({"100000", "1000000"})
    public int rows;

    @Param({"10"})
    public int epochs;

    /** How the table stores its numbers: {@code double}, or {@code float} ({@code csv(..., precision: 'float')}). */
    @Param({"double"})
    public String precision;

    private LogisticData d;
    private Map<String, Object> options;

    @Setup
    public void setUp() {
        d = new LogisticData(rows, 100, precision == null ? "double" : precision);
        options = new LinkedHashMap<>();
        options.put("method", "adam");
        options.put("lr", 0.01);
        options.put("batch", 256);
        options.put("epochs", epochs);
        options.put("shuffle", true);
        options.put("seed", 7);
        LogisticPassBenchmark.awaitVectorUnit();
    }

    @Benchmark
    public OptimizationResult adam() {
        return Minimizer.run(d.loss, false, options, null, null);
    }

    /** Without JMH: {@code java -cp benchmarks.jar org.gradus.bench.AdamBenchmark ROWS [EPOCHS [PRECISION]]}; prints µs per step. */
    public static void main(String[] args) {
        AdamBenchmark b = new AdamBenchmark();
        b.rows = Integer.parseInt(args[0]);
        b.epochs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        b.precision = args.length > 2 ? args[2] : "double";
        b.setUp();
        long steps = (long) b.epochs * ((b.rows + 255) / 256);
        for (int rep = 0; rep < Integer.getInteger("reps", 4); rep++) {
            long t0 = System.nanoTime();
            OptimizationResult r = b.adam();
            double ms = (System.nanoTime() - t0) / 1e6;
            System.out.printf("%d epochs: %.0f ms, %.1f µs per step, f = %s, %s%n", b.epochs, ms, ms * 1e3 / steps, r.value(), r.evaluations());
        }
    }
}
