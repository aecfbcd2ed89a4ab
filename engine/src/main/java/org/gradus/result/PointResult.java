package org.gradus.result;

import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A point with named coordinates, and what a report says about it (f there, its type, ...): one
 * stationary point, say. It reads the same in a script as in JSON — {@code p.at} is the point
 * ({@code [x: 1, y: 0]}), {@code p.f}, {@code p.type} the other fields, and {@code p.x} the coordinate of
 * the variable x — and it prints as a point: {@code (x = 1, y = 0)}. JSON kind {@code point}: {@code at},
 * then the other fields.
 */
public final class PointResult implements Shown {
    private final Map<String, Object> at;
    private final Map<String, Object> fields;

    /**
     * @param at     variable name → number (or double[] for a vector), in declaration order
     * @param fields the other fields, in order (f, type, ...)
     */
    public PointResult(Map<String, Object> at, Map<String, Object> fields) {
        this.at = Collections.unmodifiableMap(new LinkedHashMap<>(at));
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The coordinates by variable name. */
    public Map<String, Object> at() {
        return at;
    }

    /**
     * A field or a coordinate by name, as scripts read it ({@code p.at}, {@code p.f}, {@code p.x}); vectors
     * as lists.
     *
     * @throws IllegalArgumentException for a name that is neither, listing the names there are
     */
    public Object get(String name) {
        if (name.equals("at")) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : at.entrySet()) out.put(e.getKey(), list(e.getValue()));
            return out;
        }
        if (fields.containsKey(name)) return list(fields.get(name));
        if (at.containsKey(name)) return list(at.get(name));
        List<String> names = new ArrayList<>(List.of("at"));
        names.addAll(fields.keySet());
        names.addAll(at.keySet());
        throw new IllegalArgumentException("the point has no '" + name + "'; it has " + String.join(", ", names));
    }

    private static Object list(Object v) {
        if (v instanceof double[] d) {
            List<Double> l = new ArrayList<>();
            for (double x : d) l.add(x);
            return l;
        }
        return v;
    }

    @Override
    public String kind() {
        return "point";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", at);
        m.putAll(fields);
        return m;
    }

    /** {@code (x = 1, y = 0)}. */
    @Override
    public String toText() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : at.entrySet()) {
            Object v = e.getValue();
            String text;
            if (v instanceof double[] d) {
                List<String> s = new ArrayList<>();
                for (double x : d) s.add(Numbers.round(x, 10));
                text = "[" + String.join(", ", s) + "]";
            } else {
                text = Numbers.round(((Number) v).doubleValue(), 10);
            }
            parts.add(e.getKey() + " = " + text);
        }
        return "(" + String.join(", ", parts) + ")";
    }

    @Override
    public String toString() {
        return toText();
    }
}
