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
