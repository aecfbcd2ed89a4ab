package org.gradus.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A gradient (JSON kind {@code gradient}): symbolic ({@code grad(f)}: one expression per variable) or at a
 * point ({@code grad(f).at(x: 1)}: its value there and its norm).
 */
public final class Gradient extends Result {
    Gradient(Record record) {
        super(record);
    }

    /** True for a symbolic gradient, false for one evaluated at a point. */
    public boolean isSymbolic() {
        return field("symbolic") != null;
    }

    /** Each variable's partial derivative as Groovy text; empty for a gradient at a point. */
    public Map<String, String> symbolic() {
        if (!(field("symbolic") instanceof Map<?, ?> m)) return Map.of();
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return Collections.unmodifiableMap(out);
    }

    /** The point it was evaluated at; null for a symbolic gradient. */
    public Point at() {
        return point("at");
    }

    /** Its value at {@link #at()}: a component per variable (an array for a vector); null for a symbolic gradient. */
    public Point value() {
        return point("value");
    }

    /** The Euclidean norm of {@link #value()}; NaN for a symbolic gradient. */
    public double norm() {
        return number("norm");
    }
}
