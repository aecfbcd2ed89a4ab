package org.gradus.optim.method;

import org.gradus.optim.Iterate;
import org.gradus.optim.Status;

import java.util.function.DoubleSupplier;

/**
 * One optimization method: an immutable configuration (fixed when its {@link MethodSpec} builds it from
 * the options), its own state (the fields its steps update), and a step. The generic loop
 * ({@code org.gradus.optim.Descent}) calls {@link #init} once with f and ∇f evaluated at the start, then
 * {@link #step} until a stopping test ends the run. Between steps the iterate's x, f and g always belong
 * together.
 *
 * <p>A step moves at most once, through {@link Iterate#moveTo} (or a line search, which uses it), so
 * the loop can keep the best point without copying; a step that writes x in place instead must never
 * increase f (Nelder–Mead's best vertex).
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

    /**
     * The stationarity measure compared with tol: zero exactly at this method's fixed point. By default
     * the inf-norm of the projected gradient, NaN when the gradient is not finite.
     */
    default double stationarity(Iterate it) {
        return it.objective.projectedGradientNorm(it.x, it.g);
    }

    /**
     * Whether this method, at this iterate, can compute iteration t's step before the loop's stopping
     * tests, in the same pass that takes the stationarity measure ({@link #stepAhead}). The loop asks
     * once, after {@link #init}, and only for runs without a trace or mini-batches.
     */
    default boolean stepsAhead(Iterate it) {
        return false;
    }

    /**
     * For a method that {@link #stepsAhead}: does the first pass of iteration t's step and returns
     * {@link #stationarity} of the current iterate, bit for bit, taken in that same pass. A first-order
     * method writes its candidate point into {@link Iterate#aheadX()}; CG keeps its sums. x, g and the
     * previous point are untouched. The loop then applies its stopping tests; when it goes on,
     * {@link #step}(it, t) continues from that pass (a first-order method only moves and evaluates).
     * The run's iterates, counts and reasons are those of the plain loop: a pass over the coordinates is
     * saved per iteration, and the last iteration's first pass is thrown away.
     */
    default double stepAhead(Iterate it, int t) {
        throw new UnsupportedOperationException(name() + " does not step ahead");
    }

    /** True when {@link #stationarity} is NaN or ∞ whenever the gradient is not finite (the loop then skips its own check). */
    default boolean stationarityChecksFinite() {
        return true;
    }

    /** How {@link #stationarity} prints, e.g. {@code |∇f|∞}. */
    default String measureName() {
        return "|∇f|∞";
    }

    /** False for derivative-free methods: the loop then evaluates the gradient once at the end, for the report. */
    default boolean usesGradient() {
        return true;
    }

    /**
     * What to try when a run diverged. Methods with a step size say which one, from the local curvature
     * L (largest |eigenvalue| of ∇²f at the start, computed only when asked; NaN when unknown).
     */
    default String divergenceAdvice(DoubleSupplier curvature) {
        return "The objective may be unbounded below or undefined along the search path; add bounds or constraints, or check the function.";
    }

    /** The parameters that are in force, e.g. {@code memory 10, strong Wolfe ...}, for the report. */
    String describe();

    /**
     * Why a run that used all its {@code iterations} moved no more at the end, when the method knows (a
     * learning-rate schedule that fell to 0 and stayed there); null otherwise.
     */
    default String idleAdvice(int iterations) {
        return null;
    }

    /**
     * The rate of step {@code t} where the method's step is x − rate·∇f(x) and nothing else (plain gradient descent:
     * no line search, normalization, weight decay or memory of past steps), for reading how a run ended; NaN otherwise.
     */
    default double plainStepRate(int t) {
        return Double.NaN;
    }
}
