package org.gradus.optim.method;

import org.gradus.optim.Iterate;
import org.gradus.optim.Settings;
import org.gradus.optim.Status;
import org.gradus.optim.linesearch.Backtracking;
import org.gradus.optim.linesearch.LineSearch;
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
    private static final double BETA = 1e-3;
    private final LineSearch lineSearch;
    private final String lineSearchName;
    private double lastTau;

    Newton(Settings s) {
        this.lineSearchName = s.lineSearch() == null ? "armijo" : s.lineSearch();
        this.lineSearch = switch (lineSearchName) {
            case "wolfe" -> MoreThuente.QUASI_NEWTON;
            case "none" -> null;
            default -> Backtracking.DEFAULT;
        };
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
        double[][] l = null;
        for (int k = 0; k < 200 && l == null; k++) {
            l = cholesky(h, tau);
            if (l == null) tau = Math.max(2 * tau, BETA);
        }
        if (l == null) return Status.STALLED;
        lastTau = tau;
        double[] d = solve(l, it.g);
        for (int i = 0; i < n; i++) d[i] = -d[i];
        if (lineSearch == null) {
            double sn = 0;
            for (int i = 0; i < n; i++) {
                it.x[i] += d[i];
                sn += d[i] * d[i];
            }
            it.objective.project(it.x);
            it.evaluate();
            it.lr = 1;
            it.stepNorm = Math.sqrt(sn);
            return null;
        }
        LineSearch ls = it.objective.bounded() && lineSearch instanceof Backtracking b ? b.withProjection() : lineSearch;
        double alpha = ls.search(it, d, 1.0);
        return Double.isNaN(alpha) ? Status.STALLED : null;
    }

    /** The lower Cholesky factor of h + τI, or null when it is not positive definite. */
    static double[][] cholesky(double[][] h, double tau) {
        int n = h.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double s = h[j][j] + tau;
            for (int k = 0; k < j; k++) s -= l[j][k] * l[j][k];
            if (!(s > 0)) return null;
            double ljj = Math.sqrt(s);
            l[j][j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double v = h[i][j];
                for (int k = 0; k < j; k++) v -= l[i][k] * l[j][k];
                l[i][j] = v / ljj;
            }
        }
        return l;
    }

    /** x with L·Lᵀ·x = b. */
    static double[] solve(double[][] l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i][k] * y[k];
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) s -= l[k][i] * x[k];
            x[i] = s / l[i][i];
        }
        return x;
    }

    @Override
    public String describe() {
        return "exact Hessian, regularized ∇²f + τI when not positive definite (last τ = " + Numbers.round(lastTau, 3) + "), "
                + (lineSearch == null ? "full steps" : lineSearch.describe());
    }
}
