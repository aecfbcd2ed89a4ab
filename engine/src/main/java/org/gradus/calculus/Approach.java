package org.gradus.calculus;

import org.apache.commons.math3.fraction.BigFraction;
import org.gradus.calculus.series.Expansion;
import org.gradus.calculus.series.Monomial;
import org.gradus.calculus.series.Real;
import org.gradus.calculus.series.Series;
import org.gradus.print.Numbers;

/**
 * How a variable approaches a point: from the right (x = a + t), from the left (x = a − t), or to ±∞
 * (x = ±1/t), with t → 0⁺ — the substitution that turns every limit into one at 0⁺ for the series
 * engine — and how expansions in t read back in x.
 *
 * @param variable the variable's name
 * @param at       the point, or ±∞
 * @param fromAbove true for x = a + t (and for −∞, which is approached from above); false for x = a − t
 *                  (and +∞)
 */
public record Approach(String variable, double at, boolean fromAbove) {

    public static Approach right(String variable, double at) {
        return new Approach(variable, at, true);
    }

    public static Approach left(String variable, double at) {
        return new Approach(variable, at, false);
    }

    public boolean atInfinity() {
        return Double.isInfinite(at);
    }

    /** The expansion of the variable in t. */
    public Expansion coordinate() {
        if (at == Double.POSITIVE_INFINITY) return Expansion.term(Real.ONE, Monomial.power(BigFraction.MINUS_ONE));
        if (at == Double.NEGATIVE_INFINITY) return Expansion.term(Real.ONE.negate(), Monomial.power(BigFraction.MINUS_ONE));
        Expansion t = Expansion.term(fromAbove ? Real.ONE : Real.ONE.negate(), Monomial.T);
        return at == 0 ? t : new Series(2).add(Expansion.constant(Real.of(at)), t);   // a + t exactly: two orders kept
    }

    /** x at t (for numerical evidence). */
    public double x(double t) {
        if (atInfinity()) return at > 0 ? 1 / t : -1 / t;
        return fromAbove ? at + t : at - t;
    }

    /** {@code x → 0⁺}, {@code x → 2⁻}, {@code x → ∞}. */
    public String arrow() {
        if (atInfinity()) return variable + " → " + (at > 0 ? "∞" : "-∞");
        return variable + " → " + Numbers.format(at) + (fromAbove ? "⁺" : "⁻");
    }

    /** "from the right", "from the left", or "" at ±∞. */
    public String sideWords() {
        if (atInfinity()) return "";
        return fromAbove ? "from the right" : "from the left";
    }

    /** The small quantity u in x (u = t): {@code x}, {@code (x - 2)}, {@code -x}, {@code (2 - x)}, {@code 1/x}. */
    String small() {
        if (at == Double.POSITIVE_INFINITY) return "1/" + variable;
        if (at == Double.NEGATIVE_INFINITY) return "-1/" + variable;
        String a = Numbers.format(Math.abs(at));
        if (fromAbove) return at == 0 ? variable : "(" + variable + (at > 0 ? " - " : " + ") + a + ")";
        return at == 0 ? "(-" + variable + ")" : "(" + Numbers.format(at) + " - " + variable + ")";
    }
}
