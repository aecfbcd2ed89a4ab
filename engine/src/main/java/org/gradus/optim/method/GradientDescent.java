package org.gradus.optim.method;

import org.gradus.optim.Iterate;
import org.gradus.optim.Status;
import org.gradus.optim.linesearch.FullStep;
import org.gradus.optim.linesearch.LineSearch;
import org.gradus.optim.linesearch.LineSearches;
import org.gradus.optim.linesearch.MoreThuente;
import org.gradus.optim.schedule.ScalarOrSchedule;
import org.gradus.print.Numbers;

import java.util.function.DoubleSupplier;

/**
 * Gradient descent x ← x − lr_t·∇f, or along ∇f/‖∇f‖₂ with {@code normalized: true} (so the step length
 * is lr_t; a zero gradient is convergence, never a division by zero). With {@code lineSearch: 'armijo'}
 * or {@code 'wolfe'} the step starts at lr (default 1) and the line search chooses it.
 * Defaults: lr 0.001 (torch.optim.SGD), or 1 with a line search.
 */
final class GradientDescent extends FirstOrder {
    static final MethodSpec SPEC = MethodSpec.named("gd")
            .summary("gradient descent")
            .description("x ← x − lr_t·∇f; `normalized: true` steps along ∇f/‖∇f‖₂ (step length lr_t; a zero gradient is convergence); "
                    + "`lineSearch: 'armijo'` or `'wolfe'` chooses the step, starting at lr")
            .stochastic()
            .tol(1e-6, "1e-6 on |∇f + wd·x|∞ (projected onto the bounds)")
            .options(HyperParameters.LR.withDefault(1e-3).withDefaultText("0.001 (torch SGD), 1 with a line search"),
                    HyperParameters.NORMALIZED,
                    HyperParameters.LINE_SEARCH.withChoices(LineSearches.names(), "none"),
                    HyperParameters.WEIGHT_DECAY,
                    HyperParameters.SCHEDULE)
            .build(Config::of, GradientDescent::new);

    /** @param lineSearch null for plain steps of lr_t */
    record Config(ScalarOrSchedule lr, ScalarOrSchedule weightDecay, boolean normalized, LineSearch lineSearch) {
        static Config of(MethodOptions o) {
            LineSearch ls = o.lineSearch(MoreThuente.QUASI_NEWTON);
            boolean searching = !(ls instanceof FullStep);
            if (searching && o.given("weightDecay")) {
                throw new IllegalArgumentException("weightDecay does not combine with a line search (the search measures f alone); "
                        + "add (wd/2)*l2(w) to the objective instead, or drop lineSearch");
            }
            return new Config(searching ? o.real("lr", 1.0) : o.real("lr"), o.real("weightDecay"), o.flag("normalized"), searching ? ls : null);
        }
    }

    private final boolean normalized;
    private final LineSearch lineSearch;
    private LineSearch search;
    private double[] d;

    GradientDescent(Config c) {
        super(c.lr(), c.weightDecay(), false);
        this.normalized = c.normalized();
        this.lineSearch = c.lineSearch();
    }

    @Override
    public String name() {
        return "gd";
    }

    @Override
    public void init(Iterate it) {
        if (lineSearch != null) {
            d = new double[it.x.length];
            search = lineSearch.forBounds(it.objective.bounded());
        }
    }

    /** 1/‖g + wd·x‖₂ for normalized steps (0 for a zero gradient), else 1. */
    private double scale(double[] x, double[] g, double wd) {
        if (!normalized) return 1;
        double norm = 0;
        for (int i = 0; i < g.length; i++) {
            double gi = g[i] + wd * x[i];
            norm += gi * gi;
        }
        norm = Math.sqrt(norm);
        return norm == 0 ? 0 : 1 / norm;
    }

    /** The step's scale: 1/‖g + wd·x‖₂ for normalized steps (a sum over every coordinate, taken once), else 1. */
    private double stepScale = 1;

    @Override
    void beginStep(double[] x, double[] g, int t) {
        stepScale = scale(x, g, stepDecay);
    }

    @Override
    void movePart(double[] x, double[] g, double[] next, int lo, int hi) {
        double scale = stepScale, rate = stepRate, wd = stepDecay;
        for (int i = lo; i < hi; i++) { // no reduction here: the JIT vectorizes this loop
            double xi = x[i];
            next[i] = xi - rate * (scale * (g[i] + wd * xi));
        }
    }

    /** Plain steps of lr_t (no line search, not normalized): the update needs nothing but x and g. */
    @Override
    boolean movesAhead() {
        return lineSearch == null && !normalized;
    }

    /** x − lr_t·g with the expression of {@link #movePart} (scale 1, wd 0: the same bits), max|gᵢ| on the way. */
    @Override
    void aheadPart(double[] x, double[] g, double[] next, int lo, int hi, int part) {
        double scale = 1, wd = 0, rate = stepRate;
        double gMax = 0, nextMax = 0;
        for (int i = lo; i < hi; i++) {
            double xi = x[i];
            double gi = g[i];
            double ni = xi - rate * (scale * (gi + wd * xi));
            next[i] = ni;
            gMax = Math.max(gMax, Math.abs(gi));
            nextMax = Math.max(nextMax, Math.abs(ni));
        }
        partGradientMax[part] = gMax;
        partNextMax[part] = nextMax;
    }

    @Override
    public Status step(Iterate it, int t) {
        if (lineSearch == null || aheadFor == t) return super.step(it, t);
        double scale = scale(it.x, it.g, 0);
        for (int i = 0; i < d.length; i++) d[i] = -(scale * it.g[i]);
        double alpha = search.search(it, d, lr.at(t));
        return Double.isNaN(alpha) ? Status.STALLED : null;
    }

    @Override
    public double plainStepRate(int t) {
        return movesAhead() && weightDecay.base() == 0 && weightDecay.isConstant() ? lr.at(t) : Double.NaN;
    }

    /** Gradient descent on a quadratic is stable exactly when lr &lt; 2/L. */
    @Override
    public String divergenceAdvice(DoubleSupplier curvature) {
        double l = curvature.getAsDouble();
        if (!(l > 0) || !Double.isFinite(l)) return super.divergenceAdvice(() -> l);
        return "The step size lr = " + Numbers.round(lr.base(), 4) + " is too large for " + curvatureText(l)
                + ": gradient descent is stable only for lr < 2/L = " + Numbers.round(2 / l, 4) + "; try lr: " + Numbers.round(1 / l, 4) + " (= 1/L).";
    }

    @Override
    public String describe() {
        String s = (normalized ? "normalized steps ∇f/‖∇f‖, " : "") + common();
        return lineSearch == null ? s : s.replaceFirst("^lr", "initial step") + ", " + lineSearch.describe();
    }
}
