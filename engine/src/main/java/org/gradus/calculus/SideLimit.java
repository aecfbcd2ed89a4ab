package org.gradus.calculus;

import org.gradus.calculus.series.Real;
import org.gradus.print.Numbers;

/**
 * A limit from one side (or at a point where both sides agree): a value, finite or ±∞; or no limit (it
 * oscillates); or no values of the function on that side near the point; or not decided.
 *
 * @param status what was found
 * @param value  the limit when it exists (±∞ allowed), else NaN
 * @param exact  the limit as the series engine knows it (exact fraction or enclosure), null when infinite
 *               or none
 * @param method how it was decided, in a word or two: {@code continuous}, {@code L'Hôpital ×2},
 *               {@code series}, {@code bounded × vanishing}, {@code oscillates}, {@code unknown}
 * @param reason the explanation, one sentence or two
 */
public record SideLimit(Status status, double value, Real exact, String method, String reason) {

    public enum Status {
        /** the limit exists (finite or infinite) */
        EXISTS,
        /** there is no limit: the function oscillates */
        NONE,
        /** the function has no values on this side near the point */
        UNDEFINED,
        /** no rule decided it */
        UNKNOWN
    }

    static SideLimit of(Real v, String method, String reason) {
        return new SideLimit(Status.EXISTS, v.value(), v, method, reason);
    }

    static SideLimit infinite(int sign, String method, String reason) {
        return new SideLimit(Status.EXISTS, sign > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY, null, method, reason);
    }

    static SideLimit none(String reason) {
        return new SideLimit(Status.NONE, Double.NaN, null, "oscillates", reason);
    }

    static SideLimit undefined(String reason) {
        return new SideLimit(Status.UNDEFINED, Double.NaN, null, "undefined", reason);
    }

    static SideLimit unknown(String reason) {
        return new SideLimit(Status.UNKNOWN, Double.NaN, null, "unknown", reason);
    }

    public boolean exists() {
        return status == Status.EXISTS;
    }

    public boolean finite() {
        return exists() && Double.isFinite(value);
    }

    /** The value as a report writes it: {@code 1/2}, {@code e = 2.718281828}, {@code 0.3678794412}, ∞. */
    public String text() {
        if (!exists()) return status == Status.NONE ? "none" : status == Status.UNDEFINED ? "undefined" : "unknown";
        if (Double.isInfinite(value)) return value > 0 ? "∞" : "-∞";   // as the arrow writes the point: x → ∞
        if (exact == null) return Numbers.format(value);
        String name = exact.constantName();
        return name != null ? name + " = " + exact.text() : exact.text();
    }

    /** True when both exist and are the same number (exactly, or within rounding). */
    boolean sameAs(SideLimit o) {
        if (!exists() || !o.exists()) return false;
        if (Double.isInfinite(value) || Double.isInfinite(o.value)) return value == o.value;
        if (exact != null && o.exact != null) {
            Real d = exact.subtract(o.exact);
            return d.isExactZero() || d.isRoundingZero(Math.max(Math.abs(value), Math.abs(o.value)));
        }
        return value == o.value;
    }
}
