package org.gradus.optim.method;

import org.gradus.optim.Iterate;
import org.gradus.optim.MaxAbs;
import org.gradus.optim.Objective;
import org.gradus.optim.Status;
import org.gradus.optim.schedule.ScalarOrSchedule;
import org.gradus.print.Numbers;

import java.util.function.DoubleSupplier;

/**
 * The shape shared by the torch.optim methods: x ← x − lr_t·u(g, state), with weight decay either added
 * to the gradient (coupled, torch's {@code weight_decay}: the same as adding (wd/2)·‖x‖² to f) or
 * applied to x directly (decoupled, AdamW).
 *
 * <p>A step is one pass over the coordinates that accumulates nothing (so that the JIT vectorizes it; see
 * {@link #movePart}), in parts shared by the run's threads for large n ({@link CoordinateParts}): it updates the
 * method's state and writes the new point into the iterate's trial buffer; ‖Δx‖² and ‖x‖∞ are taken after, in a
 * short second pass ({@link #movedFrom}); then the iterate moves there (a buffer swap) and f and ∇f are evaluated. No array is allocated per
 * step (a step ahead shared by threads, {@link CoordinateParts}, makes a few small objects to hand its parts
 * over). Its fixed point is ∇f + wd·x = 0 with coupled decay, and that is what {@link #stationarity}
 * measures.
 */
abstract class FirstOrder implements Method {
    protected final ScalarOrSchedule lr;
    protected final ScalarOrSchedule weightDecay;
    protected final boolean decoupled;
    /** The weight decay of the last step (for the stationarity measure). */
    protected double wdNow;
    private double movedSquares;
    private double movedMax;
    /** The iteration whose step {@link #stepAhead} computed (its point is in the iterate's ahead buffer), or −1. */
    protected int aheadFor = -1;
    /** Whether this step computes ‖Δx‖₂ (only a trace shows it: {@link Iterate#stepNormWanted}). */
    private boolean stepNorms = true;
    /** Per part of a step ahead ({@link CoordinateParts}): max|gᵢ| and max|nextᵢ| over its coordinates. */
    protected final double[] partGradientMax = new double[CoordinateParts.MAX_PARTS];
    protected final double[] partNextMax = new double[CoordinateParts.MAX_PARTS];
    /** Per part of a step ahead with weight decay ({@link #aheadResidualMaxima}): whether every gᵢ there is finite. */
    protected final boolean[] partGradientFinite = new boolean[CoordinateParts.MAX_PARTS];
    /** The step's learning rate lr_t and (coupled or decoupled) weight decay wd_t, set before {@link #beginStep}. */
    protected double stepRate;
    protected double stepDecay;

    FirstOrder(ScalarOrSchedule lr, ScalarOrSchedule weightDecay, boolean decoupled) {
        this.lr = lr;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.wdNow = weightDecay.at(0);
    }

    /**
     * Sets what a step needs once, before its parts run ({@link #stepRate} and {@link #stepDecay} are set; 0
     * decay for a step ahead): what the schedules give at t, the method's counters (bias corrections, whether
     * momentum has started), a norm of the whole gradient.
     */
    void beginStep(double[] x, double[] g, int t) {
    }

    /**
     * Coordinates [lo, hi) of the step {@link #beginStep} began: from x and g (the raw gradient; add
     * {@link #stepDecay}·xᵢ yourself for coupled decay) the method's state there and the new point into
     * {@code next}. Parts may run at once on several threads ({@link CoordinateParts}): write nothing outside
     * [lo, hi). Accumulate nothing, so that the JIT vectorizes the loop: the step's norms are taken after.
     */
    abstract void movePart(double[] x, double[] g, double[] next, int lo, int hi);

    /** What the step accumulated: Σ(nextᵢ − xᵢ)² (NaN when not wanted) and max|nextᵢ|. */
    private void moved(double sumOfSquares, double maxAbs) {
        movedSquares = sumOfSquares;
        movedMax = maxAbs;
    }

    /**
     * After a step's parts: Σ(nextᵢ − xᵢ)² (for a trace, in index order on one thread) and max|nextᵢ| in a
     * second, short pass over x and next. An update loop without these reductions is one the JIT vectorizes:
     * Adam's, RMSprop's and Adagrad's square roots and divisions then run several coordinates at a time (at
     * n = 10⁶, Adam's update took 2.4–2.6 ms this way against 4.2–8.2 ms with the sums inside, under load 14).
     */
    private void movedFrom(double[] x, double[] next) {
        if (!stepNorms) {
            moved(Double.NaN, MaxAbs.of(next));
            return;
        }
        double sn = 0, xn = 0;
        for (int i = 0; i < x.length; i++) {
            double ni = next[i];
            double dx = ni - x[i];
            sn += dx * dx;
            xn = Math.max(xn, Math.abs(ni));
        }
        moved(sn, xn);
    }

