package org.gradus.print;

/** Number formatting for printed expressions and reports: integers without ".0", others in shortest form. */
public final class Numbers {
    private Numbers() {
    }

    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) return s;
        // 1.0E-4 → 1e-4, 2.5E10 → 2.5e10: the shortest exact form, still a Groovy literal
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) mantissa = mantissa.substring(0, mantissa.length() - 2);
        return mantissa + "e" + s.substring(e + 1);
    }

    /** The largest denominator {@link #fraction} looks for. */
    private static final long MAX_DENOMINATOR = 10_000;

    /**
     * The fraction p/q (q &gt; 1, in lowest terms) a constant stands for, as sympy would print it, or null. A
     * derivative's coefficients are doubles: x**(1/3) differentiates to 0.3333333333333333*x**(-0.6666666666666667).
     * A double is taken for p/q when it lies within two units in the last place of p/q (arithmetic on the
     * constants, such as 1/3 − 1, leaves such an error) and p/q has q ≤ 10 000. Short decimals stay decimals:
     * 0.5, 0.1 and 0.125 are how a person writes them, so only a value whose shortest decimal form has more
     * than eight significant digits is shown as a fraction.
     */
    public static long[] fraction(double v) {
        if (!Double.isFinite(v) || v == Math.rint(v) || Math.abs(v) >= 1e9 || Math.abs(v) < 1e-6) return null;
        if (significantDigits(v) <= 8) return null;
        double a = Math.abs(v);
        // continued fraction convergents h/k of |v|, the best rational approximations for their size
        long h0 = 1, h1 = (long) Math.floor(a), k0 = 0, k1 = 1;
        double rest = a - Math.floor(a);
        while (rest > 0 && k1 <= MAX_DENOMINATOR) {
            if (Math.abs(a - (double) h1 / k1) <= 2 * Math.ulp(a)) {
                return k1 > 1 ? new long[] {v < 0 ? -h1 : h1, k1} : null;
            }
            double inverse = 1 / rest;
            long term = (long) Math.floor(inverse);
            rest = inverse - term;
            long h2 = term * h1 + h0, k2 = term * k1 + k0;
            h0 = h1;
            h1 = h2;
            k0 = k1;
            k1 = k2;
        }
        if (k1 <= MAX_DENOMINATOR && k1 > 1 && Math.abs(a - (double) h1 / k1) <= 2 * Math.ulp(a)) {
            return new long[] {v < 0 ? -h1 : h1, k1};
        }
        return null;
    }

    /**
     * As {@link #fraction}, and also halves and quarters (0.5, 1.5, 0.25, 0.75): the coefficient of a product,
     * where {@code x**2/2} reads as the lectures write it and {@code 0.5*x**2} does not.
     */
    public static long[] coefficientFraction(double v) {
        long[] f = fraction(v);
        if (f != null || !Double.isFinite(v) || v == Math.rint(v) || Math.abs(v) >= 1e9) return f;
        double quarters = v * 4;
        if (quarters != Math.rint(quarters)) return null;
        long p = (long) quarters, q = 4;
        while (p % 2 == 0) {
            p /= 2;
            q /= 2;
        }
        return new long[] {p, q};
    }

    private static int significantDigits(double v) {
        String s = Double.toString(Math.abs(v));
        int e = s.indexOf('E');
        String mantissa = (e < 0 ? s : s.substring(0, e)).replace(".", "").replaceFirst("^0+", "");
        mantissa = mantissa.replaceFirst("0+$", "");
        return mantissa.length();
    }

    /** A compact human form with at most {@code digits} significant digits (reports, not re-entry). */
    public static String round(double v, int digits) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        if (!Double.isFinite(v)) return format(v);
        String s = String.format("%." + digits + "g", v);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            String mant = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
            int exp = Integer.parseInt(parts[1]);
            return mant + "e" + exp;
        }
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    /** n in superscript digits, as an exponent is written in text: 2 → ², 12 → ¹². */
    public static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder sb = new StringBuilder(n < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(n)).toCharArray()) sb.append(digits.charAt(c - '0'));
        return sb.toString();
    }
}
