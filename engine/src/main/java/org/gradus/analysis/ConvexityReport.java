package org.gradus.analysis;

import org.gradus.expr.PointArgs;
import org.gradus.print.Numbers;
import org.gradus.result.Shown;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of {@link Convexity#analyze}: a verdict (convex, concave, linear, neither, unknown), how
 * certain it is (a proof, a checked counterexample, or only sampled), why, and the curvature numbers
 * a learner needs for gradient descent. JSON fields follow SPEC §3 ({@code kind} "convexity").
 */
public final class ConvexityReport implements Shown {
    private final Map<String, Object> fields;

    ConvexityReport(Map<String, Object> fields) {
        this.fields = fields;
    }

    @Override
    public String kind() {
        return "convexity";
    }

    @Override
    public Map<String, Object> fields() {
        return new LinkedHashMap<>(fields);
    }

    /** convex, concave, linear, neither or unknown. */
    public String verdict() {
        return (String) fields.get("verdict");
    }

    /** proof, counterexample or sampled. */
    public String certainty() {
        return (String) fields.get("certainty");
    }

    /** True/false when known, null when not decided. */
    public Boolean strict() {
        return (Boolean) fields.get("strict");
    }

    public String reason() {
        return (String) fields.get("reason");
    }

    public Double mu() {
        return (Double) fields.get("mu");
    }

    public Double L() {
        return (Double) fields.get("L");
    }

    /** The secant refuting convexity ({@code a}, {@code b} point maps, {@code t}, {@code gap} &gt; 0), or null. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> counterexample() {
        return (Map<String, Object>) fields.get("counterexample");
    }

    /** The secant refuting concavity ({@code gap} &lt; 0), or null. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> concavityCounterexample() {
        return (Map<String, Object>) fields.get("concavityCounterexample");
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("convexity of ").append(fields.get("expression")).append(" over ").append(fields.get("domain")).append(": ")
                .append(verdict());
        Boolean strict = strict();
        if (Boolean.TRUE.equals(strict) && !"linear".equals(verdict())) sb.append(" (strictly)");
        sb.append(" — ").append(certainty()).append('\n');
        sb.append("  ").append(reason());
        secant(sb, counterexample(), "the secant lies below the graph");
        secant(sb, concavityCounterexample(), "the secant lies above the graph");
        Object mu = fields.get("mu"), l = fields.get("L");
        if (mu != null || l != null) {
            sb.append("\n  ").append(mu == null ? "" : "mu = " + num(mu)).append(mu != null && l != null ? ", " : "")
                    .append(l == null ? "" : "L = " + num(l));
            if (fields.get("curvatureFrom") != null) sb.append(" (").append(fields.get("curvatureFrom")).append(')');
        }
        if (fields.get("stepSize") != null) {
            sb.append("\n  gradient descent: step size 1/L = ").append(num(fields.get("stepSize")));
            if (fields.get("condition") != null) {
                sb.append(", condition number L/mu = ").append(num(fields.get("condition")))
                        .append(", linear rate 1 - mu/L = ").append(rate(fields.get("rate"), fields.get("condition")));
            }
        }
        if (fields.get("note") != null) sb.append("\n  note: ").append(fields.get("note"));
        return sb.toString();
    }

    private static void secant(StringBuilder sb, Map<String, Object> c, String what) {
        if (c == null) return;
        sb.append("\n  ").append(what).append(": ");
        if (c.get("where") != null) sb.append(c.get("where"));
        else sb.append("a = ").append(point(c.get("a"))).append(", b = ").append(point(c.get("b")));
        sb
                .append(", t = ").append(num(c.get("t"))).append(", f(t·a + (1−t)·b) − (t·f(a) + (1−t)·f(b)) = ").append(num(c.get("gap")));
    }

    private static String point(Object p) {
        if (!(p instanceof Map<?, ?> m)) return String.valueOf(p);
        StringBuilder sb = new StringBuilder("(");
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!first) sb.append(", ");
            first = false;
            sb.append(e.getKey()).append(" = ").append(org.gradus.expr.PointArgs.formatValue(e.getValue()));
        }
        return sb.append(')').toString();
    }

    /** 1 − mu/L, written 1 − mu/L where six digits would round it to 1 (a rate of 1 would mean no progress at all). */
    private static String rate(Object rate, Object condition) {
        String text = num(rate);
        if (!"1".equals(text) || !(condition instanceof Number c) || !Double.isFinite(c.doubleValue())) return text;
        return "1 − " + num(1 / c.doubleValue());
    }

    private static String num(Object v) {
        return v instanceof Number n ? Numbers.round(n.doubleValue(), 6) : String.valueOf(v);
    }

    @Override
    public String toString() {
        return toText();
    }
}
