package org.gradus.analysis;

import org.gradus.expr.Expr;
import org.gradus.expr.PointArgs;
import org.gradus.print.Numbers;
import org.gradus.result.Shown;

import java.util.LinkedHashMap;
import java.util.Map;

/** The answer of {@link Differentiability#check}; JSON kind "differentiability". */
public final class DifferentiabilityReport implements Shown {
    private final Expr f;
    private final Map<String, Object> fields;

    DifferentiabilityReport(Expr f, Map<String, Object> fields) {
        this.f = f;
        this.fields = fields;
    }

    public boolean continuous() {
        return (Boolean) fields.get("continuous");
    }

    public boolean differentiable() {
        return (Boolean) fields.get("differentiable");
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
        return new LinkedHashMap<>(fields);
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder(f.toString()).append(" at ")
                .append(org.gradus.expr.PointArgs.format(f.layout(), f.layout().fromNames(PointArgs2.cast(fields.get("at")), null)))
                .append(": ").append(continuous() ? "continuous" : "not continuous").append(", ")
                .append(differentiable() ? "differentiable" : "not differentiable").append("\n  ").append(reason());
        Map<String, double[]> sub = subgradient();
        if (sub != null) {
            sb.append("\n  subgradient:");
            for (Map.Entry<String, double[]> e : sub.entrySet()) {
                sb.append(' ').append(e.getKey()).append(" ∈ [").append(org.gradus.print.Numbers.round(e.getValue()[0], 8)).append(", ")
                        .append(org.gradus.print.Numbers.round(e.getValue()[1], 8)).append(']');
            }
        }
        return sb.toString();
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
