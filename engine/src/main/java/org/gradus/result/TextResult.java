package org.gradus.result;

import java.util.LinkedHashMap;
import java.util.Map;

/** Any other value a script shows, by its string form. */
public record TextResult(String text) implements Shown {
    @Override
    public String kind() {
        return "value";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", text);
        return m;
    }

    @Override
    public String toText() {
        return text;
    }
}
