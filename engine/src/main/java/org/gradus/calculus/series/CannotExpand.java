package org.gradus.calculus.series;

/**
 * Thrown when the series engine cannot decide something an expansion needs — the sign of a coefficient
 * that may be 0, the size of a remainder known only up to O(1), an atom it has no rule for. The message
 * says what, in words for the person asking; callers turn it into an {@code unknown} answer, never a
 * guessed value.
 */
public class CannotExpand extends RuntimeException {
    public CannotExpand(String message) {
        super(message, null, false, false);
    }
}
