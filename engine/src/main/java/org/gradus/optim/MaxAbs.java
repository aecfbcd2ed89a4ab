package org.gradus.optim;

/**
 * ‖v‖∞ for the loop's tests, in four interleaved running maxima so that a pass is not bound by the latency
 * of one chain of comparisons (issue 9). The maximum does not depend on the order it is taken in, so the
 * result is bit for bit that of one running {@code Math.max} in index order: NaN when v has a NaN, else
 * the largest |vᵢ| (+∞ when some vᵢ is infinite).
 */
public final class MaxAbs {
    private MaxAbs() {
    }

    /** max |vᵢ| (0 for an empty vector), NaN when some vᵢ is NaN. */
    public static double of(double[] v) {
        int n = v.length;
        double m0 = 0, m1 = 0, m2 = 0, m3 = 0;
        int i = 0;
        for (int upper = n & -4; i < upper; i += 4) {
            m0 = Math.max(m0, Math.abs(v[i]));
            m1 = Math.max(m1, Math.abs(v[i + 1]));
            m2 = Math.max(m2, Math.abs(v[i + 2]));
            m3 = Math.max(m3, Math.abs(v[i + 3]));
        }
        for (; i < n; i++) m0 = Math.max(m0, Math.abs(v[i]));
        return Math.max(Math.max(m0, m1), Math.max(m2, m3));
    }
}
