package org.gradus.api;

import java.util.List;

/** An expression a script showed (JSON kind {@code expression}): its Groovy text and the variables it depends on. */
public final class ExpressionResult extends Result {
    ExpressionResult(Record record) {
        super(record);
    }

    /** The expression as Groovy text that can be typed back in, simplified. */
    public String text() {
        return text("text");
    }

    /** The variables it depends on, in declaration order. */
    public List<String> variables() {
        return JsonValues.strings(field("variables"));
    }

    /** The shape of an array expression ({@code [8]}, {@code [8, 2]}); empty for a scalar. */
    public int[] shape() {
        double[] s = JsonValues.numbers(field("shape"));
        int[] out = new int[s.length];
        for (int i = 0; i < s.length; i++) out[i] = (int) s[i];
        return out;
    }
}
