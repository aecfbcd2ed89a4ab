package org.gradus.bench;

import groovy.lang.Binding;
import org.gradus.dsl.GradusSession;
import org.gradus.dsl.ScriptProgram;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cost of the sandbox's run-time guard on script-heavy loops of 10⁵ iterations: every dynamic call,
 * property, operator and script variable of the loop goes through {@code Guard}. Each script runs with the
 * sandbox on and off (the same compiler otherwise); the ratio is the guard's cost. Compilation is outside
 * the measurement (the script is compiled once in setup and re-run, as JSR-223 compiled scripts are).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar SandboxBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SandboxBenchmark {
    static final Map<String, String> SCRIPTS = Map.of(
            "expressions", "x = variable(1)\ny = variable(2)\nfor (i in 0..<100000) { e = x*i + y**2 - 2*x }\n",
            "show", "for (i in 0..<100000) { show(i) }\n",
            "arithmetic", "def s = 0\nfor (i in 0..<100000) { s += i * 2 }\ns\n",
            "scriptVariables", "s = 0\nfor (i = 0; i < 100000; i++) { s = s + i }\n",
            "lists", "def l = []\nfor (i in 0..<100000) { l << i * 0.5 }\nl.size()\n");

    @Param({"expressions", "show", "arithmetic", "scriptVariables", "lists"})
    String loop;

    @Param({"true", "false"})
    boolean sandboxed;

    GradusSession session;
    ScriptProgram program;

    @Setup
    public void compile() {
        session = new GradusSession();
        session.setSandboxed(sandboxed);
        program = session.prepare(SCRIPTS.get(loop), "loop.opt");
    }

    @Benchmark
    public Object run() {
        return session.run(program, new Binding(), Path.of("."));
    }
}
