package org.gradus.calculus;

import org.apache.commons.math3.fraction.BigFraction;
import org.gradus.calculus.series.Expansion;
import org.gradus.calculus.series.Monomial;
import org.gradus.calculus.series.Real;
import org.gradus.print.Numbers;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An expansion in t read back in the variable, as a person would write it: {@code 1 - x**2/6 + O(x**4)},
 * {@code 1/x}, {@code x*log(x)}, {@code exp(1/x)/x**2}, {@code 1/2 - 1/(8*x) + O(1/x**2)}.
 *
 * <p>With h = x − a (or x itself at ±∞), t = |h| near a finite point and t = 1/|x| at infinity; integer
 * powers of t are written as powers of h with their sign folded into the coefficient, and L = log(1/t)
 * is −log|h| near a point and log|x| at infinity.
 */
final class ExpansionText {
    private ExpansionText() {
    }

    static String of(Expansion e, Approach a) {
        StringBuilder sb = new StringBuilder();
        for (Expansion.Term t : e.terms()) {
            Printed p = term(t.coef(), t.m(), a);
            boolean negative = p.sign < 0;
            if (sb.length() > 0) sb.append(negative ? " - " : " + ");
            else if (negative) sb.append("-");
            sb.append(p.text);
        }
        if (e.order() != null) {
            if (sb.length() > 0) sb.append(" + ");
            sb.append("O(").append(term(Real.ONE, e.order(), a).text).append(")");
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }

    private record Printed(int sign, String text) {
    }

    private static Printed term(Real c, Monomial m, Approach a) {
        List<String> num = new ArrayList<>(), den = new ArrayList<>();
        int sign = c.value() < 0 ? -1 : 1;
        String base = a.atInfinity() ? a.variable() : Numbers.format(a.at()).equals("0") ? a.variable()
                : "(" + a.variable() + (a.at() > 0 ? " - " : " + ") + Numbers.format(Math.abs(a.at())) + ")";
        boolean flipped = a.atInfinity() ? a.at() < 0 : !a.fromAbove(); // t is −h (or −1/x)
        // t^α = (±h)^(±α)
        BigFraction e = a.atInfinity() ? m.alpha().negate() : m.alpha();
        boolean integer = e.getDenominator().equals(BigInteger.ONE);
        String b = base;
        if (flipped && integer) {
            if (e.getNumerator().testBit(0)) sign = -sign;
        } else if (flipped) {
            b = a.atInfinity() ? "(-" + a.variable() + ")" : a.at() == 0 ? "(-" + a.variable() + ")"
                    : "(" + Numbers.format(a.at()) + " - " + a.variable() + ")";
        }
        if (m.psi() != null) num.add("exp(" + of(m.psi(), a) + ")");
        if (e.getNumerator().signum() > 0) num.add(power(b, e));
        else if (e.getNumerator().signum() < 0) den.add(power(b, e.negate()));
        if (m.beta() != 0) {
            // L = log(1/t): −log|h| near a point, log|x| at infinity
            String log = "log(" + (flipped ? (a.atInfinity() || a.at() == 0 ? "-" + a.variable() : Numbers.format(a.at()) + " - " + a.variable())
                    : unwrap(base)) + ")";
            if (!a.atInfinity() && m.beta() % 2 != 0) sign = -sign;
            String p = Math.abs(m.beta()) == 1 ? log : log + "**" + Math.abs(m.beta());
            (m.beta() > 0 ? num : den).add(p);
        }
        Real mag = c.value() < 0 ? c.negate() : c;
        String coef = mag.text();
        if (mag.isExact() && coef.contains("/")) {
            String[] pq = coef.split("/");
            if (!pq[0].equals("1") || num.isEmpty()) num.add(0, pq[0]);
            den.add(0, pq[1]);
        } else if (!coef.equals("1") || num.isEmpty()) {
            num.add(0, coef);
        }
        String text = String.join("*", num);
        if (!den.isEmpty()) text += "/" + (den.size() == 1 ? den.get(0) : "(" + String.join("*", den) + ")");
        return new Printed(sign, text);
    }

    private static String power(String b, BigFraction e) {
        if (e.equals(BigFraction.ONE)) return b;
        String p = e.getDenominator().equals(BigInteger.ONE) ? e.getNumerator().toString() : "(" + e.getNumerator() + "/" + e.getDenominator() + ")";
        return b + "**" + p;
    }

    private static String unwrap(String u) {
        return u.startsWith("(") && u.endsWith(")") ? u.substring(1, u.length() - 1) : u;
    }
}
