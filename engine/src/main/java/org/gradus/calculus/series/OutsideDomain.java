package org.gradus.calculus.series;

/**
 * Thrown when the function is certainly undefined on the side being expanded: a logarithm of values
 * that are negative there, a square root of negative values, a division by a quantity that is exactly
 * zero. A one-sided limit is then "not defined on this side", which is a decided answer.
 */
public final class OutsideDomain extends CannotExpand {
    public OutsideDomain(String message) {
        super(message);
    }
}
