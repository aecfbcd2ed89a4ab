package org.gradus.api;

import java.util.Map;

/**
 * The answer of {@code convexity(f)} or {@code convexity(f, over: [...])} (JSON kind {@code convexity}):
 * the verdict, how certain it is and why, the smoothness {@code L} and strong-convexity modulus {@code mu}
 * on the domain where known, and for {@code neither} a counterexample the engine has checked exactly.
 */
public final class ConvexityReport extends Result {
    /** Two points a, b and a weight t where f(t·a + (1−t)·b) exceeds t·f(a) + (1−t)·f(b) by {@code gap}. */
    public record Counterexample(Point a, Point b, double t, double gap) {
    }

    /**
     * One checked secant of {@link #counterexamples()}: what it refutes ({@code convexity}: the graph lies above
     * the chord, gap &gt; 0; {@code concavity}: below it, gap &lt; 0), the points, the weight, the gap
     * f(t·a + (1−t)·b) − (t·f(a) + (1−t)·f(b)), and where it was found in words (null when not said).
     */
    public record Secant(String refutes, Point a, Point b, double t, double gap, String where) {
    }

    ConvexityReport(Record record) {
        super(record);
    }

    /** The function analysed, as Groovy text. */
    public String expression() {
        return text("expression");
    }

    /** {@code convex}, {@code concave}, {@code linear}, {@code neither} or {@code unknown}. */
    public String verdict() {
        return text("verdict");
    }

    /** True when the verdict is {@code convex} or {@code linear} (proved or by every sample: see {@link #certainty()}). */
    public boolean isConvex() {
        return "convex".equals(verdict()) || "linear".equals(verdict());
    }

    /** Whether the curvature is strict; null when not known. */
    public Boolean strict() {
        return bool("strict");
    }

    /** {@code proof}, {@code counterexample} or {@code sampled}. */
    public String certainty() {
        return text("certainty");
    }

    /** Why, in words. */
    public String reason() {
        return text("reason");
    }

    /** The domain analysed, in words ({@code all of R²}, {@code x ∈ [-1, 1]}). */
    public String domain() {
        return text("domain");
    }

    /** The strong-convexity modulus on the domain (smallest Hessian eigenvalue); NaN when not known. */
    public double mu() {
        return number("mu");
    }

    /** The smoothness constant on the domain (largest Hessian eigenvalue seen); NaN when not known. */
    public double L() {
        return number("L");
    }

    /** The counterexample to convexity for a {@code neither} verdict, or null. */
    public Counterexample counterexample() {
        if (!(field("counterexample") instanceof Map<?, ?> c)) return null;
        return new Counterexample(Point.of((Map<?, ?>) c.get("a")), Point.of((Map<?, ?>) c.get("b")),
                JsonValues.number(c.get("t")), JsonValues.number(c.get("gap")));
    }

    /**
     * Every checked secant (JSON {@code counterexamples}): the witness against convexity and the one against
     * concavity, in that order, each present when found; empty when the verdict had none (a proof, a sample).
     */
    public java.util.List<Secant> counterexamples() {
        if (!(field("counterexamples") instanceof java.util.List<?> list)) return java.util.List.of();
        java.util.List<Secant> out = new java.util.ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> c)) continue;
            out.add(new Secant(String.valueOf(c.get("refutes")), Point.of((Map<?, ?>) c.get("a")), Point.of((Map<?, ?>) c.get("b")),
                    JsonValues.number(c.get("t")), JsonValues.number(c.get("gap")), c.get("where") == null ? null : String.valueOf(c.get("where"))));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /**
     * For the convexity of a constraint set ({@code convexity(constraints { ... })}): each constraint's
     * {@code text}, {@code verdict} and {@code reason}; empty for a function.
     */
    public java.util.List<Map<?, ?>> constraints() {
        if (!(field("constraints") instanceof java.util.List<?> list)) return java.util.List.of();
        java.util.List<Map<?, ?>> out = new java.util.ArrayList<>();
        for (Object o : list) if (o instanceof Map<?, ?> m) out.add(m);
        return java.util.Collections.unmodifiableList(out);
    }
}
