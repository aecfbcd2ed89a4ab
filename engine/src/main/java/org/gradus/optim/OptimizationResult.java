package org.gradus.optim;

import org.gradus.expr.Layout;
import org.gradus.expr.PointArgs;
import org.gradus.print.Numbers;
import org.gradus.result.Shown;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code minimize}/{@code maximize} (SPEC §3), and the one place it is formatted, as text
 * (Optim.jl's layout) and as JSON. JSON fields in SPEC order — method (resolved), status, x, f (the
 * objective's own value, also when maximizing), gradNorm, iterations, evaluations {f, gradient, hessian
 * [, hessianVector]}, seconds, message; with constraints: constraints [{text, value, violation,
 * multiplier}] and maxViolation; then auto (why auto picked the method), settings (the parameters in
 * force), convergence (each measure against its limit), restarts, trace (with {@code trace: true}) or
 * traceFile (once written), and problem ({@code convex}: true when the problem is proved convex, else null;
 * {@code reason}) once the caller attached it ({@link #withProblem}).
 */
public final class OptimizationResult implements Shown {
    private final Report r;
    private final Map<String, Object> problem;

    OptimizationResult(Report report) {
        this(report, null);
    }

    private OptimizationResult(Report report, Map<String, Object> problem) {
        this.r = report;
        this.problem = problem;
    }

    /**
     * This result with whether the problem solved is convex ({@code convex}: true or null, {@code reason}),
     * as the analysis layer decides it (it sits above this package).
     */
    public OptimizationResult withProblem(Map<String, Object> convexity) {
        return new OptimizationResult(r, convexity == null ? null : new LinkedHashMap<>(convexity));
    }

    /** {@code convex} (true, or null when not proved) and {@code reason}; null when not analysed. */
    public Map<String, Object> problem() {
        return problem == null ? null : new LinkedHashMap<>(problem);
    }

    @Override
    public String kind() {
        return r.maximize() ? "maximize" : "minimize";
    }

    /** The resolved method name (never auto). */
    public String method() {
        return r.method();
    }

    public Status status() {
        return r.status();
    }

    /** The solution as a flat point in layout order. */
    public double[] point() {
        return r.point().clone();
    }

    public Layout layout() {
        return r.layout();
    }

    /** f at the solution (the objective's own value). */
    public double value() {
        return r.f();
    }

    /** The solution by variable name (vectors as double[]). */
    public Map<String, Object> x() {
        return r.layout().toMap(r.point());
    }

    /** The stationarity measure at the solution (see {@link #measureName()}). */
    public double gradNorm() {
        return r.gradNorm();
    }

    /** What {@link #gradNorm()} measures, e.g. {@code |∇f|∞}. */
    public String measureName() {
        return r.measureName();
    }

    public int iterations() {
        return r.iterations();
    }

    public String message() {
        return r.message();
    }

    /** Wall-clock seconds of the whole call. */
    public double seconds() {
        return r.seconds();
    }

    /** The work counters. */
    public Evaluations evaluations() {
        return r.evaluations();
    }

    /** Every constraint at the solution; null without constraints. */
    public List<ConstraintRow> constraints() {
        return r.constraints();
    }

    public double maxViolation() {
        return r.maxViolation();
    }

    /** Why {@code auto} picked the method; null when the script named it. */
    public String autoReason() {
        return r.auto();
    }

    /** The stopping tests against their limits. */
    public List<ConvergenceMeasure> convergence() {
        return r.convergence();
    }

    /** What {@code restarts} found; null for a single run. */
    public RestartSummary restarts() {
        return r.restarts();
    }

    /**
     * The recorded iterates of the run that gave this result: every iterate with {@code trace:}, else a
     * thinned path for problems of at most {@link Trace#KEPT_DIMENSION} variables; null when none was
     * kept (larger problems, and constrained problems, without {@code trace:}).
     */
    public Trace trace() {
        return r.trace();
    }

    /** The file name the script gave {@code trace:}, for the caller to write (see {@link TraceFiles}); else null. */
    public String traceFileName() {
        return r.traceFileName();
    }

    /** This result, saying the trace was written to {@code file}. */
    public OptimizationResult withTraceFile(Path file) {
        return new OptimizationResult(r.withTraceFile(file), problem);
    }

    /**
     * This result with the restarts' distinct end points classified by the second-derivative test, one
     * type each in the order of {@link RestartSummary#minima()} (the analysis layer decides them).
     */
    public OptimizationResult withEndPointTypes(List<String> types) {
        String wanted = r.maximize() ? "maximum" : "minimum";
        return new OptimizationResult(r.withRestarts(r.restarts().classified(types, wanted)), problem);
    }

    /** Where the data reductions ran when not in this process ({@code spark local[2], 8 partitions}); else null. */
    public String engine() {
        return r.engine();
    }

    /** The fields after message (engine, auto, settings, convergence, restarts, trace / traceFile), as in JSON. */
    public Map<String, Object> extras() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r.engine() != null) m.put("engine", r.engine());
        if (r.auto() != null) m.put("auto", r.auto());
        m.put("settings", r.settings());
        m.put("convergence", convergenceLines());
        if (r.restarts() != null) m.put("restarts", r.restarts().json(r.layout()));
        if (r.traceFile() != null) m.put("traceFile", r.traceFile().toString());
        else if (r.traceRows() && r.trace() != null) m.put("trace", r.trace().rows());
        if (problem != null) m.put("problem", problem);
        return m;
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", r.method());
        m.put("status", r.status().text());
        m.put("x", x());
        m.put("f", r.f());
        m.put("gradNorm", r.gradNorm());
        m.put("iterations", r.iterations());
        m.put("evaluations", r.evaluations().json());
        m.put("seconds", r.seconds());
        m.put("message", r.message());
        if (r.constraints() != null) {
            m.put("constraints", r.constraints().stream().map(ConstraintRow::json).toList());
            m.put("maxViolation", r.maxViolation());
        }
        m.putAll(extras());
        return m;
    }

    /** Optim.jl's layout: status and reason, solution, method, convergence measures, work counters. */
    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(kind()).append(": ").append(r.status().text()).append(" — ").append(r.message()).append('\n');
        line(sb, "x", PointArgs.format(r.layout(), r.point()) + (r.status() == Status.DIVERGED ? "  (the best point seen before it diverged)" : ""));
        line(sb, "f", Numbers.round(r.f(), 10));
        line(sb, "method", r.method() + " (" + r.settings() + ")");
        if (r.engine() != null) line(sb, "engine", r.engine());
        if (r.auto() != null) line(sb, "auto", r.auto());
        lines(sb, "convergence", convergenceLines());
        if (r.constraints() != null) {
            lines(sb, "constraints", constraintLines(r.constraints()));
            line(sb, "", "max violation " + Numbers.round(r.maxViolation(), 3));
        }
        if (r.restarts() != null) lines(sb, "restarts", r.restarts().lines(r.layout()));
        if (problem != null) line(sb, "problem", (Boolean.TRUE.equals(problem.get("convex")) ? "convex — " : "not proved convex — ") + problem.get("reason"));
        if (problem != null && problem.get("secondOrder") instanceof Map<?, ?> test) line(sb, "", "at x: " + test.get("text"));
        line(sb, "work", r.evaluations().text() + "; " + r.iterations() + (r.iterations() == 1 ? " iteration; " : " iterations; ") + Numbers.round(r.seconds(), 3) + " s");
        if (r.traceFile() != null) {
            line(sb, "trace", "written to " + r.traceFile());
        } else if (r.traceRows() && r.trace() != null) {
            line(sb, "trace", r.trace().size() + " records (" + String.join(", ", Trace.COLUMNS) + ", the variables, seconds, evaluations)");
        }
        return sb.toString().stripTrailing();
    }

    private List<String> convergenceLines() {
        List<String> out = new ArrayList<>();
        for (ConvergenceMeasure c : r.convergence()) out.add(c.text());
        if (r.batchNote() != null) out.add(r.batchNote());
        return out;
    }

    private static void lines(StringBuilder sb, String label, List<String> texts) {
        for (int i = 0; i < texts.size(); i++) line(sb, i == 0 ? label : "", texts.get(i));
    }

    private static void line(StringBuilder sb, String label, String text) {
        sb.append("  ").append(label);
        for (int i = label.length(); i < 12; i++) sb.append(' ');
        sb.append(text).append('\n');
    }

    @Override
    public String toString() {
        return toText();
    }

    /** Every constraint's line, or, past {@value #CONSTRAINT_LINES} (w >= 0 of a long vector), the first ones and a count of the rest. */
    private static List<String> constraintLines(List<ConstraintRow> rows) {
        if (rows.size() <= CONSTRAINT_LINES + 2) return rows.stream().map(ConstraintRow::line).toList();
        List<String> out = new ArrayList<>(rows.subList(0, CONSTRAINT_LINES).stream().map(ConstraintRow::line).toList());
        List<ConstraintRow> rest = rows.subList(CONSTRAINT_LINES, rows.size());
        long bound = rest.stream().filter(c -> c.multiplier() != 0).count(), violated = rest.stream().filter(c -> c.violation() > 0).count();
        out.add("… " + rest.size() + " more: " + bound + " with a nonzero multiplier, " + (violated == 0 ? "none" : String.valueOf(violated))
                + " violated (r.constraints lists every one)");
        return out;
    }

    private static final int CONSTRAINT_LINES = 8;
}
