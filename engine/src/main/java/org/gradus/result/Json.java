package org.gradus.result;

import java.util.Collection;
import java.util.Map;

/**
 * A small JSON writer for results: maps, lists, arrays, numbers, strings, booleans and null.
 * Non-finite numbers are written as the strings "NaN", "Infinity", "-Infinity" (SPEC §3).
 */
public final class Json {
    private Json() {
    }

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb);
        return sb.toString();
    }

    private static void write(Object v, StringBuilder sb) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Shown s) {
            sb.append(s.toJson());
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            sb.append(v);
        } else if (v instanceof Number n) {
            number(n.doubleValue(), sb);
        } else if (v instanceof CharSequence || v instanceof Character || v instanceof Enum<?>) {
            string(v.toString(), sb);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) sb.append(',');
                first = false;
                string(String.valueOf(e.getKey()), sb);
                sb.append(':');
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (v instanceof double[] d) {
            sb.append('[');
            for (int i = 0; i < d.length; i++) {
                if (i > 0) sb.append(',');
                number(d[i], sb);
            }
            sb.append(']');
        } else if (v instanceof double[][] m) {
            sb.append('[');
            for (int i = 0; i < m.length; i++) {
                if (i > 0) sb.append(',');
                write(m[i], sb);
            }
            sb.append(']');
        } else if (v instanceof int[] d) {
            sb.append('[');
            for (int i = 0; i < d.length; i++) {
                if (i > 0) sb.append(',');
                sb.append(d[i]);
            }
            sb.append(']');
        } else if (v instanceof Object[] arr) {
            write(java.util.Arrays.asList(arr), sb);
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) sb.append(',');
                first = false;
                write(o, sb);
            }
            sb.append(']');
        } else {
            string(v.toString(), sb);
        }
    }

    private static void number(double d, StringBuilder sb) {
        if (Double.isNaN(d)) sb.append("\"NaN\"");
        else if (Double.isInfinite(d)) sb.append(d > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        else if (d == Math.rint(d) && Math.abs(d) < 1e15) sb.append((long) d);
        else sb.append(d);
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
