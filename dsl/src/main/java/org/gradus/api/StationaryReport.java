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
}
