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
}
