package org.gradus.expr;

import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Points and boxes given by variable name — {@code at: [x: 1, y: 2]}, {@code over: [x: -1..1]} — read
 * once, here, for every command that takes them (analyses, derivatives at a point, minimize's
 * {@code start} and {@code over}); keeping the names a layout knows; printing points.
 */
public final class PointArgs {
    private PointArgs() {
    }

    /**
     * A point {@code name → value} from a map whose keys are names or variables and whose values are
     * numbers (a constant expression counts) or, for a vector, lists or arrays (kept as given).
     *
     * @param what     the option's name, for messages ({@code at}, {@code start})
     * @param describe how a message names a wrong value
     * @throws IllegalArgumentException when {@code point} is not a map
     */
    public static Map<String, Object> point(Object point, String what, Function<Object, String> describe) {
        if (!(point instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(what + " must be a map like [x: 1, y: 2], not " + describe.apply(point));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object v = e.getValue();
            out.put(String.valueOf(e.getKey()), v instanceof Constant c ? c.value() : v);
        }
        return out;
    }

    /**
     * A box {@code name → {lo, hi}} from a map whose values are two-element lists or arrays
     * ({@code [-1, 1]}; the script language passes its ranges {@code -1..1} so) and whose keys are
     * names or variables.
     *
     * @param what     the option's name, for messages ({@code over})
     * @param finite   true when every interval must be bounded (a search box)
     * @param describe how a message names a wrong value
     * @throws IllegalArgumentException for a value that is no interval, an empty interval, or (with
     *                                  {@code finite}) an unbounded one, saying which name
     */
    public static Map<String, double[]> box(Object over, String what, boolean finite, Function<Object, String> describe) {
        if (!(over instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(what + " must be a map like [x: -1..1, y: 0..2], not " + describe.apply(over));
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String name = e.getKey() instanceof VariableBlock b ? b.name() : String.valueOf(e.getKey());
            String at = what + "." + name;
            Object v = e.getValue();
            Object lo, hi;
            if (v instanceof double[] d && d.length == 2) {
                lo = d[0];
                hi = d[1];
            } else if (v instanceof List<?> l && l.size() == 2) {
                lo = l.get(0);
                hi = l.get(1);
            } else {
                throw new IllegalArgumentException(at + " must be a range like -1..1, not " + describe.apply(v));
            }
            double[] r = {number(lo, at, describe), number(hi, at, describe)};
            if (r[0] > r[1]) throw new IllegalArgumentException(at + " is the empty interval " + r[0] + ".." + r[1]);
            if (finite && !(Double.isFinite(r[0]) && Double.isFinite(r[1]))) {
                throw new IllegalArgumentException(what + ": " + name + " needs a finite range lo..hi, got " + r[0] + ".." + r[1]);
            }
            out.put(name, r);
        }
        return out;
    }

    private static double number(Object v, String what, Function<Object, String> describe) {
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof Constant c) return c.value();
        throw new IllegalArgumentException(what + " must be a number, not " + describe.apply(v));
    }

    /**
     * The entries of {@code point} that name the layout's variables. Other names are ignored, so a
     * point can be reused for a derivative that no longer depends on every variable.
     */
    public static Map<String, Object> restrict(Map<String, ?> point, Layout layout) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (VariableBlock b : layout.blocks()) {
            if (point.containsKey(b.name())) out.put(b.name(), point.get(b.name()));
        }
        return out;
    }

    /** {@code (x = 1, y = 2)}; vectors print their first elements. */
    public static String format(Layout layout, double[] x) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : layout.toMap(x).entrySet()) {
            parts.add(e.getKey() + " = " + formatValue(e.getValue()));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    public static String formatValue(Object v) {
        if (v instanceof double[][] m) {
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < Math.min(m.length, 4); i++) rows.add(formatValue(m[i]));
            if (m.length > 4) rows.add("... (" + m.length + " rows)");
            return "[" + String.join(", ", rows) + "]";
        }
        if (v instanceof double[] d) {
            List<String> s = new ArrayList<>();
            for (int i = 0; i < Math.min(d.length, 8); i++) s.add(Numbers.round(d[i], 7));
            if (d.length > 8) s.add("... (" + d.length + " in all)");
            return "[" + String.join(", ", s) + "]";
        }
        return Numbers.round(((Number) v).doubleValue(), 10);
    }
}
