package org.gradus.api;

/** The answer of {@code differentiable(f, at: [...])} (JSON kind {@code differentiability}), with the reason. */
public final class DifferentiabilityReport extends Result {
    DifferentiabilityReport(Record record) {
        super(record);
    }

    /** The point examined. */
    public Point at() {
        return point("at");
    }

    /** Whether f is continuous there; null when it could not be decided. */
    public Boolean continuous() {
        return bool("continuous");
    }

    /** Whether f is differentiable there; null when it could not be decided. */
    public Boolean differentiable() {
        return bool("differentiable");
    }

    /** Why, in words. */
    public String reason() {
        return text("reason");
    }
}
