package org.gradus.optim.method;

import org.gradus.optim.Iterate;
import org.gradus.optim.Settings;
import org.gradus.optim.Status;
import org.gradus.optim.linesearch.Backtracking;
import org.gradus.optim.linesearch.LineSearch;
import org.gradus.optim.linesearch.MoreThuente;

/**
 * Gradient descent x ← x − lr_t·∇f, or along ∇f/‖∇f‖₂ with {@code normalized: true} (so the step length
 * is lr_t; a zero gradient is convergence, never a division by zero). With {@code lineSearch: 'armijo'}
 * or {@code 'wolfe'} the step starts at lr (default 1) and the line search chooses it.
 * Defaults: lr 0.001 (torch.optim.SGD), or 1 with a line search.
 */
final class GradientDescent extends FirstOrder {
    private final boolean normalized;
    private final LineSearch lineSearch;
    private double[] d;

    GradientDescent(Settings s) {
        super(s, s.lineSearch() != null && !"none".equals(s.lineSearch()) ? 1.0 : 1e-3, 0, false);
        this.normalized = Boolean.TRUE.equals(s.normalized());
        LineSearch ls = null;
        if ("armijo".equals(s.lineSearch())) ls = Backtracking.DEFAULT;
        else if ("wolfe".equals(s.lineSearch())) ls = MoreThuente.QUASI_NEWTON;
        this.lineSearch = ls;
    }

    @Override
    public String name() {
        return "gd";
    }

    @Override
    void update(double[] g, double[] u, int t) {
        double scale = 1;
        if (normalized) {
            double norm = 0;
            for (double v : g) norm += v * v;
            norm = Math.sqrt(norm);
            scale = norm == 0 ? 0 : 1 / norm;
        }
        for (int i = 0; i < g.length; i++) u[i] = scale * g[i];
    }

    @Override
    public Status step(Iterate it, int t) {
        if (lineSearch == null) return super.step(it, t);
        if (d == null) d = new double[it.x.length];
        update(it.g, d, t);
        for (int i = 0; i < d.length; i++) d[i] = -d[i];
        LineSearch ls = it.objective.bounded() && lineSearch instanceof Backtracking b ? b.withProjection() : lineSearch;
        double alpha = ls.search(it, d, schedule.rate(lr, t));
        return Double.isNaN(alpha) ? Status.STALLED : null;
    }

    @Override
    public String describe() {
        String s = (normalized ? "normalized steps ∇f/‖∇f‖, " : "") + common();
        return lineSearch == null ? s : s.replaceFirst("^lr", "initial step") + ", " + lineSearch.describe();
    }
}
