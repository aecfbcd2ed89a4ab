package org.gradus.result;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.VectorVariable;
import org.gradus.print.Numbers;

/** Turns any shown value into a {@link Shown}: numbers, expressions, reports, and everything else by its text. */
public final class Results {
    private Results() {
    }

    public static Shown of(Object value) {
        if (value instanceof Shown s) return s;
        if (value instanceof Constant c) return new NumberResult(c.value());
        if (value instanceof Expr e) return new ExpressionResult(e);
        if (value instanceof VectorVariable v) return new ExpressionResult(v.whole());   // a vector or matrix variable, as x is
        if (value instanceof Number n) return new NumberResult(n.doubleValue());
        return new TextResult(text(value));
    }

    /**
     * Text of a value as a script would write it: arrays and nested collections as lists, maps as {@code [w: [1, 2],
     * b: 0.5]}, and the doubles in them to 12 significant digits as a number is shown ({@code r.x} of a minimization
     * reads {@code [w: [1.00000000223, 0.999999996386], b: 3.97111907903e-8]}, not its 17-digit doubles).
     */
    public static String text(Object value) {
        if (value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal) return Numbers.round(((Number) value).doubleValue(), 12);
        if (value instanceof double[] d) {
            java.util.List<String> parts = new java.util.ArrayList<>();
            for (double x : d) parts.add(Numbers.round(x, 12));
            return "[" + String.join(", ", parts) + "]";
        }
        if (value instanceof int[] d) return java.util.Arrays.toString(d);
        if (value instanceof Object[] a) return text(java.util.Arrays.asList(a));
        if (value instanceof java.util.Map<?, ?> m) {
            java.util.List<String> parts = new java.util.ArrayList<>();
            for (java.util.Map.Entry<?, ?> e : m.entrySet()) parts.add(e.getKey() + ": " + text(e.getValue()));
            return "[" + String.join(", ", parts) + "]";
        }
        if (value instanceof java.util.Collection<?> c) {
            java.util.List<String> parts = new java.util.ArrayList<>();
            for (Object o : c) parts.add(text(o));
            return "[" + String.join(", ", parts) + "]";
        }
        return String.valueOf(value);
    }
}
