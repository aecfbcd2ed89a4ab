package org.gradus.plot.render;

/** Short number texts for tick and level labels: 0.001, 2.5, 1e-06 → 1e-6, 25000 → 2.5e4. */
public final class Ticks {
    private Ticks() {
    }

    public static String format(double v) {
        if (v == 0) return "0";
        if (!Double.isFinite(v)) return Double.isNaN(v) ? "NaN" : v > 0 ? "∞" : "-∞";
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            String s = String.format(java.util.Locale.ROOT, "%.4g", v);
            if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            return s;
        }
        String s = String.format(java.util.Locale.ROOT, "%.2e", v);
        String[] p = s.split("e");
        String mant = p[0].replaceAll("0+$", "").replaceAll("\\.$", "");
        int exp = Integer.parseInt(p[1]);
        return mant + "e" + exp;
    }
}
