package org.gradus.optim;

/**
 * The state every method shares: the current point x, f(x) and ∇f(x) (on the current mini-batch when
 * stochastic), and what the last step did. A method's step moves x and keeps f and g in step with it.
 */
public final class Iterate {
    public final Objective objective;
    public final double[] x;
    public final double[] g;
    public double f;
    /** The learning rate or line-search step length of the last step (NaN before the first). */
    public double lr = Double.NaN;
    /** ‖Δx‖₂ of the last step (NaN before the first). */
    public double stepNorm = Double.NaN;

    public Iterate(Objective objective, double[] x) {
        this.objective = objective;
        this.x = x;
        this.g = new double[x.length];
    }

    /** f and g at the current x (one evaluation). */
    public void evaluate() {
        f = objective.valueAndGradient(x, g);
    }
}
