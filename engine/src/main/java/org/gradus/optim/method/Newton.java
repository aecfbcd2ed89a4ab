package org.gradus.optim.method;

import org.gradus.optim.Iterate;
import org.gradus.optim.Status;
import org.gradus.optim.linesearch.LineSearch;
import org.gradus.optim.linesearch.LineSearches;
import org.gradus.optim.linesearch.MoreThuente;
import org.gradus.print.Numbers;

/**
 * Newton's method with the exact Hessian. Where ∇²f is not positive definite it is regularized to
 * ∇²f + τI with the smallest τ (doubling from 1e-3, Nocedal &amp; Wright Algorithm 3.3, "Cholesky with
 * added multiple of the identity") that admits a Cholesky factorization, so every step is a descent
 * direction; the step length comes from a line search starting at the full Newton step 1.
 * Defaults: lineSearch 'armijo' (c1 1e-4); 'wolfe' uses Moré–Thuente; 'none' takes full steps.
 */
final class Newton implements Method {
    static final MethodSpec SPEC = MethodSpec.named("newton")
            .summary("Newton's method with the exact Hessian")
            .description("exact Hessian; ∇²f + τI with the smallest τ (doubling from 1e-3) that has a Cholesky factor when ∇²f is not "
                    + "positive definite (N&W Alg. 3.3); line search from the full step")
            .noConstraints()
            .options(HyperParameters.LINE_SEARCH.withChoices(LineSearches.names(), "armijo"))
            .maxIter(n -> 1000, "1000")
            .build(Config::of, Newton::new);

    /** @param lineSearch from the full Newton step; {@code none} takes it as it is */
    record Config(LineSearch lineSearch) {
        static Config of(MethodOptions o) {
            return new Config(o.lineSearch(MoreThuente.QUASI_NEWTON));
        }
    }

    private static final double BETA = 1e-3;
    private final LineSearch lineSearch;
    private LineSearch search;
    private double lastTau;
    private double[][] l;
    private double[] d;
    private double[] y;

    Newton(Config c) {
        this.lineSearch = c.lineSearch();
    }

    @Override
    public void init(Iterate it) {
        int n = it.x.length;
        l = new double[n][n];
        d = new double[n];
        y = new double[n];
        search = lineSearch.forBounds(it.objective.bounded());
    }

    @Override
    public String name() {
        return "newton";
    }

    @Override
    public Status step(Iterate it, int t) {
        int n = it.x.length;
        double[][] h = it.objective.hessian(it.x);
        double minDiag = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(h[i][i])) return Status.STALLED;
            minDiag = Math.min(minDiag, h[i][i]);
        }
        double tau = minDiag > 0 ? 0 : -minDiag + BETA;
        boolean factored = false;
        for (int k = 0; k < 200 && !factored; k++) {
            factored = cholesky(h, tau, l);
            if (!factored) tau = Math.max(2 * tau, BETA);
        }
        if (!factored) return Status.STALLED;
        lastTau = tau;
        solve(l, it.g, y, d);
        for (int i = 0; i < n; i++) d[i] = -d[i];
        double alpha = search.search(it, d, 1.0);
        return Double.isNaN(alpha) ? Status.STALLED : null;
    }

    /** The lower Cholesky factor of h + τI into l; false when h + τI is not positive definite. */
    static boolean cholesky(double[][] h, double tau, double[][] l) {
        int n = h.length;
        for (int j = 0; j < n; j++) {
            double s = h[j][j] + tau;
            for (int k = 0; k < j; k++) s -= l[j][k] * l[j][k];
            if (!(s > 0)) return false;
            double ljj = Math.sqrt(s);
            l[j][j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double v = h[i][j];
                for (int k = 0; k < j; k++) v -= l[i][k] * l[j][k];
                l[i][j] = v / ljj;
            }
        }
        return true;
    }

    /** x with L·Lᵀ·x = b, through y (both of length n). */
    static void solve(double[][] l, double[] b, double[] y, double[] x) {
        int n = b.length;
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i][k] * y[k];
            y[i] = s / l[i][i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) s -= l[k][i] * x[k];
            x[i] = s / l[i][i];
        }
    }

    @Override
    public String describe() {
        return "exact Hessian, regularized ∇²f + τI when not positive definite (last τ = " + Numbers.round(lastTau, 3) + "), "
                + lineSearch.describe();
    }
}
