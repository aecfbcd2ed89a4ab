package org.gradus.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code monotonicity(f, over: [x: a..b])} (JSON kind {@code monotonicity}): the maximal
 * intervals on which f increases, decreases or is constant.
 */
public final class MonotonicityResult extends Result {
    /**
     * One interval: its ends and the direction ({@code increasing}, {@code decreasing}, {@code constant}, or
     * {@code unknown} where no proof was found), with the reason.
     */
    public record Interval(double from, double to, String direction, String reason) {
    }

    MonotonicityResult(Record record) {
        super(record);
    }

    /** The function, as Groovy text. */
    public String expression() {
        return text("expression");
    }

    /** The intervals, left to right. */
    public List<Interval> intervals() {
        if (!(field("intervals") instanceof List<?> list)) return List.of();
        List<Interval> out = new ArrayList<>();
        for (Object o : list) {
            Map<?, ?> m = (Map<?, ?>) o;
            out.add(new Interval(JsonValues.number(m.get("from")), JsonValues.number(m.get("to")), String.valueOf(m.get("direction")),
                    m.get("reason") == null ? null : String.valueOf(m.get("reason"))));
        }
        return Collections.unmodifiableList(out);
    }
}
