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
 *
 * <p>Where the JVM has the Vector API ({@link VectorUnit}), the sums and chain rules over a table of
 * doubles or floats run in {@link VectorDots}, the same partial sums in vector lanes: the same bits, several elements an
 * instruction.
 */
final class DotProducts {
    private static final boolean SIMD = VectorUnit.AVAILABLE;

    static {
        VectorUnit.warmUpOnFirstUse(); // the sums stay scalar until it is done
    }

    private DotProducts() {
    }

    /** Σⱼ x[xo + j]·t[to + j], j &lt; n, in the order described above. */
    static double dot(double[] x, int xo, double[] t, int to, int n) {
        if (SIMD && VectorUnit.warm) return VectorDots.dot(x, xo, t, to, n);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int j = 0;
        for (int upper = n & -8; j < upper; j += 8) {
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
        if (SIMD && VectorUnit.warmFloats) return VectorDots.dot(x, xo, t, to, n);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int j = 0;
        for (int upper = n & -8; j < upper; j += 8) {
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

    /**
     * The dots of two rows in one sweep over x: out[0] = Σⱼ x[xo + j]·t[ta + j], out[1] = the same at
     * tb. Each x element is loaded once for both rows; each sum is formed exactly as
     * {@link #dot(double[], int, double[], int, int)} forms it (the same eight partial sums, the same
     * combination), so the two values are bit for bit those of two single dots.
     */
    static void dotPair(double[] x, int xo, double[] t, int ta, int tb, int n, double[] out) {
        dotPair(x, xo, t, ta, tb, n, out, 0);
    }

    /** As {@link #dotPair(double[], int, double[], int, int, int, double[])}, the two values into out[oo] and out[oo + 1]. */
    static void dotPair(double[] x, int xo, double[] t, int ta, int tb, int n, double[] out, int oo) {
        if (SIMD && VectorUnit.warm) {
            VectorDots.dotPair(x, xo, t, ta, tb, n, out, oo);
            return;
        }
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        double u0 = 0, u1 = 0, u2 = 0, u3 = 0, u4 = 0, u5 = 0, u6 = 0, u7 = 0;
        int j = 0;
        for (int upper = n & -8; j < upper; j += 8) {
            double w0 = x[xo + j], w1 = x[xo + j + 1], w2 = x[xo + j + 2], w3 = x[xo + j + 3];
            s0 += w0 * t[ta + j];
            u0 += w0 * t[tb + j];
            s1 += w1 * t[ta + j + 1];
            u1 += w1 * t[tb + j + 1];
            s2 += w2 * t[ta + j + 2];
            u2 += w2 * t[tb + j + 2];
            s3 += w3 * t[ta + j + 3];
            u3 += w3 * t[tb + j + 3];
            double w4 = x[xo + j + 4], w5 = x[xo + j + 5], w6 = x[xo + j + 6], w7 = x[xo + j + 7];
            s4 += w4 * t[ta + j + 4];
            u4 += w4 * t[tb + j + 4];
            s5 += w5 * t[ta + j + 5];
            u5 += w5 * t[tb + j + 5];
            s6 += w6 * t[ta + j + 6];
            u6 += w6 * t[tb + j + 6];
            s7 += w7 * t[ta + j + 7];
            u7 += w7 * t[tb + j + 7];
        }
        for (; j < n; j++) {
            s0 += x[xo + j] * t[ta + j];
            u0 += x[xo + j] * t[tb + j];
        }
        out[oo] = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        out[oo + 1] = ((u0 + u1) + (u2 + u3)) + ((u4 + u5) + (u6 + u7));
    }

    /** As {@link #dotPair(double[], int, double[], int, int, int, double[])} over a table of 32-bit floats (widened exactly). */
    static void dotPair(double[] x, int xo, float[] t, int ta, int tb, int n, double[] out) {
        if (SIMD && VectorUnit.warmFloats) {
            VectorDots.dotPair(x, xo, t, ta, tb, n, out);
            return;
        }
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        double u0 = 0, u1 = 0, u2 = 0, u3 = 0, u4 = 0, u5 = 0, u6 = 0, u7 = 0;
        int j = 0;
        for (int upper = n & -8; j < upper; j += 8) {
            double w0 = x[xo + j], w1 = x[xo + j + 1], w2 = x[xo + j + 2], w3 = x[xo + j + 3];
            s0 += w0 * (double) t[ta + j];
            u0 += w0 * (double) t[tb + j];
            s1 += w1 * (double) t[ta + j + 1];
            u1 += w1 * (double) t[tb + j + 1];
            s2 += w2 * (double) t[ta + j + 2];
            u2 += w2 * (double) t[tb + j + 2];
            s3 += w3 * (double) t[ta + j + 3];
            u3 += w3 * (double) t[tb + j + 3];
            double w4 = x[xo + j + 4], w5 = x[xo + j + 5], w6 = x[xo + j + 6], w7 = x[xo + j + 7];
            s4 += w4 * (double) t[ta + j + 4];
            u4 += w4 * (double) t[tb + j + 4];
            s5 += w5 * (double) t[ta + j + 5];
            u5 += w5 * (double) t[tb + j + 5];
            s6 += w6 * (double) t[ta + j + 6];
            u6 += w6 * (double) t[tb + j + 6];
            s7 += w7 * (double) t[ta + j + 7];
            u7 += w7 * (double) t[tb + j + 7];
        }
        for (; j < n; j++) {
            s0 += x[xo + j] * (double) t[ta + j];
            u0 += x[xo + j] * (double) t[tb + j];
        }
        out[0] = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        out[1] = ((u0 + u1) + (u2 + u3)) + ((u4 + u5) + (u6 + u7));
    }

    /** The chain rule of DOT: grad[go + j] += g·t[to + j], j &lt; n. */
    static void addScaled(double[] grad, int go, double g, double[] t, int to, int n) {
        if (SIMD && VectorUnit.warm) {
            VectorDots.addScaled(grad, go, g, t, to, n);
            return;
        }
        for (int j = 0; j < n; j++) grad[go + j] += g * t[to + j];
    }

    /** As above over a table of 32-bit floats (each element widened to double). */
    static void addScaled(double[] grad, int go, double g, float[] t, int to, int n) {
        if (SIMD && VectorUnit.warmFloats) {
            VectorDots.addScaled(grad, go, g, t, to, n);
            return;
        }
        for (int j = 0; j < n; j++) grad[go + j] += g * (double) t[to + j];
    }

    /**
     * The chain rule of DOT for two rows in one sweep over the gradient block: for each j,
     * grad[go + j] = (grad[go + j] + g0·t[t0 + j]) + g1·t[t1 + j] — the same additions in the same order
     * as two calls of {@link #addScaled(double[], int, double, double[], int, int)}, so the same bits,
     * with the gradient block loaded and stored once instead of twice.
     */
    static void addScaledPair(double[] grad, int go, double g0, double g1, double[] t, int t0, int t1, int n) {
        if (SIMD && VectorUnit.warm) {
            VectorDots.addScaledPair(grad, go, g0, g1, t, t0, t1, n);
            return;
        }
        for (int j = 0; j < n; j++) grad[go + j] = (grad[go + j] + g0 * t[t0 + j]) + g1 * t[t1 + j];
    }

    /** As above over a table of 32-bit floats (each element widened to double). */
    static void addScaledPair(double[] grad, int go, double g0, double g1, float[] t, int t0, int t1, int n) {
        if (SIMD && VectorUnit.warmFloats) {
            VectorDots.addScaledPair(grad, go, g0, g1, t, t0, t1, n);
            return;
        }
        for (int j = 0; j < n; j++) grad[go + j] = (grad[go + j] + g0 * (double) t[t0 + j]) + g1 * (double) t[t1 + j];
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