    /**
     * For an {@link #aheadPart} whose update loop accumulates nothing (so that the JIT vectorizes it): max|gᵢ|
     * and max|nextᵢ| over [lo, hi) in one short second pass, into the part's slots. A maximum does not depend on
     * the order it is taken in, so both are bit for bit those of a running {@code Math.max} in index order (NaN
     * when some element is NaN).
     */
    protected final void aheadMaxima(double[] g, double[] next, int lo, int hi, int part) {
        double g0 = 0, g1 = 0, n0 = 0, n1 = 0;
        int i = lo;
        for (int upper = hi - ((hi - lo) & 1); i < upper; i += 2) {
            g0 = Math.max(g0, Math.abs(g[i]));
            g1 = Math.max(g1, Math.abs(g[i + 1]));
            n0 = Math.max(n0, Math.abs(next[i]));
            n1 = Math.max(n1, Math.abs(next[i + 1]));
        }
        if (i < hi) {
            g0 = Math.max(g0, Math.abs(g[i]));
            n0 = Math.max(n0, Math.abs(next[i]));
        }
        partGradientMax[part] = Math.max(g0, g1);
        partNextMax[part] = Math.max(n0, n1);
    }

    /**
     * For an {@link #aheadPart} with weight decay: max|gᵢ + wd·xᵢ·(a·|gᵢ| + b)| (the residual {@link #stationarity}
     * measures, {@code a} and {@code b} from {@link #residualAbsGradient}, {@link #residualConstant}) and
     * max|nextᵢ| over [lo, hi) in one short second pass, into the part's slots, and whether every gᵢ there is
     * finite into {@link #partGradientFinite}: each residual with the expression of {@link
     * Objective#projectedResidualNorm} (unbounded), so that the combined maximum has its bits.
     */
    protected final void aheadResidualMaxima(double[] x, double[] g, double[] next, int lo, int hi, int part, double wd) {
        double a = residualAbsGradient(), b = residualConstant();
        double r0 = 0, r1 = 0, n0 = 0, n1 = 0, f0 = 0, f1 = 0;
        int i = lo;
        for (int upper = hi - ((hi - lo) & 1); i < upper; i += 2) {
            double g0 = g[i], g1 = g[i + 1];
            f0 += g0 * 0;
            f1 += g1 * 0;
            r0 = Math.max(r0, Math.abs(g0 + wd * x[i] * (a * Math.abs(g0) + b)));
            r1 = Math.max(r1, Math.abs(g1 + wd * x[i + 1] * (a * Math.abs(g1) + b)));
            n0 = Math.max(n0, Math.abs(next[i]));
            n1 = Math.max(n1, Math.abs(next[i + 1]));
        }
        if (i < hi) {
            double g0 = g[i];
            f0 += g0 * 0;
            r0 = Math.max(r0, Math.abs(g0 + wd * x[i] * (a * Math.abs(g0) + b)));
            n0 = Math.max(n0, Math.abs(next[i]));
        }
        partGradientMax[part] = Math.max(r0, r1);
        partNextMax[part] = Math.max(n0, n1);
        partGradientFinite[part] = f0 + f1 == 0;
    }

    /** Whether this method steps ahead ({@link #stepAhead}, {@link #aheadPart}) under its current options. */
    boolean movesAhead() {
        return false;
    }

    /**
     * Whether its {@link #aheadPart} also steps with a constant weight decay (the step's {@link #stepDecay}) and
     * takes the residual {@link #stationarity} measures ({@link #aheadResidualMaxima}); else it steps ahead only
     * without decay.
     */
    boolean movesAheadWithDecay() {
        return false;
    }

    /** a in the residual gᵢ + wd·xᵢ·(a·|gᵢ| + b) that {@link #stationarity} measures: 0 for coupled decay. */
    double residualAbsGradient() {
        return 0;
    }

    /** b in the residual gᵢ + wd·xᵢ·(a·|gᵢ| + b) that {@link #stationarity} measures: 1 for coupled decay. */
    double residualConstant() {
        return 1;
    }

    /**
     * Coordinates [lo, hi) of the step {@link #beginStep} began, without weight decay (or with the step's
     * constant decay where {@link #movesAheadWithDecay}): the new point into {@code next} with the same
     * expression as {@link #movePart} (the same bits), the method's state there, and max|gᵢ| (with decay the
     * residual's maximum, {@link #aheadResidualMaxima}), max|nextᵢ| into {@link #partGradientMax}[part],
     * {@link #partNextMax}[part]. Parts may run at once on several threads: write nothing outside [lo, hi) and
     * the part's slots.
     */
    void aheadPart(double[] x, double[] g, double[] next, int lo, int hi, int part) {
        throw new UnsupportedOperationException(name() + " does not move ahead");
    }

    /**
     * Steps ahead without bounds, and without weight decay (the measure is then max|gᵢ|) or with a constant one
     * where the method can ({@link #movesAheadWithDecay}: the measure is then the residual's maximum).
     */
    @Override
    public boolean stepsAhead(Iterate it) {
        return movesAhead() && weightDecay.isConstant() && (weightDecay.base() == 0 || movesAheadWithDecay())
                && !it.objective.bounded();
    }

