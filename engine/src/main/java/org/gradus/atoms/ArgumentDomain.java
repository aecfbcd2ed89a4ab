package org.gradus.atoms;

import org.gradus.print.Numbers;

/**
 * Where an atom is defined in one argument, as an interval whose ends may be open: {@code log} needs
 * {@code x > 0}, {@code sqrt} {@code x ≥ 0}. Analyses narrow the box they look at with it, and the atom
 * contract spec samples inside it and expects a domain error outside. A domain that is not an interval
 * (tan's poles, a denominator's zero) is declared as {@link #ALL} here and reported by
 * {@link Atom#domainError}.
 *
 * @param lo     the lower end (−∞ when unbounded)
 * @param openLo true when {@code lo} itself is excluded
 * @param hi     the upper end (+∞ when unbounded)
 * @param openHi true when {@code hi} itself is excluded
 */
public record ArgumentDomain(double lo, boolean openLo, double hi, boolean openHi) {
    public static final ArgumentDomain ALL = new ArgumentDomain(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);

    /** {@code x > lo}. */
    public static ArgumentDomain above(double lo) {
        return new ArgumentDomain(lo, true, Double.POSITIVE_INFINITY, true);
    }

    /** {@code x ≥ lo}. */
    public static ArgumentDomain atLeast(double lo) {
        return new ArgumentDomain(lo, false, Double.POSITIVE_INFINITY, true);
    }

    public boolean contains(double x) {
        boolean aboveLo = openLo ? x > lo : x >= lo;
        boolean belowHi = openHi ? x < hi : x <= hi;
        return aboveLo && belowHi;
    }

    public boolean isAll() {
        return lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY;
    }

    public boolean boundedBelow() {
        return lo > Double.NEGATIVE_INFINITY;
    }

    public boolean boundedAbove() {
        return hi < Double.POSITIVE_INFINITY;
    }

    /** {@code x > 0}, {@code x ≥ 0}, {@code -1 < x ≤ 1}, {@code all x}. */
    public String text(String x) {
        if (isAll()) return "all " + x;
        String lower = boundedBelow() ? Numbers.format(lo) + (openLo ? " < " : " ≤ ") : "";
        String upper = boundedAbove() ? (openHi ? " < " : " ≤ ") + Numbers.format(hi) : "";
        if (!boundedAbove()) return x + (openLo ? " > " : " ≥ ") + Numbers.format(lo);
        return lower + x + upper;
    }
}
