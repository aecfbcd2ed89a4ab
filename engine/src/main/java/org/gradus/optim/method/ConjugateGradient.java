package org.gradus.optim.method;

import org.gradus.optim.Iterate;
import org.gradus.optim.Status;
import org.gradus.optim.linesearch.LineSearch;
import org.gradus.optim.linesearch.MoreThuente;

import java.util.List;

/**
 * Nonlinear conjugate gradient, Polak–Ribière+ (Nocedal &amp; Wright §5.2): d ← −g + β·d with
 * β = max(0, gᵀ(g − g_prev)/‖g_prev‖²), restarted along −g every n iterations, when d is not a descent
 * direction, or when successive gradients are far from orthogonal (|gᵀg_prev| ≥ 0.2‖g‖², Powell).
 * Strong Wolfe line search with c2 = 0.1; the trial step is α_prev·(g_prevᵀd_prev)/(gᵀd) (N&amp;W 3.60),
 * 1/‖g‖₂ at the start.
 */
final class ConjugateGradient implements Method {
    static final MethodSpec SPEC = MethodSpec.named("cg")
            .summary("nonlinear conjugate gradient")
            .description("Polak–Ribière+ with restarts (every n, non-descent, Powell's test)")
            .options(HyperParameters.LINE_SEARCH.withChoices(List.of("armijo", "wolfe"), "wolfe")
                    .withDefaultText("wolfe (strong Wolfe c1 1e-4, c2 0.1)"))
            .maxIter(n -> (int) Math.min(1_000_000, Math.max(1000, 200L * n)), "max(1000, 200·n)")
            .build(Config::of, ConjugateGradient::new);

    record Config(LineSearch lineSearch) {
        static Config of(MethodOptions o) {
            return new Config(o.lineSearch(MoreThuente.CONJUGATE_GRADIENT));
        }
    }

    private final LineSearch lineSearch;
    private LineSearch search;
    private double[] d;
    private double prevSlope;
    private double prevAlpha = Double.NaN;
    private int sinceRestart;
    private boolean first = true;
    /** The iteration whose first pass {@link #stepAhead} made, or −1; and that pass's results. */
    private int aheadFor = -1;
    private boolean restarting;
    private double gg, num, den, cross;

    ConjugateGradient(Config c) {
        this.lineSearch = c.lineSearch();
    }

    @Override
    public void init(Iterate it) {
        d = new double[it.x.length];
        search = lineSearch.forBounds(it.objective.bounded());
    }

    @Override
    public String name() {
        return "cg";
    }

    /**
     * One iteration in two passes over the coordinates besides the line search's: ‖g‖² with (unless
     * restarting) gᵀ(g − g_prev), ‖g_prev‖² and gᵀg_prev, then the new direction with its slope gᵀd
     * (handed to the line search, which then needs no pass of its own). g_prev is the iterate's previous
     * gradient (the buffer the last move left), not a copy. The sums are those of the unfused loops, in
     * the same order: the same bits.
     */
    /**
     * Without bounds the first pass of step t also takes ‖g‖∞ (the stopping test's measure), so the loop
     * asks for it here instead of passing over g again.
     */
    @Override
    public boolean stepsAhead(Iterate it) {
        return !it.objective.bounded();
    }

    /** The first pass of step t (its sums, and d = −g on a restart) with max|gᵢ|: ‖∇f‖∞ of the current iterate. */
    @Override
    public double stepAhead(Iterate it, int t) {
        double gMax = firstPass(it);
        aheadFor = t;
        return gMax == Double.POSITIVE_INFINITY ? Double.NaN : gMax;
    }

    /**
     * ‖g‖² and, unless restarting, gᵀ(g − g_prev), ‖g_prev‖², gᵀg_prev (into the fields below; d = −g on a
     * restart), in one pass that also returns max|gᵢ|. The sums in index order, as before: the same bits.
     */
    private double firstPass(Iterate it) {
        int n = it.x.length;
        double[] g = it.g;
        restarting = first || sinceRestart >= n;
        double gg = 0, gMax = 0;
        if (restarting) {
            for (int i = 0; i < n; i++) {
                double gi = g[i];
                gg += gi * gi;
                d[i] = -gi;
                gMax = Math.max(gMax, Math.abs(gi));
            }
        } else {
            double[] gPrev = it.previousG();
            double num = 0, den = 0, cross = 0;
            for (int i = 0; i < n; i++) {
                double gi = g[i], pi = gPrev[i];
                gg += gi * gi;
                num += gi * (gi - pi);
                den += pi * pi;
                cross += gi * pi;
                gMax = Math.max(gMax, Math.abs(gi));
            }
            this.num = num;
            this.den = den;
            this.cross = cross;
        }
        this.gg = gg;
        return gMax;
    }

    @Override
    public Status step(Iterate it, int t) {
        int n = it.x.length;
        double[] g = it.g;
        if (aheadFor != t) firstPass(it);
        aheadFor = -1;
        boolean restart = restarting;
        double gg = this.gg;
        double slope = 0;
        if (!restart) {
            double beta = Math.max(0, num / den);
            if (Math.abs(cross) >= 0.2 * gg || !Double.isFinite(beta)) {
                restart = true;
            } else {
                for (int i = 0; i < n; i++) {
                    double di = -g[i] + beta * d[i];
                    d[i] = di;
                    slope += g[i] * di;
                }
            }
            if (restart || !(slope < 0)) {
                for (int i = 0; i < n; i++) d[i] = -g[i];
                restart = true;
            }
        }
        first = false;
        if (restart) {
            slope = -gg;
            sinceRestart = 0;
        }
        double alpha0 = Double.isNaN(prevAlpha) ? Math.min(1, 1 / Math.sqrt(gg)) : Math.min(1e10, prevAlpha * prevSlope / slope);
        if (!(alpha0 > 0) || !Double.isFinite(alpha0)) alpha0 = 1 / Math.sqrt(gg);
        if (slope < 0) it.slopeAlong(d, slope);   // −‖g‖² is gᵀ(−g) bit for bit; at 0 let the search see its own +0
        double alpha = search.search(it, d, alpha0);
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
