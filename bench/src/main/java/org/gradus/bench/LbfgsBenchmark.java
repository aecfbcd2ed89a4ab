package org.gradus.bench;

import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.IndexSymbol;
import org.gradus.atoms.Ops;
import org.gradus.expr.VectorVariable;
import org.gradus.optim.Minimizer;
import org.gradus.optim.OptimizationResult;
import org.gradus.optim.RunContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * L-BFGS on the extended Rosenbrock function, n = 10⁴ and 10⁵, from (−1.2, 1, −1.2, 1, ...) with
 * tol 1e-6 on the gradient inf-norm (scipy's L-BFGS-B with gtol 1e-6 is the reference, see
 * bench/python/lbfgs_scipy.py and docs/benchmarks-lbfgs.md). {@code solve} is the whole
 * {@code minimize} call (compile, run, report); {@code valueAndGradient} is one evaluation, to split the
 * time between the optimizer and the function. Iterations and evaluations print at tear-down.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar LbfgsBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LbfgsBenchmark {
    @Param({"10000", "100000"})
    int n;

    Expr f;
    CompiledFunction compiled;
    double[] x0;
    double[] g;
    OptimizationResult last;

    /** Σ_{i<n/2} 100(x_{2i+1} − x_{2i}²)² + (1 − x_{2i})², kept as one reduction node. */
    public static Expr extendedRosenbrock(VectorVariable x) {
        IndexSymbol i = new IndexSymbol("i");
        Expr even = x.get(Ops.mul(Constant.of(2), i));
        Expr odd = x.get(Ops.add(Ops.mul(Constant.of(2), i), Constant.of(1)));
        Expr body = Ops.add(Ops.mul(Constant.of(100), Ops.pow(Ops.sub(odd, Ops.pow(even, Constant.of(2))), Constant.of(2))),
                Ops.pow(Ops.sub(Constant.of(1), even), Constant.of(2)));
        return Ops.sum(i, 0, x.size() / 2, body);
    }

    @Setup(Level.Trial)
    public void setup() {
        double[] start = new double[n];
        for (int k = 0; k < n; k++) start[k] = k % 2 == 0 ? -1.2 : 1;
        VectorVariable x = new VectorVariable("x", start, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        f = extendedRosenbrock(x);
        compiled = new CompiledFunction(f);
        x0 = start;
        g = new double[n];
    }

    @Benchmark
    public OptimizationResult solve() {
        last = Minimizer.run(f, false, Map.of("method", "lbfgs", "tol", 1e-6), java.util.List.of(), RunContext.defaults());
        return last;
    }

    @Benchmark
    public double valueAndGradient() {
        return compiled.valueAndGradient(x0, g);
    }

    @TearDown(Level.Trial)
    public void report() {
        if (last != null) {
            System.out.println("\n[n = " + n + "] status " + last.status() + ", iterations " + last.iterations() + ", evaluations "
                    + last.evaluations() + ", f " + last.value() + ", |g|inf " + last.gradNorm());
        }
    }

    /** Quick figures without JMH: {@code java -cp bench/target/benchmarks.jar org.gradus.bench.LbfgsBenchmark [runs]}. */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        for (int size : new int[]{10_000, 100_000}) {
            LbfgsBenchmark b = new LbfgsBenchmark();
            b.n = size;
            b.setup();
            double[] times = new double[runs];
            for (int r = 0; r < runs; r++) {
                long t = System.nanoTime();
                b.solve();
                times[r] = (System.nanoTime() - t) / 1e6;
            }
            double[] evals = new double[runs];
            for (int r = 0; r < runs; r++) {
                long t = System.nanoTime();
                b.valueAndGradient();
                evals[r] = (System.nanoTime() - t) / 1e6;
            }
            java.util.Arrays.sort(times);
            java.util.Arrays.sort(evals);
            System.out.printf("n=%d iterations=%d evaluations=%s f=%.3e |g|inf=%.3e solve ms: median %.1f min %.1f (last half of %d runs); "
                            + "one value+gradient ms: median %.2f%n",
                    size, b.last.iterations(), b.last.evaluations(), b.last.value(), b.last.gradNorm(),
                    times[runs / 2 + runs / 4], times[runs / 2], runs, evals[runs / 2]);
        }
    }
}
