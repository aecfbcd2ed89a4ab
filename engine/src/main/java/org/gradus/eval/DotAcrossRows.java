package org.gradus.eval;

/**
 * One DOT instruction of a compiled loop body ({@code dot(w, row.x)}) worked across consecutive rows,
 * so that its two sweeps cost less per row without changing a bit of the result:
 * <ul>
 * <li><b>Forward, two rows per sweep over the parameters.</b> When the body's row start is an affine
 *     function of the loop index ({@link IndexRanges#step}), the dot of the next row is computed in the
 *     same sweep as this row's ({@link DotProducts#dotPair}) and kept for the next iteration: each
 *     parameter element is loaded once for two rows. Each value is formed exactly as
 *     {@link DotProducts#dot} forms it.</li>
 * <li><b>Reverse, two rows per sweep over the gradient.</b> Where no other instruction of the body
 *     touches the DOT's gradient block ({@link KernelCompiler#defersChainRule}), the chain rule
 *     g += s·row of one row waits for the next row's and both are applied in one sweep
 *     ({@link DotProducts#addScaledPair}): every gradient element receives the same additions in the
 *     same order as row by row; a row left waiting is added by {@link #flush} when the loop ends.</li>
 * </ul>
 * (Four rows per sweep, tried too, was slower than two on this machine's 10⁵ × 100 pass: 14 ms against
 * 9 ms under load, as was two dots with four-row chain rules.)
 * One object per DOT per kernel: a kernel belongs to one program copy, used by one thread at a time.
 * {@link #reset} is called when a kernel method starts (the parameters may have changed since). The
 * system property {@code gradus.dotrows=off} compiles the DOT row by row instead (to measure what this
 * gains; the results are the same bits either way).
 */
final class DotAcrossRows {
    static final boolean ENABLED = !"off".equals(System.getProperty("gradus.dotrows"));

    private final double[] pair = new double[2];
    /** The table start of the row whose dot was computed ahead, or -1. */
    private int aheadStart = -1;
    private double aheadValue;

    /** The queued chain rule: a row's scale and table start, when one is waiting for its pair. */
    private double queuedScale;
    private int queuedStart;
    private boolean pending;

    /** Forgets the dot computed ahead and any queued chain rule (a kernel method starts). */
    void reset() {
        aheadStart = -1;
        pending = false;
    }

    // ---- forward: this row's dot, and the next row's in the same sweep -----------------------------

    /**
     * The dot at {@code start} of a loop over indices, at index i of a run ending before {@code to}; the
     * next index's row starts {@code step} further on.
     */
    double dotRange(double[] x, int xo, double[] t, int start, int n, long step, int i, int to) {
        if (start == aheadStart) {
            aheadStart = -1;
            return aheadValue;
        }
        return i + 1 < to ? ahead(x, xo, t, start, start + step, n) : DotProducts.dot(x, xo, t, start, n);
    }

    /** As {@link #dotRange} in a loop over rows[lo..hi), at position r. */
    double dotRows(double[] x, int xo, double[] t, int start, int n, long step, int[] rows, int r, int hi) {
        if (start == aheadStart) {
            aheadStart = -1;
            return aheadValue;
        }
        return r + 1 < hi ? ahead(x, xo, t, start, start + step * ((long) rows[r + 1] - rows[r]), n)
                : DotProducts.dot(x, xo, t, start, n);
    }

    private double ahead(double[] x, int xo, double[] t, int start, long next, int n) {
        if (next < 0 || next + n > t.length || next == start) {
            aheadStart = -1;
            return DotProducts.dot(x, xo, t, start, n);
        }
        DotProducts.dotPair(x, xo, t, start, (int) next, n, pair);
        aheadStart = (int) next;
        aheadValue = pair[1];
        return pair[0];
    }

    /** As {@link #dotRange} over a table of 32-bit floats. */
    double dotRange(double[] x, int xo, float[] t, int start, int n, long step, int i, int to) {
        if (start == aheadStart) {
            aheadStart = -1;
            return aheadValue;
        }
        return i + 1 < to ? ahead(x, xo, t, start, start + step, n) : DotProducts.dot(x, xo, t, start, n);
    }

    /** As {@link #dotRows} over a table of 32-bit floats. */
    double dotRows(double[] x, int xo, float[] t, int start, int n, long step, int[] rows, int r, int hi) {
        if (start == aheadStart) {
            aheadStart = -1;
            return aheadValue;
        }
        return r + 1 < hi ? ahead(x, xo, t, start, start + step * ((long) rows[r + 1] - rows[r]), n)
                : DotProducts.dot(x, xo, t, start, n);
    }

    private double ahead(double[] x, int xo, float[] t, int start, long next, int n) {
        if (next < 0 || next + n > t.length || next == start) {
            aheadStart = -1;
            return DotProducts.dot(x, xo, t, start, n);
        }
        DotProducts.dotPair(x, xo, t, start, (int) next, n, pair);
        aheadStart = (int) next;
        aheadValue = pair[1];
        return pair[0];
    }

    // ---- reverse: the chain rule two rows at a time -------------------------------------------------

    void addScaled(double[] grad, int go, double s, double[] t, int start, int n) {
        if (!pending) {
            queuedScale = s;
            queuedStart = start;
            pending = true;
            return;
        }
        DotProducts.addScaledPair(grad, go, queuedScale, s, t, queuedStart, start, n);
        pending = false;
    }

    /** Applies the queued row, if any (the loop has ended). */
    void flush(double[] grad, int go, double[] t, int n) {
        if (pending) DotProducts.addScaled(grad, go, queuedScale, t, queuedStart, n);
        pending = false;
    }

    void addScaled(double[] grad, int go, double s, float[] t, int start, int n) {
        if (!pending) {
            queuedScale = s;
            queuedStart = start;
            pending = true;
            return;
        }
        DotProducts.addScaledPair(grad, go, queuedScale, s, t, queuedStart, start, n);
        pending = false;
    }

    /** As {@link #flush(double[], int, double[], int)} over a table of 32-bit floats. */
    void flush(double[] grad, int go, float[] t, int n) {
        if (pending) DotProducts.addScaled(grad, go, queuedScale, t, queuedStart, n);
        pending = false;
    }
}
