package org.gradus.api;

/** A number a script showed (JSON kind {@code number}): {@code 5 * 3}, {@code f.at(x: 1)}. */
public final class NumberResult extends Result {
    NumberResult(Record record) {
        super(record);
    }

    /** The number (NaN and ±Infinity included). */
    public double value() {
        return number("value");
    }
}
