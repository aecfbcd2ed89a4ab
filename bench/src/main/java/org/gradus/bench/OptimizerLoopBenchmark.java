package org.gradus.bench;

import org.gradus.eval.CompiledFunction;
import org.gradus.expr.VectorVariable;
import org.gradus.optim.Descent;
import org.gradus.optim.Objective;
import org.gradus.optim.Status;
import org.gradus.optim.method.Method;
import org.gradus.optim.method.MethodOptions;
import org.gradus.optim.method.MethodSpec;
import org.gradus.optim.method.Optimizers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the optimizer loop costs beside the function it minimizes (issue 9: "the optimizer loop costs
 * less than the function"). Extended Rosenbrock at n = 10⁶ from (−1.2, 1, …), each method run by the
 * engine's own loop ({@link Descent#run}) with no stopping test that can end it early. {@code iteration}
 * is the time of one iteration of a run of {@value #ITERATIONS}, evaluations and the run's set-up
 * included; {@code valueAndGradient} is one evaluation alone. Each invocation also makes a run of
 * {@value #SHORT} iterations, so that the report can tell the loop's cost per iteration from the run's
 * set-up (the buffers of the iterate and of the method, the final result): at the end of each measured
 * iteration it prints the loop's own time per iteration — the difference between the long and the short
 * run, less the time spent inside the objective (clocked around each evaluation), over the difference in
 * iterations — its ratio to one value + gradient (the target for first-order methods: ≤ 0.5), and the
 * set-up of one run.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar OptimizerLoop}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class OptimizerLoopBenchmark {
    static final int ITERATIONS = 20;
    static final int SHORT = 2;

    @Param({"gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "fista", "cg", "lbfgs"})
    public String method;

    @Param({"1000000"})
    public int n;

    private TimedObjective objective;
    private MethodSpec spec;
    private MethodOptions options;
    private double[] x0;
    private double[] g;
    private Descent.Limits limits;
    private Descent.Limits shortLimits;
    private final Clock full = new Clock();
    private final Clock brief = new Clock();

    /** Time, evaluations and iterations summed over runs of one length. */
    static final class Clock {
        long loopNanos;
        long evaluationNanos;
        long evaluations;
        long iterations;
        long runs;

        void reset() {
            loopNanos = evaluationNanos = evaluations = iterations = runs = 0;
        }
    }

    @Setup(Level.Trial)
    public void setup() {
        CompiledFunction f = new CompiledFunction(RosenbrockBenchmark.rosenbrock(new VectorVariable("x", n, 0.0), n));
        objective = new TimedObjective(f, n);
        x0 = RosenbrockBenchmark.start(n);
        g = new double[n];
        spec = Optimizers.get(method);
        Map<String, Object> given = new HashMap<>();
        if (spec.option("lr") != null) given.put("lr", 1e-4);   // stable on Rosenbrock's start (L ≈ 1330) for every method
        options = new MethodOptions(spec, given, null);
        // tol −1 and ftol 0: only maxIter ends the run
        limits = new Descent.Limits(ITERATIONS, -1, 0, Long.MAX_VALUE, Double.NaN);
        shortLimits = new Descent.Limits(SHORT, -1, 0, Long.MAX_VALUE, Double.NaN);
        Descent.Outcome o = Descent.run(spec.create(options), objective, x0, limits, null, null, 1);
        if (o.iterations() != ITERATIONS || o.status() != Status.MAX_ITERATIONS) {
            throw new IllegalStateException(method + " ended after " + o.iterations() + " iterations: " + o.status() + ", " + o.message());
        }
    }

    @Setup(Level.Iteration)
    public void resetClocks() {
        full.reset();
        brief.reset();
    }

    @Benchmark
    @OperationsPerInvocation(ITERATIONS)
    public double iteration() {
        double f = run(limits, full);
        return f + run(shortLimits, brief);
    }

    private double run(Descent.Limits lim, Clock clock) {
        Method m = spec.create(options);
        long e0 = objective.nanos, c0 = objective.calls;
        long t0 = System.nanoTime();
        Descent.Outcome o = Descent.run(m, objective, x0, lim, null, null, 1);
        clock.loopNanos += System.nanoTime() - t0;
        clock.evaluationNanos += objective.nanos - e0;
        clock.evaluations += objective.calls - c0;
        clock.iterations += o.iterations();
        clock.runs++;
        return o.f();
    }

    @Benchmark
    public double valueAndGradient() {
        return objective.valueAndGradient(x0, g);
    }

    /** This measurement iteration's split of one optimizer iteration (JMH iteration, not optimizer iteration). */
    @TearDown(Level.Iteration)
    public void report() {
        if (full.runs == 0 || full.iterations == brief.iterations) return;
        double outsideLong = (full.loopNanos - full.evaluationNanos) / 1e6 / full.runs;
        double outsideShort = (brief.loopNanos - brief.evaluationNanos) / 1e6 / brief.runs;
        double perRunIterations = (double) full.iterations / full.runs - (double) brief.iterations / brief.runs;
        double overhead = (outsideLong - outsideShort) / perRunIterations;
        double setup = outsideShort - SHORT * overhead;
        double evaluation = full.evaluationNanos / 1e6 / full.evaluations;
        System.out.printf("%n# loop overhead %s n=%d: %.3f ms per iteration outside the function; overhead / (value+gradient) = %.2f;"
                        + " %.2f evaluations per iteration of %.3f ms each; set-up of one run %.3f ms%n",
                method, n, overhead, overhead / evaluation, (double) full.evaluations / full.iterations, evaluation, setup);
    }

    /** The compiled function, clocked around each evaluation; no bounds. */
    static final class TimedObjective extends Objective {
        private final CompiledFunction f;
        long nanos;
        long calls;

        TimedObjective(CompiledFunction f, int n) {
            super(filled(n, Double.NEGATIVE_INFINITY), filled(n, Double.POSITIVE_INFINITY));
            this.f = f;
        }

        private static double[] filled(int n, double v) {
            double[] a = new double[n];
            Arrays.fill(a, v);
            return a;
        }

        @Override
        public double value(double[] x) {
            long t = System.nanoTime();
            double v = f.value(x);
            nanos += System.nanoTime() - t;
            calls++;
            return v;
        }

        @Override
        public double valueAndGradient(double[] x, double[] grad) {
            long t = System.nanoTime();
            double v = f.valueAndGradient(x, grad);
            nanos += System.nanoTime() - t;
            calls++;
            return v;
        }
    }
}
