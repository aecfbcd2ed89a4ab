package org.gradus.optim;

import org.gradus.print.Numbers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One constraint at the solution (SPEC §3 {@code constraints}).
 *
 * @param text       the constraint as written, e.g. {@code x + y <= 1}
 * @param value      lhs − rhs at the solution
 * @param violation  how far it is from holding (0 when it holds)
 * @param multiplier its Lagrange multiplier (≥ 0 for inequalities) of the problem as minimized
 *                   (for {@code maximize}, of −f)
 */
public record ConstraintRow(String text, double value, double violation, double multiplier) {

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", text);
        m.put("value", value);
        m.put("violation", violation);
        m.put("multiplier", multiplier);
        return m;
    }

    /** {@code x + y <= 1: value -0, violation 0, multiplier 0.5}. */
    String line() {
        return text + ": value " + Numbers.round(value, 4) + ", violation " + Numbers.round(violation, 3) + ", multiplier " + Numbers.round(multiplier, 6);
    }
}
