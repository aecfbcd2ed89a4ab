package org.gradus.eval;

/**
 * The DOT instruction's arithmetic: Σⱼ x[xo + j]·t[to + j] for a block of coordinates against a block of
 * constant data (a parameter vector against a row's features, {@code dot(w, row.x)}), and its chain
 * rule, g·t added into the gradient block. Both the interpreter and the compiled kernels call these
 * methods, so their sums agree bit for bit.
 *
 * <p>The sum runs in eight interleaved partial sums (element j into sum j mod 8), combined as
 * ((s0+s1)+(s2+s3))+((s4+s5)+(s6+s7)), and the leftover elements into s0: this breaks the chain of
 * dependent additions so the processor overlaps them (a sequential sum is bound by the latency of one
 * addition per element). The result differs from a left-to-right sum only in rounding.
 */
final class DotProducts {
    private DotProducts() {
    }

    /** Σⱼ x[xo + j]·t[to + j], j &lt; n, in the order described above. */
    static double dot(double[] x, int xo, double[] t, int to, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int j = 0;
        for (; j + 7 < n; j += 8) {
            s0 += x[xo + j] * t[to + j];
            s1 += x[xo + j + 1] * t[to + j + 1];
            s2 += x[xo + j + 2] * t[to + j + 2];
            s3 += x[xo + j + 3] * t[to + j + 3];
            s4 += x[xo + j + 4] * t[to + j + 4];
            s5 += x[xo + j + 5] * t[to + j + 5];
            s6 += x[xo + j + 6] * t[to + j + 6];
            s7 += x[xo + j + 7] * t[to + j + 7];
        }
        for (; j < n; j++) s0 += x[xo + j] * t[to + j];
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /**
     * As {@link #dot(double[], int, double[], int, int)} over a table of 32-bit floats: each element is
     * widened to double (exactly) and the products and sums are the same double operations in the same
     * order, so a float table and a double table holding the same values give the same bits.
     */
    static double dot(double[] x, int xo, float[] t, int to, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int j = 0;
        for (; j + 7 < n; j += 8) {
            s0 += x[xo + j] * (double) t[to + j];
            s1 += x[xo + j + 1] * (double) t[to + j + 1];
            s2 += x[xo + j + 2] * (double) t[to + j + 2];
            s3 += x[xo + j + 3] * (double) t[to + j + 3];
            s4 += x[xo + j + 4] * (double) t[to + j + 4];
            s5 += x[xo + j + 5] * (double) t[to + j + 5];
            s6 += x[xo + j + 6] * (double) t[to + j + 6];
            s7 += x[xo + j + 7] * (double) t[to + j + 7];
        }
        for (; j < n; j++) s0 += x[xo + j] * (double) t[to + j];
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** The chain rule of DOT: grad[go + j] += g·t[to + j], j &lt; n. */
    static void addScaled(double[] grad, int go, double g, double[] t, int to, int n) {
        for (int j = 0; j < n; j++) grad[go + j] += g * t[to + j];
    }

    /** As above over a table of 32-bit floats (each element widened to double). */
    static void addScaled(double[] grad, int go, double g, float[] t, int to, int n) {
        for (int j = 0; j < n; j++) grad[go + j] += g * (double) t[to + j];
    }

    /**
     * The first table index of a DOT whose rows start at {@code base}, checked: the block
     * [base + from, base + from + n) must lie in the table, else the first index outside is reported
     * as an element-by-element loop would.
     */
    static int start(double base, int from, int n, int tableLength) {
        return start((int) base, from, n, tableLength);
    }

    static int start(int base, int from, int n, int tableLength) {
        long first = (long) base + from, last = first + n - 1;
        if (first < 0) Opcode.index((int) first, tableLength);
        if (last >= tableLength) Opcode.index((int) Math.max(first, tableLength), tableLength);
        return (int) first;
    }
}
