package org.gradus.optim.method;

import org.gradus.optim.Iterate;
import org.gradus.optim.Status;
import org.gradus.optim.linesearch.LineSearch;
import org.gradus.optim.linesearch.MoreThuente;

import java.util.List;

/**
 * BFGS with a dense inverse-Hessian approximation H (Nocedal &amp; Wright Algorithm 6.1): d = −H·g, a
 * strong Wolfe line search from step 1 (the first step 1/‖g‖₂ at most), then
 * H ← (I − ρ·s·yᵀ)·H·(I − ρ·y·sᵀ) + ρ·s·sᵀ, with H₀ scaled by sᵀy/yᵀy before the first update (N&amp;W 6.20).
 * The update is skipped when sᵀy ≤ 1e-10·‖s‖·‖y‖. Memory O(n²): for large n use lbfgs.
 */
final class Bfgs implements Method {
    static final MethodSpec SPEC = MethodSpec.named("bfgs")
            .summary("BFGS quasi-Newton")
            .description("dense inverse-Hessian BFGS, H₀ scaled by sᵀy/yᵀy, first step ≤ 1/‖g‖")
            .options(HyperParameters.LINE_SEARCH.withChoices(List.of("armijo", "wolfe"), "wolfe")
                    .withDefaultText("wolfe (Moré–Thuente, c1 1e-4, c2 0.9)"))
            .maxIter(n -> (int) Math.min(1_000_000, Math.max(1000, 200L * n)), "max(1000, 200·n)")
            .build(Config::of, Bfgs::new);

    record Config(LineSearch lineSearch) {
        static Config of(MethodOptions o) {
            return new Config(o.lineSearch(MoreThuente.QUASI_NEWTON));
        }
    }

    private final LineSearch lineSearch;
    private LineSearch search;
    private double[][] h;
    private double[] d;
    private double[] s;
    private double[] y;
    private double[] hy;
    private boolean scaled;

    Bfgs(Config c) {
        this.lineSearch = c.lineSearch();
    }

    @Override
    public String name() {
        return "bfgs";
    }

    @Override
    public void init(Iterate it) {
        int n = it.x.length;
        h = new double[n][n];
        d = new double[n];
        s = new double[n];
        y = new double[n];
        hy = new double[n];
        identity();
        search = lineSearch.forBounds(it.objective.bounded());
    }

    private void identity() {
        for (int i = 0; i < h.length; i++) {
            java.util.Arrays.fill(h[i], 0);
            h[i][i] = 1;
        }
    }

    @Override
    public Status step(Iterate it, int t) {
        int n = it.x.length;
        double[] g = it.g;
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) v -= h[i][j] * g[j];
            d[i] = v;
        }
        double dg = 0;
        for (int i = 0; i < n; i++) dg += d[i] * g[i];
        if (!(dg < 0)) {
            identity();
            scaled = false;
            for (int i = 0; i < n; i++) d[i] = -g[i];
        }
        double alpha0 = 1;
        if (!scaled) {
            double norm = 0;
            for (double v : d) norm += v * v;
            alpha0 = Math.min(1, 1 / Math.sqrt(norm));
        }
        double alpha = search.search(it, d, alpha0);
        if (Double.isNaN(alpha)) return Status.STALLED;
        double[] x0 = it.previousX();
        double[] g0 = it.previousG();
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
