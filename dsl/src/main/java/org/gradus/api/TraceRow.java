package org.gradus.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One recorded iterate of a minimization ({@link MinimizeResult#trace()}): the columns {@code iteration},
 * {@code epoch}, {@code f}, {@code gradNorm}, {@code step}, {@code lr}, then one per variable element
 * ({@code x}, {@code w[0]}, ...), as far as the run recorded them. Immutable.
 */
public final class TraceRow {
    private final Map<String, Object> columns;

    TraceRow(Map<?, ?> json) {
        Map<String, Object> m = new LinkedHashMap<>();
        json.forEach((k, v) -> m.put(String.valueOf(k), v));
        this.columns = Collections.unmodifiableMap(m);
    }

    /** The iteration number (0 is the start point). */
    public long iteration() {
        return columns.get("iteration") instanceof Number n ? n.longValue() : 0;
    }

    /** f at this iterate (in a mini-batch run: the batch estimate). */
    public double f() {
        return get("f");
    }

    /** The gradient's norm at this iterate. */
    public double gradNorm() {
        return get("gradNorm");
    }

    /** The length of the step that led here (0 at the start). */
    public double step() {
        return get("step");
    }

    /** The learning rate of the step that led here (NaN at the start, or for methods without one). */
    public double lr() {
        return get("lr");
    }

    /** The column {@code name} as a number; NaN when the row has no such column. */
    public double get(String name) {
        return JsonValues.number(columns.get(name));
    }

    /** The names of the row's columns, in order. */
    public Set<String> columns() {
        return columns.keySet();
    }

    @Override
    public String toString() {
        return columns.toString();
    }
}
