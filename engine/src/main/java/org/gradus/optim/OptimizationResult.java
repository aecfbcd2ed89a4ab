package org.gradus.optim;

import org.gradus.expr.Layout;
import org.gradus.expr.PointArgs;
import org.gradus.print.Numbers;
import org.gradus.result.Shown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code minimize}/{@code maximize} (SPEC §3): fields in SPEC order — method (resolved),
 * status, x, f (the objective's own value, also when maximizing), gradNorm, iterations, evaluations
 * {f, gradient, hessian}, seconds, message; with constraints: constraints [{text, value, violation,
 * multiplier}] and maxViolation; then extras: auto (why auto picked the method), settings (the
 * parameters in force), convergence (each measure against its tolerance), restarts, trace.
 */
public final class OptimizationResult implements Shown {
    private final boolean maximize;
    private final String method;
    private final Status status;
    private final Layout layout;
    private final double[] point;
    private final double value;
    private final double gradNorm;
    private final String gradNormName;
    private final int iterations;
    private final Map<String, Object> evaluations;
    private final double seconds;
    private final String message;
    private final List<Map<String, Object>> constraints;
    private final double maxViolation;
    private final Map<String, Object> extras;
    private final Trace trace;

    OptimizationResult(boolean maximize, String method, Status status, Layout layout, double[] point, double value,
                       double gradNorm, String gradNormName, int iterations, Map<String, Object> evaluations, double seconds,
                       String message, List<Map<String, Object>> constraints, double maxViolation, Map<String, Object> extras, Trace trace) {
        this.maximize = maximize;
        this.method = method;
        this.status = status;
        this.layout = layout;
        this.point = point.clone();
        this.value = value;
        this.gradNorm = gradNorm;
        this.gradNormName = gradNormName;
        this.iterations = iterations;
        this.evaluations = evaluations;
        this.seconds = seconds;
        this.message = message;
        this.constraints = constraints;
        this.maxViolation = maxViolation;
        this.extras = extras;
        this.trace = trace;
    }

    /**
     * The recorded iterates of the run that gave this result: every iterate with {@code trace:}, else a
     * thinned path for problems of at most {@link Trace#KEPT_DIMENSION} variables; null when none was
     * kept (larger problems without {@code trace:}, constrained problems without {@code trace:}).
     */
    public Trace trace() {
        return trace;
    }

    @Override
    public String kind() {
        return maximize ? "maximize" : "minimize";
    }

    /** The resolved method name (never auto). */
    public String method() {
        return method;
    }

    public Status status() {
        return status;
    }

    /** The solution as a flat point in layout order. */
    public double[] point() {
        return point.clone();
    }

    public Layout layout() {
        return layout;
    }

    /** f at the solution (the objective's own value). */
    public double value() {
        return value;
    }

    /** The solution by variable name (vectors as double[]). */
    public Map<String, Object> x() {
        return layout.toMap(point);
    }

    public double gradNorm() {
        return gradNorm;
    }

    public int iterations() {
        return iterations;
    }

    public String message() {
        return message;
    }

    public double seconds() {
        return seconds;
    }

    public Map<String, Object> evaluations() {
        return evaluations;
    }

    /** Null without constraints. */
    public List<Map<String, Object>> constraints() {
        return constraints;
    }

    public double maxViolation() {
        return maxViolation;
    }

    /** Extra fields (auto, settings, convergence, restarts, trace). */
    public Map<String, Object> extras() {
        return extras;
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("status", status.text());
        m.put("x", layout.toMap(point));
        m.put("f", value);
        m.put("gradNorm", gradNorm);
        m.put("iterations", iterations);
        m.put("evaluations", evaluations);
        m.put("seconds", seconds);
        m.put("message", message);
        if (constraints != null) {
            m.put("constraints", constraints);
            m.put("maxViolation", maxViolation);
        }
        m.putAll(extras);
        return m;
    }

    /** Optim.jl's layout: status and reason, solution, method, convergence measures, work counters. */
    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(kind()).append(": ").append(status.text()).append(" — ").append(message).append('\n');
        line(sb, "x", PointArgs.format(layout, point));
        line(sb, "f", Numbers.round(value, 10));
        line(sb, "method", method + (extras.containsKey("settings") ? " (" + extras.get("settings") + ")" : ""));
        if (extras.containsKey("auto")) line(sb, "auto", String.valueOf(extras.get("auto")));
        Object conv = extras.get("convergence");
        if (conv instanceof List<?> l) {
            boolean first = true;
            for (Object o : l) {
                line(sb, first ? "convergence" : "", String.valueOf(o));
                first = false;
            }
        }
        if (constraints != null) {
            boolean first = true;
            for (Map<String, Object> c : constraints) {
                line(sb, first ? "constraints" : "", c.get("text") + ": value " + Numbers.round((Double) c.get("value"), 4)
                        + ", violation " + Numbers.round((Double) c.get("violation"), 3) + ", multiplier " + Numbers.round((Double) c.get("multiplier"), 6));
                first = false;
            }
            line(sb, "", "max violation " + Numbers.round(maxViolation, 3));
        }
        if (extras.get("restarts") instanceof Map<?, ?> r) {
            line(sb, "restarts", r.get("runs") + " descents, " + r.get("distinctMinima") + " distinct minima found");
            if (r.get("minima") instanceof List<?> minima) {
                for (Object o : minima) {
                    if (o instanceof Map<?, ?> mm) {
                        List<String> parts = new ArrayList<>();
                        if (mm.get("x") instanceof Map<?, ?> xm) {
                            for (Map.Entry<?, ?> e : xm.entrySet()) parts.add(e.getKey() + " = " + PointArgs.formatValue(e.getValue()));
                        }
                        line(sb, "", "f = " + Numbers.round(((Number) mm.get("f")).doubleValue(), 8) + " at ("
                                + String.join(", ", parts) + ") (" + mm.get("found") + "×)");
                    }
                }
            }
        }
        StringBuilder work = new StringBuilder();
        work.append("f ").append(evaluations.get("f")).append(", ∇f ").append(evaluations.get("gradient"))
                .append(", ∇²f ").append(evaluations.get("hessian"));
        if (evaluations.containsKey("hessianVector")) work.append(", ∇²f·v ").append(evaluations.get("hessianVector"));
        work.append(" evaluations; ").append(iterations).append(" iterations; ").append(Numbers.round(seconds, 3)).append(" s");
        line(sb, "work", work.toString());
        if (extras.get("trace") instanceof List<?> t && trace != null) {
            line(sb, "trace", t.size() + " records (" + String.join(", ", Trace.COLUMNS) + ", the variables, seconds, evaluations)");
        }
        if (extras.get("traceFile") != null) line(sb, "trace", "written to " + extras.get("traceFile"));
        return sb.toString().stripTrailing();
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

    static List<Map<String, Object>> list() {
        return new ArrayList<>();
    }
}
