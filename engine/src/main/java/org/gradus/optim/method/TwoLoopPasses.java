package org.gradus.optim.method;

/**
 * The vector passes of L-BFGS's two-loop recursion, each fused with the dot product the next step of the
 * recursion needs (issue 9: the loop's own work per iteration). Every sum is taken in the order of the
 * unfused code it replaces — the four interleaved partial sums of {@link Lbfgs#dot} for the recursion's
 * dot products, one running sum in index order for the slope and the squared norm — so the direction is the
 * same bit for bit; only the number of passes over memory changes (2·memory + 1 instead of 4·memory + 4).
 */
final class TwoLoopPasses {
    private TwoLoopPasses() {
    }

    /** d = −g; returns aᵀd summed as {@link Lbfgs#dot}. */
    static double negateDot(double[] g, double[] d, double[] a) {
        int n = g.length;
        double r0 = 0, r1 = 0, r2 = 0, r3 = 0;
        int i = 0;
        for (int upper = n & -4; i < upper; i += 4) {
            double d0 = -g[i], d1 = -g[i + 1], d2 = -g[i + 2], d3 = -g[i + 3];
            d[i] = d0;
            d[i + 1] = d1;
            d[i + 2] = d2;
            d[i + 3] = d3;
            r0 += a[i] * d0;
            r1 += a[i + 1] * d1;
            r2 += a[i + 2] * d2;
            r3 += a[i + 3] * d3;
        }
        for (; i < n; i++) {
            double di = -g[i];
            d[i] = di;
            r0 += a[i] * di;
        }
        return (r0 + r1) + (r2 + r3);
    }

    /** d = (d + c·v)·scale; returns aᵀd summed as {@link Lbfgs#dot}. With scale 1 the product is exact, so it is d + c·v. */
    static double axpyScaleDot(double[] d, double c, double[] v, double scale, double[] a) {
        int n = d.length;
        double r0 = 0, r1 = 0, r2 = 0, r3 = 0;
        int i = 0;
        for (int upper = n & -4; i < upper; i += 4) {
            double d0 = (d[i] + c * v[i]) * scale;
            double d1 = (d[i + 1] + c * v[i + 1]) * scale;
            double d2 = (d[i + 2] + c * v[i + 2]) * scale;
            double d3 = (d[i + 3] + c * v[i + 3]) * scale;
            d[i] = d0;
            d[i + 1] = d1;
            d[i + 2] = d2;
            d[i + 3] = d3;
            r0 += a[i] * d0;
            r1 += a[i + 1] * d1;
            r2 += a[i + 2] * d2;
            r3 += a[i + 3] * d3;
        }
        for (; i < n; i++) {
            double di = (d[i] + c * v[i]) * scale;
            d[i] = di;
            r0 += a[i] * di;
        }
        return (r0 + r1) + (r2 + r3);
    }

    /** d = d + c·v; writes gᵀd and dᵀd (one running sum each, in index order) into {@code out}. */
    static void axpySlope(double[] d, double c, double[] v, double[] g, double[] out) {
        double dg = 0, dn = 0;
        for (int i = 0; i < d.length; i++) {
            double di = d[i] + c * v[i];
            d[i] = di;
            dg += di * g[i];
            dn += di * di;
        }
        out[0] = dg;
        out[1] = dn;
    }

    /** d = −g; writes gᵀd and dᵀd as {@link #axpySlope} does. */
    static void negateSlope(double[] g, double[] d, double[] out) {
        double dg = 0, dn = 0;
        for (int i = 0; i < d.length; i++) {
            double di = -g[i];
            d[i] = di;
            dg += di * g[i];
            dn += di * di;
        }
        out[0] = dg;
        out[1] = dn;
    }
}
