package org.gradus.data;

/**
 * Reads the most common number in a data file — an optional sign, at most 18 digits with an optional
 * decimal point, an optional exponent of at most 4 digits ({@code -0.0757015262}, {@code 12}, {@code 3.5e-2})
 * — from bytes, exactly: when the digits m are at most 2^53 and the power of ten e is at most 22 either
 * way, both m and 10^|e| are exact doubles and one IEEE multiplication or division rounds m·10^e
 * correctly (Clinger's fast path), which is what {@link Double#parseDouble} gives, bit for bit. Any other
 * cell is left to the general parser ({@link #NOT_SHORT}).
 */
final class ShortDecimal {
    /** What {@link #parse} returns when the cell is not of the short form (the value slot is then unset). */
    static final int NOT_SHORT = -1;
    private static final long EXACT = 1L << 53;
    private static final double[] POWERS = new double[23];

    static {
        double p = 1;
        for (int k = 0; k < POWERS.length; k++, p *= 10) POWERS[k] = p; // 10^0..10^22: every one exact
    }

    private ShortDecimal() {
    }

    /**
     * The cell starting at {@code pos} and ending at the first ',', CR, LF or {@code tail}: its value into
     * {@code value[0]} and the offset of that end; or {@link #NOT_SHORT} when the cell is not of the short form.
     */
    static int parse(byte[] b, int pos, int tail, double[] value) {
        int q = pos;
        boolean negative = false;
        if (q < tail && (b[q] == '-' || b[q] == '+')) negative = b[q++] == '-';
        long m = 0;
        int digits = 0, scale = 0, c;
        while (q < tail && (c = b[q] - '0') >= 0 && c <= 9) {
            m = m * 10 + c;
            digits++;
            q++;
        }
        if (q < tail && b[q] == '.') {
            q++;
            int start = q;
            while (q < tail && (c = b[q] - '0') >= 0 && c <= 9) {
                m = m * 10 + c;
                q++;
            }
            scale = q - start;
            digits += scale;
        }
        if (digits == 0 || digits > 18 || m > EXACT) return NOT_SHORT;
        int e = 0;
        if (q < tail && (b[q] == 'e' || b[q] == 'E')) {
            q++;
            boolean down = false;
            if (q < tail && (b[q] == '-' || b[q] == '+')) down = b[q++] == '-';
            int start = q;
            while (q < tail && (c = b[q] - '0') >= 0 && c <= 9 && q - start < 4) {
                e = e * 10 + c;
                q++;
            }
            if (q == start) return NOT_SHORT;
            if (down) e = -e;
        }
        if (q < tail && b[q] != ',' && b[q] != '\n' && b[q] != '\r') return NOT_SHORT;
        int power = e - scale;
        if (power < -22 || power > 22) return NOT_SHORT;
        double v = power < 0 ? m / POWERS[-power] : m * POWERS[power];
        value[0] = negative ? -v : v;
        return q;
    }
}
