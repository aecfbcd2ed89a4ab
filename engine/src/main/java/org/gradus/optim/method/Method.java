package org.gradus.optim.method;

import org.gradus.optim.Iterate;
import org.gradus.optim.Status;

/**
 * One optimization method: an immutable configuration (fixed when it is built from the options), its
 * own state (the fields its steps update), and a step. The generic loop ({@code org.gradus.optim.Descent})
 * calls {@link #init} once with f and ∇f evaluated at the start, then {@link #step} until a stopping
 * test ends the run. Between steps the iterate's x, f and g always belong together.
 */
public interface Method {
    /** The SPEC name: gd, adam, lbfgs, ... */
    String name();

    /** Prepares the state at the start point (it.x, it.f, it.g are set). */
    default void init(Iterate it) {
    }

    /**
     * One iteration t (0-based): moves it.x and updates it.f and it.g (on the current mini-batch).
     * Returns null to go on, or the status that ends the run (STALLED when no progress is possible,
     * CONVERGED for a method's own test).
     */
    Status step(Iterate it, int t);

    /** The stationarity measure compared with tol; by default the inf-norm of the projected gradient. */
    default double stationarity(Iterate it) {
        return it.objective.projectedGradientNorm(it.x, it.g);
    }

    /** How {@link #stationarity} prints, e.g. {@code |∇f|∞}. */
    default String measureName() {
        return "|∇f|∞";
    }

    /** False for derivative-free methods: the loop then evaluates the gradient once at the end, for the report. */
    default boolean usesGradient() {
        return true;
    }

    /** The parameters that are in force, e.g. {@code memory 10, strong Wolfe ...}, for the report. */
    String describe();
}
