package org.gradus.expr;

import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Points given by variable name: keeping the names a layout knows, and printing points. */
public final class PointArgs {
    private PointArgs() {
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
