package org.gradus.eval;

import org.gradus.atoms.UnaryAtom;

/**
 * The arithmetic of the array instructions over contiguous storage: each operand is an array and the
 * offset of its first element (a variable's block of x, a row of a data table, an instruction's own
 * buffer), each result a buffer of its own. Products run row by row over contiguous memory; sums of
 * products use the eight partial sums of {@link DotProducts}. Every method that accumulates an adjoint
 * adds into its target ({@code +=}); the caller zeroes adjoints before a reverse sweep. An elementwise
 * chain rule skips elements whose adjoint is 0, so that 0·∞ never poisons a gradient (as the scalar
 * rules of {@link Opcode} skip a zero adjoint).
 */
final class ArrayRules {
    private ArrayRules() {
    }

    // ---- elementwise ------------------------------------------------------------------------------

    static void add(double[] a, int ao, double[] b, int bo, double[] out, int n) {
        for (int k = 0; k < n; k++) out[k] = a[ao + k] + b[bo + k];
    }

    static void addScalar(double[] a, int ao, double s, double[] out, int n) {
        for (int k = 0; k < n; k++) out[k] = a[ao + k] + s;
    }

    static void multiply(double[] a, int ao, double[] b, int bo, double[] out, int n) {
        for (int k = 0; k < n; k++) out[k] = a[ao + k] * b[bo + k];
    }

    static void scale(double[] a, int ao, double s, double[] out, int n) {
        for (int k = 0; k < n; k++) out[k] = a[ao + k] * s;
    }

    static void divide(double[] a, int ao, double[] b, int bo, double[] out, int n) {
        for (int k = 0; k < n; k++) out[k] = a[ao + k] / b[bo + k];
    }

    static void square(double[] a, int ao, double[] out, int n) {
        for (int k = 0; k < n; k++) out[k] = Opcode.square(a[ao + k]);
    }

    static void power(double[] a, int ao, double p, double[] out, int n) {
        for (int k = 0; k < n; k++) out[k] = Opcode.power(a[ao + k], p);
    }

    static void unary(UnaryAtom f, double[] a, int ao, double[] out, int n) {
        for (int k = 0; k < n; k++) out[k] = f.apply(a[ao + k]);
    }

    /** target[to + k] += g[k]. */
    static void accumulate(double[] g, double[] target, int to, int n) {
        for (int k = 0; k < n; k++) target[to + k] += g[k];
    }

    /** target[to + k] += g[k]·s. */
    static void accumulateScaled(double[] g, double s, double[] target, int to, int n) {
        for (int k = 0; k < n; k++) target[to + k] += g[k] * s;
    }

    /** target[to + k] += g[go + k]·s. */
    static void accumulateScaledFrom(double[] g, int go, double s, double[] target, int to, int n) {
        for (int k = 0; k < n; k++) target[to + k] += g[go + k] * s;
    }

    /** target[to + k] += g[k]·b[bo + k]. */
    static void accumulateProduct(double[] g, double[] b, int bo, double[] target, int to, int n) {
        for (int k = 0; k < n; k++) target[to + k] += g[k] * b[bo + k];
    }

    /** Σ g[k]·b[bo + k]. */
    static double dotWith(double[] g, double[] b, int bo, int n) {
        return DotProducts.dot(g, 0, b, bo, n);
    }

    static double sum(double[] a, int ao, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        for (int upper = n & -4; k < upper; k += 4) {
            s0 += a[ao + k];
            s1 += a[ao + k + 1];
            s2 += a[ao + k + 2];
            s3 += a[ao + k + 3];
        }
        for (; k < n; k++) s0 += a[ao + k];
        return (s0 + s1) + (s2 + s3);
    }

    /** The first index of the largest element (NaN elements are never largest; all NaN gives 0). */
    static int argmax(double[] a, int ao, int n) {
        int best = 0;
        for (int k = 1; k < n; k++) if (a[ao + k] > a[ao + best] || Double.isNaN(a[ao + best])) best = k;
        return best;
    }

