package org.gradus.optim;

import java.util.Arrays;

/**
 * The function an optimizer minimizes, over a box {@code lower ≤ x ≤ upper} (infinite bounds for
 * none), counting its evaluations. A maximization is the minimization of −f; the report converts back.
 *
 * <p>Stochastic objectives ({@code batch:}) estimate data reductions on the current mini-batch,
 * chosen by {@link #selectBatch(int)}.
 */
public abstract class Objective {
    protected final double[] lower;
    protected final double[] upper;
    private final boolean bounded;
    protected long fCount;
    protected long gCount;
    protected long hCount;
    protected long hvCount;

    protected Objective(double[] lower, double[] upper) {
        this.lower = lower;
        this.upper = upper;
        boolean b = false;
        for (int i = 0; i < lower.length; i++) b |= Double.isFinite(lower[i]) || Double.isFinite(upper[i]);
        this.bounded = b;
    }

    public int dimension() {
        return lower.length;
    }

    /** f(x). */
    public abstract double value(double[] x);

    /** f(x), with ∇f(x) into g. */
    public abstract double valueAndGradient(double[] x, double[] g);

    /** The Hessian ∇²f(x). */
    public double[][] hessian(double[] x) {
        throw new UnsupportedOperationException("this objective has no Hessian");
    }

    /** ∇²f(x)·v into out. */
    public void hessianVector(double[] x, double[] v, double[] out) {
        throw new UnsupportedOperationException("this objective has no Hessian");
    }

    /**
     * The threads a method may share a step's pass over the coordinates with (the run's {@code threads:}, else
     * {@code GRADUS_THREADS} or the processors); the results do not depend on it.
     */
    public int threads() {
        return org.gradus.eval.EvalThreads.defaultThreads();
    }

    /** True when evaluations estimate f on mini-batches. */
    public boolean stochastic() {
        return false;
    }

    /** Chooses the mini-batch for step t (no-op unless stochastic). */
    public void selectBatch(int step) {
    }

    /** Back to all rows (no-op unless stochastic). */
    public void useAllRows() {
    }

    public boolean bounded() {
        return bounded;
    }

    public double[] lower() {
        return lower;
    }

    public double[] upper() {
        return upper;
    }

    /** Moves x into the box. */
    public void project(double[] x) {
        if (!bounded) return;
        for (int i = 0; i < x.length; i++) x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
    }

    /**
     * The stationarity measure compared with {@code tol}: the inf-norm of the projected gradient
     * (components pushing out of the box at an active bound count as 0), as scipy's L-BFGS-B {@code pgtol};
     * NaN when g has a non-finite component. One pass over g (and x when bounded).
     */
    public double projectedGradientNorm(double[] x, double[] g) {
        double m = 0;
        double finite = 0;   // stays 0 unless some gᵢ is ±∞ or NaN
        if (!bounded) {
            // the running maximum is NaN when some gᵢ is NaN and ∞ when some gᵢ is infinite: the same answer
            m = MaxAbs.of(g);
            return m == Double.POSITIVE_INFINITY ? Double.NaN : m;
        } else {
            for (int i = 0; i < x.length; i++) {
                double gi = g[i];
                finite += gi * 0;
                if (x[i] <= lower[i] && gi > 0) gi = 0;
                else if (x[i] >= upper[i] && gi < 0) gi = 0;
                m = Math.max(m, Math.abs(gi));
            }
        }
        return finite == 0 ? m : Double.NaN;
    }

    /**
     * The stationarity measure of a method with weight decay: max |rᵢ| projected as {@link #projectedComponent},
     * rᵢ = gᵢ + wd·xᵢ·(a·|gᵢ| + b) (a = 0, b = 1: coupled decay, ∇f + wd·x; a = 1, b = eps: AdamW's fixed point);
     * NaN when g has a non-finite component. Without bounds the pass keeps four running maxima and four finiteness
     * sums, so that it is not bound by the latency of one chain of comparisons (the maximum and the sums do not
     * depend on the order: the same bits as one chain in index order).
     */
    public double projectedResidualNorm(double[] x, double[] g, double wd, double a, double b) {
        int n = x.length;
        if (bounded) {
            double m = 0, finite = 0;
            for (int i = 0; i < n; i++) {
                double gi = g[i];
                finite += gi * 0;
                m = Math.max(m, projectedComponent(i, x[i], gi + wd * x[i] * (a * Math.abs(gi) + b)));
            }
            return finite == 0 ? m : Double.NaN;
        }
        double m0 = 0, m1 = 0, m2 = 0, m3 = 0, f0 = 0, f1 = 0, f2 = 0, f3 = 0;
        int i = 0;
        for (int upper = n & -4; i < upper; i += 4) {
            double g0 = g[i], g1 = g[i + 1], g2 = g[i + 2], g3 = g[i + 3];
            f0 += g0 * 0;
            f1 += g1 * 0;
            f2 += g2 * 0;
            f3 += g3 * 0;
            m0 = Math.max(m0, Math.abs(g0 + wd * x[i] * (a * Math.abs(g0) + b)));
            m1 = Math.max(m1, Math.abs(g1 + wd * x[i + 1] * (a * Math.abs(g1) + b)));
            m2 = Math.max(m2, Math.abs(g2 + wd * x[i + 2] * (a * Math.abs(g2) + b)));
            m3 = Math.max(m3, Math.abs(g3 + wd * x[i + 3] * (a * Math.abs(g3) + b)));
        }
        for (; i < n; i++) {
            double gi = g[i];
            f0 += gi * 0;
            m0 = Math.max(m0, Math.abs(gi + wd * x[i] * (a * Math.abs(gi) + b)));
        }
        double finite = (f0 + f1) + (f2 + f3);
        return finite == 0 ? Math.max(Math.max(m0, m1), Math.max(m2, m3)) : Double.NaN;
    }

    /**
     * One component of a projected residual: 0 when rᵢ would push xᵢ out of the box at an active bound,
     * else |rᵢ|. For stationarity measures of methods whose fixed point is not ∇f = 0.
     */
    public double projectedComponent(int i, double xi, double ri) {
        if (bounded) {
            if (xi <= lower[i] && ri > 0) return 0;
            if (xi >= upper[i] && ri < 0) return 0;
        }
        return Math.abs(ri);
    }

    /**
     * f on all rows at x, not counted as an evaluation (a trace's {@code fullF}); for a stochastic
     * objective the mini-batch is chosen again by the next {@link #selectBatch}.
     */
    public double fullValue(double[] x) {
        long counted = fCount;
        double v = value(x);
        fCount = counted;
        return v;
    }

    public long fCount() {
        return fCount;
    }

    public long gCount() {
        return gCount;
    }

    public long hCount() {
        return hCount;
    }

    public long hvCount() {
        return hvCount;
    }

    static double[] infinite(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
