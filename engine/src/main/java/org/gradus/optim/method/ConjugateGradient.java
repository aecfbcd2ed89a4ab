package org.gradus.optim.method;

import org.gradus.optim.Iterate;
import org.gradus.optim.Settings;
import org.gradus.optim.Status;
import org.gradus.optim.linesearch.Backtracking;
import org.gradus.optim.linesearch.LineSearch;
import org.gradus.optim.linesearch.MoreThuente;

/**
 * Nonlinear conjugate gradient, Polak–Ribière+ (Nocedal &amp; Wright §5.2): d ← −g + β·d with
 * β = max(0, gᵀ(g − g_prev)/‖g_prev‖²), restarted along −g every n iterations, when d is not a descent
 * direction, or when successive gradients are far from orthogonal (|gᵀg_prev| ≥ 0.2‖g‖², Powell).
 * Strong Wolfe line search with c2 = 0.1; the trial step is α_prev·(g_prevᵀd_prev)/(gᵀd) (N&amp;W 3.60),
 * 1/‖g‖₂ at the start.
 */
final class ConjugateGradient implements Method {
    private final LineSearch lineSearch;
    private double[] d;
    private double[] gPrev;
    private double prevSlope;
    private double prevAlpha = Double.NaN;
    private int sinceRestart;

    ConjugateGradient(Settings s) {
        this.lineSearch = "armijo".equals(s.lineSearch()) ? Backtracking.DEFAULT : MoreThuente.CONJUGATE_GRADIENT;
    }

    @Override
    public String name() {
        return "cg";
    }

    @Override
    public Status step(Iterate it, int t) {
        int n = it.x.length;
        double[] g = it.g;
        boolean restart = d == null || sinceRestart >= n;
        double gg = 0;
        for (double v : g) gg += v * v;
        if (!restart) {
            double num = 0, den = 0, cross = 0;
            for (int i = 0; i < n; i++) {
                num += g[i] * (g[i] - gPrev[i]);
                den += gPrev[i] * gPrev[i];
                cross += g[i] * gPrev[i];
            }
            double beta = Math.max(0, num / den);
            if (Math.abs(cross) >= 0.2 * gg || !Double.isFinite(beta)) restart = true;
            else for (int i = 0; i < n; i++) d[i] = -g[i] + beta * d[i];
        }
        if (d == null) d = new double[n];
        double slope = 0;
        if (!restart) for (int i = 0; i < n; i++) slope += g[i] * d[i];
        if (restart || !(slope < 0)) {
            for (int i = 0; i < n; i++) d[i] = -g[i];
            slope = -gg;
            sinceRestart = 0;
        }
        double alpha0 = Double.isNaN(prevAlpha) ? Math.min(1, 1 / Math.sqrt(gg)) : Math.min(1e10, prevAlpha * prevSlope / slope);
        if (!(alpha0 > 0) || !Double.isFinite(alpha0)) alpha0 = 1 / Math.sqrt(gg);
        gPrev = g.clone();
        LineSearch ls = it.objective.bounded() && lineSearch instanceof Backtracking b ? b.withProjection() : lineSearch;
        double alpha = ls.search(it, d, alpha0);
        if (Double.isNaN(alpha)) {
            if (sinceRestart == 0) return Status.STALLED;
            sinceRestart = n;  // retry along −g next time
            prevAlpha = Double.NaN;
            return null;
        }
        prevAlpha = alpha;
        prevSlope = slope;
        sinceRestart++;
        return null;
    }

    @Override
    public String describe() {
        return "Polak–Ribière+ with restarts, " + lineSearch.describe();
    }
}