    // ---- matrices ---------------------------------------------------------------------------------

    /**
     * out = A·x, A of rows × cols (row-major from ao), x from xo. Two rows of A at a time
     * ({@link DotProducts#dotPair(double[], int, double[], int, int, int, double[], int)}): each element
     * of x is loaded once for both rows and the two sums are independent chains the processor overlaps.
     * Each out[i] is formed exactly as {@link DotProducts#dot(double[], int, double[], int, int)} of row i
     * with x forms it (the same partial sums in the same order; a·x and x·a are the same product), so the
     * bits are those of one dot per row.
     */
    static void matVec(double[] a, int ao, int rows, int cols, double[] x, int xo, double[] out) {
        int i = 0;
        for (; i + 1 < rows; i += 2) DotProducts.dotPair(x, xo, a, ao + i * cols, ao + (i + 1) * cols, cols, out, i);
        if (i < rows) out[i] = DotProducts.dot(a, ao + i * cols, x, xo, cols);
    }

    /**
     * The chain rule of A·x: Ā += g xᵀ (row by row) into (ta, tao) unless ta is null; x̄ += Aᵀ g into
     * (tx, txo) unless null. Ā's rows go two at a time when both adjoints are nonzero, each x element
     * loaded once for both; every element of Ā gets the same single addition as row by row, so the same bits.
     */
    static void matVecBackward(double[] a, int ao, int rows, int cols, double[] x, int xo, double[] g,
                               double[] ta, int tao, double[] tx, int txo) {
        if (ta != null && tx == null) {
            outerInto(g, rows, x, xo, cols, ta, tao);
            return;
        }
        for (int i = 0; i < rows; i++) {
            double gi = g[i];
            if (gi == 0) continue;
            int row = i * cols;
            if (ta != null) for (int j = 0; j < cols; j++) ta[tao + row + j] += gi * x[xo + j];
            if (tx != null) for (int j = 0; j < cols; j++) tx[txo + j] += gi * a[ao + row + j];
        }
    }

    /** Ā += g xᵀ: row i of Ā (from tao) gets gi·x, skipped when gi is 0, two rows per sweep over x. */
    private static void outerInto(double[] g, int rows, double[] x, int xo, int cols, double[] ta, int tao) {
        int i = 0;
        for (; i + 1 < rows; i += 2) {
            double g0 = g[i], g1 = g[i + 1];
            int r0 = tao + i * cols, r1 = r0 + cols;
            if (g0 != 0 && g1 != 0) {
                for (int j = 0; j < cols; j++) {
                    double xj = x[xo + j];
                    ta[r0 + j] += g0 * xj;
                    ta[r1 + j] += g1 * xj;
                }
            } else if (g0 != 0) {
                for (int j = 0; j < cols; j++) ta[r0 + j] += g0 * x[xo + j];
            } else if (g1 != 0) {
                for (int j = 0; j < cols; j++) ta[r1 + j] += g1 * x[xo + j];
            }
        }
        if (i < rows && g[i] != 0) {
            double gi = g[i];
            int r = tao + i * cols;
            for (int j = 0; j < cols; j++) ta[r + j] += gi * x[xo + j];
        }
    }

    /** out = A·B, A of r × q, B of q × c. */
    static void matMul(double[] a, int ao, int r, int q, int c, double[] b, int bo, double[] out) {
        java.util.Arrays.fill(out, 0, r * c, 0);
        for (int i = 0; i < r; i++) {
            for (int k = 0; k < q; k++) {
                double aik = a[ao + i * q + k];
                if (aik == 0) continue;
                int brow = bo + k * c, orow = i * c;
                for (int j = 0; j < c; j++) out[orow + j] += aik * b[brow + j];
            }
        }
    }

