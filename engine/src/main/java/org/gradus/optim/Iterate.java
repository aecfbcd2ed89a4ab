package org.gradus.optim;

import org.gradus.optim.linesearch.Probe;

/**
 * The state every method shares: the current point x, f(x) and ∇f(x) (on the current mini-batch when
 * stochastic), and what the last step did. A method's step moves x and keeps f and g in step with it.
 *
 * <p>Moves swap buffers instead of copying: a method writes its candidate point into {@link #trialX()}
 * (and, when it evaluates there, the gradient into {@link #trialG()}), then {@link #moveTo} makes the
 * candidate current. The point it left is then {@link #previousX()} / {@link #previousG()} until the
 * next trial overwrites it, so a quasi-Newton update reads sₖ = x − x_prev without having copied x.
 * Nothing here allocates after construction.
 */
public final class Iterate {
    public final Objective objective;
    /** The current point; the array changes on every move (do not keep a reference across steps). */
    public double[] x;
    /** ∇f at x (same rule as x). */
    public double[] g;
    public double f;
    /** The learning rate or line-search step length of the last step (NaN before the first). */
    public double lr = Double.NaN;
    /** ‖Δx‖₂ of the last step (NaN before the first). */
    public double stepNorm = Double.NaN;
    /**
     * ‖x‖∞ when the last step computed it on the way (NaN when x is not finite; −1 when the step did
     * not compute it): the loop's divergence test reads it instead of passing over x again. Reset by
     * every move.
     */
    public double xNorm = -1;
    /**
     * Whether steps compute {@link #stepNorm} (only a trace shows it; the loop sets this). When false a
     * step may leave stepNorm NaN and take ‖x‖∞ alone, in a pass that is not bound by a running sum.
     */
    public boolean stepNormWanted = true;
    private double[] spareX;
    private double[] spareG;
    /** The point a step computed ahead of the stopping tests (allocated on first use). */
    private double[] aheadX;
    private long moves;
    private final Probe probe;

    /** An iterate at x (the array is taken, not copied); f and g are not yet evaluated. */
    public Iterate(Objective objective, double[] x) {
        this.objective = objective;
        this.x = x;
        this.g = new double[x.length];
        this.spareX = new double[x.length];
        this.spareG = new double[x.length];
        this.probe = new Probe(this);
    }

    /** f and g at the current x (one evaluation). */
    public void evaluate() {
        f = objective.valueAndGradient(x, g);
    }

    /** Where to write a candidate point. After a move it holds the previous point until written. */
    public double[] trialX() {
        return spareX;
    }

    /** Where to write the gradient at the candidate. */
    public double[] trialG() {
        return spareG;
    }

    /**
     * Makes the candidate current: x ↔ trialX, g ↔ trialG, f = fTrial. The gradient at the candidate
     * must already be in {@link #trialG()}.
     */
    public void moveTo(double fTrial) {
        double[] t = x;
        x = spareX;
        spareX = t;
        t = g;
        g = spareG;
        spareG = t;
        f = fTrial;
        xNorm = -1;
        moves++;
    }

    /** Makes the candidate point current and evaluates f and g there (the previous gradient is kept). */
    public void moveToAndEvaluate() {
        double[] t = x;
        x = spareX;
        spareX = t;
        keepGradientAndEvaluate();
    }

    /**
     * Where a step taken ahead of the loop's stopping tests writes its candidate point (see
     * {@code Method#stepAhead}): a third buffer, so that neither x nor the previous point is touched
     * until {@link #moveAheadAndEvaluate} makes the candidate current. Allocated once, on first use.
     */
    public double[] aheadX() {
        if (aheadX == null) aheadX = new double[x.length];
        return aheadX;
    }

    /**
     * Makes the point written into {@link #aheadX()} current and evaluates f and g there; the point it
     * left becomes {@link #previousX()}, as after {@link #moveToAndEvaluate}.
     */
    public void moveAheadAndEvaluate() {
        double[] t = spareX;
        spareX = x;
        x = aheadX;
        aheadX = t;
        keepGradientAndEvaluate();
    }

    /** After x moved: the gradient at the point left becomes the previous one, and f and g are taken anew. */
    private void keepGradientAndEvaluate() {
        double[] t = g;
        g = spareG;
        spareG = t;
        xNorm = -1;
        moves++;
        evaluate();
    }

    /** The point of the last move's start (valid until the next trial is written). */
    public double[] previousX() {
        return spareX;
    }

    /** The gradient there. */
    public double[] previousG() {
        return spareG;
    }

    /** How many moves have been made: the loop tells a step that moved from one that did not. */
    public long moves() {
        return moves;
    }

    /**
     * Gives the previous point's buffer to the caller and takes {@code other} as the new spare: the loop
     * keeps the best point seen this way without copying it.
     */
    double[] takePreviousX(double[] other) {
        double[] p = spareX;
        spareX = other;
        return p;
    }

    /**
     * Tells the next line search along d from this point that ∇f·d = {@code slope}, computed by the caller
     * in one of its own passes as {@link Probe#dot}{@code (g, d)} would (a running sum in index order):
     * the search then starts without a pass of its own. Forgotten by the next move or search.
     */
    public void slopeAlong(double[] d, double slope) {
        probe.knownSlope(d, slope, moves);
    }

    /** The line-search probe along d from this iterate (one object, reused by every search). */
    public Probe probe(double[] d, boolean project) {
        return probe.reset(d, project);
    }
}
