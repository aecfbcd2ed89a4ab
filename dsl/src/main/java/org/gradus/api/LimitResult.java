package org.gradus.api;

/**
 * The answer of {@code limit(f, x: a)} (JSON kind {@code limit}): the limit's value when it exists, the
 * one-sided limits, and how it was decided or why it does not exist.
 */
public final class LimitResult extends Result {
    LimitResult(Record record) {
        super(record);
    }

    /** The function, as Groovy text. */
    public String expression() {
        return text("expression");
    }

    /** The variable that approaches {@link #at()}. */
    public String variable() {
        return text("variable");
    }

    /** The point approached (±Infinity for limits at infinity). */
    public double at() {
        return number("at");
    }

    /** {@code left}, {@code right} or {@code both}. */
    public String side() {
        return text("side");
    }

    /** Whether the limit exists (an infinite limit has a value of ±Infinity); null when not decided. */
    public Boolean exists() {
        return bool("exists");
    }

    /** The limit (±Infinity for a divergent one); NaN when there is none. */
    public double value() {
        return number("value");
    }

    /** The limit from the left; NaN when there is none. */
    public double left() {
        return number("left");
    }

    /** The limit from the right; NaN when there is none. */
    public double right() {
        return number("right");
    }

    /**
     * How it was decided, in a word or two: {@code continuous}, {@code L'Hôpital ×2}, {@code series},
     * {@code bounded × vanishing}, {@code one-sided limits differ}, {@code oscillates}, {@code unknown}.
     */
    public String method() {
        return text("method");
    }

    /** How it was decided, or why it does not exist. */
    public String reason() {
        return text("reason");
    }
}
