package org.gradus.bench;

import java.util.concurrent.TimeUnit;

import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.IndexSymbol;
import org.gradus.atoms.Ops;
import org.gradus.expr.VectorVariable;
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

/**
 * Extended Rosenbrock, f(x) = Σ_{i<n/2} 100·(x[2i+1] − x[2i]²)² + (1 − x[2i])², at the standard start
 * point (−1.2, 1, −1.2, 1, …). The Gradus function is built with the engine exactly as a script's
 * {@code sum(0..<n/2) { i -> 100*(x[2*i+1] - x[2*i]**2)**2 + (1 - x[2*i])**2 }} builds it, and compiled
 * once; the hand-written loops are the same function and gradient in plain Java, the yardstick of SPEC §6.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar Rosenbrock}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RosenbrockBenchmark {
    @Param({"1000000"})
    public int n;

    private CompiledFunction f;
    private double[] x;
    private double[] grad;

    /** The expression a script builds for extended Rosenbrock of dimension n. */
    public static Expr rosenbrock(VectorVariable x, int n) {
        IndexSymbol i = new IndexSymbol("i");
        Expr twoI = Ops.mul(Constant.of(2), i);
        Expr even = x.get(twoI);
        Expr odd = x.get(Ops.add(twoI, Constant.of(1)));
        Expr body = Ops.add(
                Ops.mul(Constant.of(100), Ops.pow(Ops.sub(odd, Ops.pow(even, Constant.of(2))), Constant.of(2))),
                Ops.pow(Ops.sub(Constant.of(1), even), Constant.of(2)));
        return Ops.sum(i, 0, n / 2, body);
    }

    public static double[] start(int n) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) x[k] = k % 2 == 0 ? -1.2 : 1.0;
        return x;
    }

    @Setup
    public void setup() {
        VectorVariable v = new VectorVariable("x", n, 0.0);
        f = new CompiledFunction(rosenbrock(v, n));
        x = start(n);
        grad = new double[n];
    }

    @Benchmark
    public double gradusValue() {
        return f.value(x);
    }

    @Benchmark
    public double gradusValueAndGradient() {
        return f.valueAndGradient(x, grad);
    }

    @Benchmark
    public double handValue() {
        return handValue(x);
    }

    @Benchmark
    public double handValueAndGradient() {
        return handValueAndGradient(x, grad);
    }

    /** The hand-written loop: what a programmer would write for f alone. */
    public static double handValue(double[] x) {
        int m = x.length / 2;
        double s = 0;
        for (int i = 0; i < m; i++) {
            double a = x[2 * i], b = x[2 * i + 1];
            double t = b - a * a, u = 1 - a;
            s += 100 * t * t + u * u;
        }
        return s;
    }

    /** The hand-written value and gradient in one pass. */
    public static double handValueAndGradient(double[] x, double[] g) {
        int m = x.length / 2;
        double s = 0;
        for (int i = 0; i < m; i++) {
            double a = x[2 * i], b = x[2 * i + 1];
            double t = b - a * a, u = 1 - a;
            s += 100 * t * t + u * u;
            g[2 * i] = -400 * t * a - 2 * u;
            g[2 * i + 1] = 200 * t;
        }
        return s;
    }
}
