package org.gradus.optim.method;

import org.gradus.optim.Iterate;
import org.gradus.optim.Settings;
import org.gradus.optim.Status;
import org.gradus.optim.linesearch.Backtracking;
import org.gradus.optim.linesearch.LineSearch;
import org.gradus.optim.linesearch.MoreThuente;

/**
 * BFGS with a dense inverse-Hessian approximation H (Nocedal &amp; Wright Algorithm 6.1): d = −H·g, a
 * strong Wolfe line search from step 1 (the first step 1/‖g‖₂ at most), then
 * H ← (I − ρ·s·yᵀ)·H·(I − ρ·y·sᵀ) + ρ·s·sᵀ, with H₀ scaled by sᵀy/yᵀy before the first update (N&amp;W 6.20).
 * The update is skipped when sᵀy ≤ 1e-10·‖s‖·‖y‖. Memory O(n²): for large n use lbfgs.
 */
final class Bfgs implements Method {
    private final LineSearch lineSearch;
    private double[][] h;
    private boolean scaled;

    Bfgs(Settings s) {
        this.lineSearch = "armijo".equals(s.lineSearch()) ? Backtracking.DEFAULT : MoreThuente.QUASI_NEWTON;
    }

    @Override
    public String name() {
        return "bfgs";
    }

    @Override
    public void init(Iterate it) {
        int n = it.x.length;
        h = new double[n][n];
        for (int i = 0; i < n; i++) h[i][i] = 1;
    }

    @Override
    public Status step(Iterate it, int t) {
        int n = it.x.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s -= h[i][j] * it.g[j];
            d[i] = s;
        }
        double dg = 0;
        for (int i = 0; i < n; i++) dg += d[i] * it.g[i];
        if (!(dg < 0)) {
            init(it);
            scaled = false;
            for (int i = 0; i < n; i++) d[i] = -it.g[i];
        }
        double[] x0 = it.x.clone();
        double[] g0 = it.g.clone();
        double alpha0 = 1;
        if (!scaled) {
            double norm = 0;
            for (double v : d) norm += v * v;
            alpha0 = Math.min(1, 1 / Math.sqrt(norm));
        }
        LineSearch ls = it.objective.bounded() && lineSearch instanceof Backtracking b ? b.withProjection() : lineSearch;
        double alpha = ls.search(it, d, alpha0);
        if (Double.isNaN(alpha)) return Status.STALLED;
        double[] s = new double[n];
        double[] y = new double[n];
        double sy = 0, ss = 0, yy = 0;
        for (int i = 0; i < n; i++) {
            s[i] = it.x[i] - x0[i];
            y[i] = it.g[i] - g0[i];
            sy += s[i] * y[i];
            ss += s[i] * s[i];
            yy += y[i] * y[i];
        }
        if (!(sy > 1e-10 * Math.sqrt(ss * yy))) return null;
        if (!scaled) {
            double gamma = sy / yy;
            for (int i = 0; i < n; i++) h[i][i] = gamma;
            scaled = true;
        }
        double rho = 1 / sy;
        double[] hy = new double[n];
        double yhy = 0;
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) v += h[i][j] * y[j];
            hy[i] = v;
            yhy += y[i] * v;
        }
        double c = rho + rho * rho * yhy;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) h[i][j] += c * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
        }
        return null;
    }

    @Override
    public String describe() {
        return "dense inverse Hessian, " + lineSearch.describe();
    }
}
