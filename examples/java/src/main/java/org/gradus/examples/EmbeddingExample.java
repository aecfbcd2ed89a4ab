package org.gradus.examples;

import org.gradus.api.ConvexityReport;
import org.gradus.api.Gradient;
import org.gradus.api.Gradus;
import org.gradus.api.MinimizeResult;
import org.gradus.api.Results;
import org.gradus.api.Session;
import org.gradus.dsl.GradusException;

import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Gradus from Java: run a script file and read its typed results, run script text with parameters, catch
 * a located error, and use the JSR-223 engine. Run it with the path of {@code examples/rosenbrock.opt}
 * (the build does, in {@code mvn verify}). It checks its answers against values worked by hand and ends
 * with an exception if one is wrong.
 */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    public static void main(String[] args) throws ScriptException {
        Path rosenbrock = Path.of(args.length > 0 ? args[0] : "examples/rosenbrock.opt");

        // 1. A session: sandboxed (the default), at most 30 s per run, compiling included.
        Session session = Gradus.session().timeLimit(Duration.ofSeconds(30)).build();

        // 2. A script file: every value it shows comes back typed, in order.
        Results shown = session.run(rosenbrock);
        MinimizeResult lbfgs = shown.first(MinimizeResult.class);
        System.out.printf("%s: %s at x = %.10f, y = %.10f, f = %.3g, %d iterations, %d evaluations of f%n",
                lbfgs.method(), lbfgs.status(), lbfgs.x("x"), lbfgs.x("y"), lbfgs.f(), lbfgs.iterations(),
                lbfgs.evaluations().f());
        check(lbfgs.converged() && near(lbfgs.x("x"), 1, 1e-6) && near(lbfgs.x("y"), 1, 1e-6),
                "Rosenbrock's minimum is (1, 1)");
        System.out.println("as --json writes it: " + lbfgs.toJson().substring(0, 60) + "...");

        // 3. Script text with parameters, defined before the script runs (gradus run --set does the same).
        Session ridge = Gradus.session().parameter("lambda", 0.5).build();
        Results fit = ridge.run("""
                w = variable(0)
                f = (w - 3)**2 + lambda * w**2
                convexity(f)
                minimize f, method: 'lbfgs'
                """);
        ConvexityReport convexity = fit.first(ConvexityReport.class);
        MinimizeResult best = fit.first(MinimizeResult.class);
        System.out.println("convexity: " + convexity.verdict() + " (" + convexity.certainty() + "), L = " + convexity.L());
        // f'(w) = 2(w - 3) + 2·lambda·w = 0  gives  w = 3 / (1 + lambda) = 2
        check(convexity.isConvex() && near(best.x("w"), 2, 1e-8), "the ridge minimum is w = 3 / (1 + lambda) = 2");

        // 4. Errors are located: file, line, column, and the report gradus run prints.
        try {
            session.run("w = variable(1)\nassert w.at(w: 1) > 5\n", "broken.opt");
        } catch (GradusException e) {
            System.out.println("caught at line " + e.line() + ", column " + e.column() + ":\n" + e.report());
            check(e.line() == 2 && e.exitCode() == 1, "the failed assert is on line 2");
        }

        // 5. A script from a stranger: in a JVM of its own with a 256 MB heap, ended at the time limit.
        Session untrusted = Gradus.session().isolate(true).maxMemory("256m").timeLimit(Duration.ofSeconds(60)).build();
        try {
            untrusted.run("x = variable(1)\nhuge = vector(10**9)\n", "greedy.opt");
        } catch (GradusException e) {
            System.out.println("isolated: " + e.report().lines().findFirst().orElse(""));
            check(e.getMessage().equals("the script ran out of its memory limit of 256m"), "the memory limit stops it");
        }

        // 6. JSR-223: eval returns the last statement's value; bindings go in, assignments come back out.
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("gradus");
        engine.put("a", 3.0);
        Object product = engine.eval("b = a * 5\nb");
        Gradient g = (Gradient) engine.eval("x = variable(0)\ngrad(x**2 * a).at(x: 2)");
        System.out.println("eval: " + product + ", b = " + engine.get("b") + ", d(a x²)/dx at 2 = " + g.value().get("x"));
        check(product.equals(15.0) && g.value().get("x") == 12.0, "5a = 15 and 2ax = 12 at x = 2, a = 3");

        // Compiled once, evaluated on different bindings.
        CompiledScript square = ((Compilable) engine).compile("n * n");
        Bindings bindings = engine.createBindings();
        for (int n = 1; n <= 3; n++) {
            bindings.put("n", n);
            System.out.println(n + "² = " + square.eval(bindings));
        }
        System.out.println("embedding example: all checks passed");
    }

    private static boolean near(double a, double b, double tol) {
        return Math.abs(a - b) <= tol;
    }

    private static void check(boolean ok, String what) {
        if (!ok) throw new IllegalStateException("embedding example: expected " + what);
    }
}
