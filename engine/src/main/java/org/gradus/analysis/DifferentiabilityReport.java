package org.gradus.analysis;

import org.gradus.expr.Expr;
import org.gradus.expr.PointArgs;
import org.gradus.print.Numbers;
import org.gradus.result.Shown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The answer of {@link Differentiability#check}; JSON kind "differentiability". */
public final class DifferentiabilityReport implements Shown {
    private final Expr f;
    private final Map<String, Object> fields;

    DifferentiabilityReport(Expr f, Map<String, Object> fields) {
        this.f = f;
        this.fields = fields;
    }

    /** True or false, or null when not decided. */
    public Boolean continuous() {
        return (Boolean) fields.get("continuous");
    }

    /** True or false, or null when not decided. */
    public Boolean differentiable() {
        return (Boolean) fields.get("differentiable");
    }

    /**
     * How continuity holds or fails: {@code continuous}, {@code undefined}, {@code jump}, {@code unbounded},
     * {@code oscillating}, {@code removable} (limit ≠ value) or {@code unknown}.
     */
    public String continuity() {
        return (String) fields.get("continuity");
    }

    public String reason() {
        return (String) fields.get("reason");
    }

    /** Per coordinate name {lo, hi}: the range of subgradient components at a kink of a convex f, or null. */
    @SuppressWarnings("unchecked")
    public Map<String, double[]> subgradient() {
        return (Map<String, double[]>) fields.get("subgradient");
    }

    @Override
    public String kind() {
        return "differentiability";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : new String[]{"at", "continuous", "differentiable", "reason", "continuity"}) {
            if (fields.containsKey(k)) out.put(k, fields.get(k));
        }
        for (Map.Entry<String, Object> e : fields.entrySet()) out.putIfAbsent(e.getKey(), e.getValue());
        return out;
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder(f.toString()).append(" at ")
                .append(org.gradus.expr.PointArgs.format(f.layout(), f.layout().fromNames(PointArgs2.cast(fields.get("at")), null)))
                .append(": ").append(word(continuous(), "continuous")).append(", ")
                .append(word(differentiable(), "differentiable")).append("\n  ").append(reason());
        Map<String, double[]> sub = subgradient();
        if (sub != null) {
            List<String> ranges = new ArrayList<>();
            for (Map.Entry<String, double[]> e : sub.entrySet()) {
                ranges.add(e.getKey() + " ∈ [" + Numbers.round(e.getValue()[0], 8) + ", " + Numbers.round(e.getValue()[1], 8) + "]");
            }
            sb.append("\n  subgradient: ").append(String.join(", ", ranges));
            // each component's range: for max(x, y) at (1, 1) the subdifferential is the segment from (1, 0) to (0, 1), not the whole box
            if (ranges.size() > 1) sb.append(" (the range of each component: the subdifferential lies inside this box)");
        }
        return sb.toString();
    }

    private static String word(Boolean b, String w) {
        return b == null ? w + "?" : b ? w : "not " + w;
    }

    private static final class PointArgs2 {
        @SuppressWarnings("unchecked")
        static Map<String, ?> cast(Object o) {
            return (Map<String, ?>) o;
        }
    }

    @Override
    public String toString() {
        return toText();
    }
}