    /** The chain rule of A·B: Ā += G Bᵀ, B̄ += Aᵀ G (each unless its target is null). */
    static void matMulBackward(double[] a, int ao, int r, int q, int c, double[] b, int bo, double[] g,
                               double[] ta, int tao, double[] tb, int tbo) {
        for (int i = 0; i < r; i++) {
            for (int k = 0; k < q; k++) {
                int brow = bo + k * c, grow = i * c;
                if (ta != null) ta[tao + i * q + k] += DotProducts.dot(g, grow, b, brow, c);
                if (tb != null) {
                    double aik = a[ao + i * q + k];
                    if (aik != 0) for (int j = 0; j < c; j++) tb[tbo + k * c + j] += aik * g[grow + j];
                }
            }
        }
    }

    /** out = Aᵀ for A of r × c. */
    static void transpose(double[] a, int ao, int r, int c, double[] out) {
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) out[j * r + i] = a[ao + i * c + j];
    }

    /** target += Gᵀ for G of c × r (the adjoint of a transpose of an r × c matrix). */
    static void transposeBackward(double[] g, int r, int c, double[] target, int to) {
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) target[to + i * c + j] += g[j * r + i];
    }

    /** out = a bᵀ. */
    static void outer(double[] a, int ao, int n, double[] b, int bo, int m, double[] out) {
        for (int i = 0; i < n; i++) {
            double ai = a[ao + i];
            for (int j = 0; j < m; j++) out[i * m + j] = ai * b[bo + j];
        }
    }

    // ---- softmax and its relatives ----------------------------------------------------------------

    /** log Σ e^{zₖ} with the maximum shifted out; the probabilities e^{zₖ − lse} into probs. */
    static double logSumExp(double[] z, int zo, int n, double[] probs) {
        double m = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) m = Math.max(m, z[zo + k]);
        if (Double.isInfinite(m) || Double.isNaN(m)) {
            for (int k = 0; k < n; k++) probs[k] = Double.NaN;
            return m;
        }
        double s = 0;
        for (int k = 0; k < n; k++) {
            double e = Math.exp(z[zo + k] - m);
            probs[k] = e;
            s += e;
        }
        double inv = 1 / s;
        for (int k = 0; k < n; k++) probs[k] *= inv;
        return m + Math.log(s);
    }

    /** softmax(z) into out. */
    static void softmax(double[] z, int zo, int n, double[] out) {
        logSumExp(z, zo, n, out);
    }

    /** The chain rule of softmax: z̄ += s ⊙ (g − ⟨g, s⟩). */
    static void softmaxBackward(double[] s, double[] g, int n, double[] target, int to) {
        double d = DotProducts.dot(g, 0, s, 0, n);
        for (int k = 0; k < n; k++) target[to + k] += s[k] * (g[k] - d);
    }

    /**
     * The class index of crossEntropy and oneHot: a whole number in [0, n), else an error saying so.
     */
    static int classIndex(double v, int n, String what) {
        if (v != Math.rint(v)) throw new IllegalArgumentException(what + ": the class " + v + " is not a whole number");
        if (v < 0 || v >= n) throw new IndexOutOfBoundsException(what + ": the class " + (long) v + " is outside 0.." + (n - 1));
        return (int) v;
    }

    // ---- quadratic forms --------------------------------------------------------------------------

    /** vᵀMv. */
    static double quadForm(double[] v, int vo, double[] m, int mo, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += v[vo + i] * DotProducts.dot(m, mo + i * n, v, vo, n);
        return s;
    }

    /** The chain rule of vᵀMv: v̄ += g(M + Mᵀ)v, M̄ += g v vᵀ (each unless its target is null). */
    static void quadFormBackward(double[] v, int vo, double[] m, int mo, int n, double g, double[] tv, int tvo, double[] tm, int tmo) {
        for (int i = 0; i < n; i++) {
            double vi = v[vo + i];
            for (int j = 0; j < n; j++) {
                if (tv != null) tv[tvo + i] += g * (m[mo + i * n + j] + m[mo + j * n + i]) * v[vo + j];
                if (tm != null) tm[tmo + i * n + j] += g * vi * v[vo + j];
            }
        }
    }
}
