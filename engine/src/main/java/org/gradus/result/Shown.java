package org.gradus.result;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A value a script shows: a report for people ({@link #toText()}) and one JSON object for tools
 * ({@link #toJson()}), whose {@code kind} field names what it is (SPEC §3).
 */
public interface Shown {
    /** The JSON {@code kind}: number, expression, gradient, hessian, minimize, convexity, ... */
    String kind();

    /** The fields after {@code kind}, in order. Values: Number, String, Boolean, null, double[], Map, List. */
    Map<String, Object> fields();

    /** The readable report. */
    String toText();

    /** The JSON object on one line, {@code kind} first. */
    default String toJson() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("kind", kind());
        all.putAll(fields());
        return Json.write(all);
    }
}
