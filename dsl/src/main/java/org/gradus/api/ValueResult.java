package org.gradus.api;

/** Any other value a script showed (JSON kind {@code value}), by its text: a string, a list, a boolean. */
public final class ValueResult extends Result {
    ValueResult(Record record) {
        super(record);
    }

    /** The value's text, as the script would print it. */
    public String text() {
        return text("text");
    }
}
