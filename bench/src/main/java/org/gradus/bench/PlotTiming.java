package org.gradus.bench;

import org.gradus.atoms.Ops;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Variable;
import org.gradus.io.FileAccess;
import org.gradus.io.FilePolicy;
import org.gradus.optim.Minimizer;
import org.gradus.optim.OptimizationResult;
import org.gradus.optim.RunContext;
import org.gradus.plot.Pictures;
import org.gradus.plot.PlotHost;
import org.gradus.plot.Plotter;
import org.gradus.plot.pictures.PlotOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SPEC §6: "a contour plot of a 2-variable function with three paths, 800×600 PNG: ≤ 0.5 s after
 * start-up". In a fresh JVM: three descents of Rosenbrock from (-1.2, 1) (gd, momentum, lbfgs), then the
 * time of the first {@code plot rosen, x: -2..2, y: -1..3, path: [r1, r2, r3], file: ...} (grid by the
 * compiled evaluator, levels, contour lines, paths, legend, colour bar, PNG encoding, atomic write), then
 * of {@code repeats} more. Prints one line: first (cold) and median warm milliseconds, wall-clock and
 * CPU time of the plotting thread (the CPU time is what a loaded machine distorts least).
 *
 * <pre>java -cp bench/target/benchmarks.jar org.gradus.bench.PlotTiming [repeats]</pre>
 */
public final class PlotTiming {
    private PlotTiming() {
    }

    /** The median of all but the first value. */
    private static double median(double[] v) {
        double[] warm = Arrays.copyOfRange(v, 1, v.length);
        Arrays.sort(warm);
        return warm.length == 0 ? Double.NaN : warm[warm.length / 2];
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Variable x = new Variable("x", -1.2, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        Variable y = new Variable("y", 1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        Expr rosen = Ops.add(Ops.pow(Ops.sub(Constant.of(1), x), Constant.of(2)),
                Ops.mul(Constant.of(100), Ops.pow(Ops.sub(y, Ops.pow(x, Constant.of(2))), Constant.of(2))));
        List<Object> runs = new ArrayList<>();
        runs.add(Minimizer.run(rosen, false, Map.of("method", "gd", "lr", 0.001, "maxIter", 2000), List.of(), RunContext.defaults()));
        runs.add(Minimizer.run(rosen, false, Map.of("method", "momentum", "lr", 0.0005, "momentum", 0.9, "maxIter", 2000), List.of(), RunContext.defaults()));
        runs.add(Minimizer.run(rosen, false, Map.of("method", "lbfgs"), List.of(), RunContext.defaults()));
        Path dir = Files.createTempDirectory("gradus-plot-timing");
        FileAccess files = FilePolicy.unrestricted(dir);
        PlotHost host = new PlotHost() {
            public FileAccess files() {
                return files;
            }

            public Screen terminal() {
                return null;
            }

            public String nextDefaultName() {
                return "plot.png";
            }
        };
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] ms = new double[repeats + 1], cpu = new double[repeats + 1];
        for (int k = 0; k <= repeats; k++) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("x", new double[]{-2, 2});
            o.put("y", new double[]{-1, 3});
            o.put("path", runs);
            o.put("file", "rosen-" + k + ".png");
            long t0 = System.nanoTime(), c0 = threads.getCurrentThreadCpuTime();
            PlotOptions opts = new PlotOptions(o);
            Plotter.show(Pictures.figure(List.of(rosen), opts), opts, host);
            ms[k] = (System.nanoTime() - t0) / 1e6;
            cpu[k] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        System.out.printf("Gradus plot, Rosenbrock level sets + 3 paths, 800x600 PNG: first %.0f ms wall (%.0f ms CPU of the plotting thread) "
                + "after start-up, warm median %.0f ms wall (%.0f ms CPU)%n", ms[0], cpu[0], median(ms), median(cpu));
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) Files.delete(p);
        }
        Files.delete(dir);
    }
}
