package org.gradus.result;

import org.gradus.print.Numbers;

import java.util.LinkedHashMap;
import java.util.Map;

/** A number a script shows. */
public record NumberResult(double value) implements Shown {
    @Override
    public String kind() {
        return "number";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        return m;
    }

    @Override
    public String toText() {
        return Numbers.round(value, 12);
    }
}
