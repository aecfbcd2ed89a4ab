package org.gradus.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Conversions from JSON values (as parsed) to Java numbers and arrays, for the result views. */
final class JsonValues {
    private JsonValues() {
    }

    /** A JSON number, or one of the strings "NaN", "Infinity", "-Infinity"; NaN for null or anything else. */
    static double number(Object v) {
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof String s) {
            switch (s) {
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** A JSON array of numbers; an empty array for null. */
    static double[] numbers(Object v) {
        if (!(v instanceof List<?> list)) return new double[0];
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = number(list.get(i));
        return out;
    }

    /** A JSON array of arrays of numbers (a matrix, by rows); an empty matrix for null. */
    static double[][] rows(Object v) {
        if (!(v instanceof List<?> list)) return new double[0][];
        double[][] out = new double[list.size()][];
        for (int i = 0; i < out.length; i++) out[i] = numbers(list.get(i));
        return out;
    }

    /** A JSON array as strings; an empty list for null. */
    static List<String> strings(Object v) {
        if (!(v instanceof List<?> list)) return List.of();
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) out.add(o == null ? null : o.toString());
        return Collections.unmodifiableList(out);
    }

    /** True for a JSON number or a non-finite number's string. */
    static boolean isNumber(Object v) {
        return v instanceof Number || "NaN".equals(v) || "Infinity".equals(v) || "-Infinity".equals(v);
    }
}
