package org.gradus.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The points where ∇f = 0 found by {@code stationary(f, over: [...])} (JSON kind {@code stationary}), classified. */
public final class StationaryReport extends Result {
    /**
     * One stationary point: where, f there, its type ({@code minimum}, {@code maximum}, {@code saddle},
     * {@code degenerate}) and the Hessian's eigenvalues there (ascending).
     */
    public record StationaryPoint(Point at, double f, String type, double[] eigenvalues) {
    }

    /**
     * An interval where f′ is identically 0 (f constant there): its ends (infinite where it runs on), how it is
     * written ({@code (-1, 1)}, {@code (-∞, 0]}), f there, its type ({@code minimum}, {@code maximum} or {@code flat})
     * and why.
     */
    public record StationaryInterval(double from, double to, String set, double f, String type, String note) {
    }

    /**
     * A kink: where f is continuous but has no derivative (no gradient), f there, its type ({@code minimum},
     * {@code maximum}, {@code neither}, or {@code degenerate} where nothing decides it); for one variable its slopes from
     * the left and from the right (±∞ at a cusp; {@code note} null), for several the proof of its type in {@code note}
     * ({@code left} and {@code right} NaN).
     */
    public record Kink(Point at, double f, String type, double left, double right, String note) {
    }

    StationaryReport(Record record) {
        super(record);
    }

    /** The points found, in the engine's order. */
    public List<StationaryPoint> points() {
        if (!(field("points") instanceof List<?> list)) return List.of();
        List<StationaryPoint> out = new ArrayList<>();
        for (Object o : list) {
            Map<?, ?> p = (Map<?, ?>) o;
            out.add(new StationaryPoint(Point.of((Map<?, ?>) p.get("at")), JsonValues.number(p.get("f")),
                    String.valueOf(p.get("type")), JsonValues.numbers(p.get("eigenvalues"))));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The kinks: for one variable every one, left to right; for several those the search met, in coordinate order (empty
     * where f is smooth).
     */
    public List<Kink> kinks() {
        if (!(field("kinks") instanceof List<?> list)) return List.of();
        List<Kink> out = new ArrayList<>();
        for (Object o : list) {
            Map<?, ?> k = (Map<?, ?>) o;
            double[] slopes = JsonValues.numbers(k.get("slopes"));
            boolean one = slopes.length == 2;
            out.add(new Kink(Point.of((Map<?, ?>) k.get("at")), JsonValues.number(k.get("f")), String.valueOf(k.get("type")),
                    one ? slopes[0] : Double.NaN, one ? slopes[1] : Double.NaN, k.get("note") == null ? null : String.valueOf(k.get("note"))));
        }
        return Collections.unmodifiableList(out);
    }

    /** The intervals where f′ is identically 0, left to right (functions of one variable; empty otherwise). */
    public List<StationaryInterval> intervals() {
        if (!(field("intervals") instanceof List<?> list)) return List.of();
        List<StationaryInterval> out = new ArrayList<>();
        for (Object o : list) {
            Map<?, ?> s = (Map<?, ?>) o;
            out.add(new StationaryInterval(JsonValues.number(s.get("from")), JsonValues.number(s.get("to")), String.valueOf(s.get("set")),
                    JsonValues.number(s.get("f")), String.valueOf(s.get("type")), String.valueOf(s.get("note"))));
        }
        return Collections.unmodifiableList(out);
    }
}