    /** Iteration t's point into the iterate's ahead buffer; the current iterate's {@link #stationarity}, bit for bit. */
    @Override
    public double stepAhead(Iterate it, int t) {
        wdNow = weightDecay.base();
        double[] x = it.x, g = it.g, next = it.aheadX();
        stepRate = lr.at(t);
        stepDecay = wdNow;
        beginStep(x, g, t);
        int parts = CoordinateParts.run(x.length, it.objective.threads(), (part, lo, hi) -> aheadPart(x, g, next, lo, hi, part));
        double gMax = 0, nextMax = 0;
        boolean finite = true;
        for (int p = 0; p < parts; p++) {
            gMax = Math.max(gMax, partGradientMax[p]);
            nextMax = Math.max(nextMax, partNextMax[p]);
            if (wdNow != 0) finite &= partGradientFinite[p];
        }
        moved(Double.NaN, nextMax);
        aheadFor = t;
        if (wdNow != 0) return finite ? gMax : Double.NaN;    // as Objective.projectedResidualNorm
        return gMax == Double.POSITIVE_INFINITY ? Double.NaN : gMax;
    }

    /** The base learning rate (before any schedule). */
    public double lr() {
        return lr.base();
    }

    @Override
    public Status step(Iterate it, int t) {
        if (aheadFor == t) {   // computed by stepAhead: move there
            aheadFor = -1;
            it.moveAheadAndEvaluate();
            it.lr = lr.at(t);
            it.stepNorm = Math.sqrt(movedSquares);
            it.xNorm = movedMax;
            return null;
        }
        wdNow = weightDecay.at(t);
        double[] x = it.x, g = it.g, next = it.trialX();
        stepRate = lr.at(t);
        stepDecay = wdNow;
        beginStep(x, g, t);
        CoordinateParts.run(x.length, it.objective.threads(), (part, lo, hi) -> movePart(x, g, next, lo, hi));
        Objective obj = it.objective;
        if (obj.bounded()) obj.project(next);
        stepNorms = it.stepNormWanted;
        movedFrom(x, next);
        it.moveToAndEvaluate();
        it.lr = stepRate;
        it.stepNorm = Math.sqrt(movedSquares);
        it.xNorm = movedMax;
        return null;
    }

    /**
     * max|gᵢ + wd·xᵢ·(a·|gᵢ| + b)|, projected onto the bounds (coupled decay: ‖∇f + wd·x‖∞; AdamW's a and b
     * differ): zero exactly at this method's fixed point.
     */
    @Override
    public double stationarity(Iterate it) {
        if (wdNow == 0) return it.objective.projectedGradientNorm(it.x, it.g);
        return it.objective.projectedResidualNorm(it.x, it.g, wdNow, residualAbsGradient(), residualConstant());
    }

    @Override
    public String measureName() {
        return wdNow == 0 || decoupled ? "|∇f|∞" : "|∇f + wd·x|∞";
    }

    /** The curvature bound for plain steps: lr &lt; 2/L; subclasses with momentum know their own. */
    @Override
    public String divergenceAdvice(DoubleSupplier curvature) {
        double l = curvature.getAsDouble();
        double rate = lr.base();
        String rateText = "lr = " + Numbers.round(rate, 4);
        if (!(l > 0) || !Double.isFinite(l)) return "The step " + rateText + " is too large; try a smaller lr, e.g. lr: " + Numbers.round(rate / 10, 3) + ".";
        return "The step size " + rateText + " is too large for " + curvatureText(l) + "; try lr: " + Numbers.round(1 / l, 4) + " (= 1/L) or smaller.";
    }

    static String curvatureText(double l) {
        return "the local curvature L ≈ " + Numbers.round(l, 4) + " (largest Hessian eigenvalue at the start)";
    }

    /**
     * A schedule whose rate is 0 from some step on (cosine with min 0 past its period): the iterations after
     * it cannot move x. Null when the rate is positive at the last step, or was 0 for less than a tenth of the run.
     */
    @Override
    public String idleAdvice(int iterations) {
        if (lr.isConstant() || iterations < 10) return null;
        int from = iterations;
        while (from > 0 && lr.at(from - 1) == 0) from--;
        if (iterations - from < iterations / 10) return null;
        return "the learning rate was 0 from step " + from + " on (" + lr.schedule() + " stays at its min after the period), so the last "
                + (iterations - from) + " iterations did not move x; stop there (maxIter: " + from + ") or give the schedule a longer period or a min > 0";
    }

    /** {@code lr 0.01, schedule cosine(...), weight decay ...} for the report. */
    String common() {
        StringBuilder sb = new StringBuilder("lr ").append(Numbers.round(lr.base(), 6));
        if (!lr.isConstant()) sb.append(", schedule ").append(lr.schedule());
        if (weightDecay.base() != 0 || !weightDecay.isConstant()) {
            sb.append(decoupled ? ", decoupled weight decay " : ", weight decay (L2 in the gradient) ").append(weightDecay.describe(6));
        }
        return sb.toString();
    }

    /** A hyper-parameter for the report: {@code 0.9}, or {@code 0.9 with cosine(...)}. */
    static String text(ScalarOrSchedule v) {
        return v.isConstant() ? Numbers.format(v.base()) : Numbers.format(v.base()) + " with " + v.schedule();
    }
}
