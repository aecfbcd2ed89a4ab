package org.gradus.optim;

/** Why a run stopped (SPEC §3 {@code status}). Every run ends with exactly one of these. */
public enum Status {
    /** A convergence test passed: the stationarity measure is at most {@code tol} (gradient methods),
     *  the relative change of f is at most {@code ftol}, or the simplex is smaller than {@code tol}
     *  (Nelder–Mead); with constraints, also every violation is at most 1e-8. */
    CONVERGED("converged"),
    /** {@code maxIter} iterations (or {@code epochs}) were done without passing a convergence test. */
    MAX_ITERATIONS("max-iterations"),
    /** f or the gradient became non-finite, or f or x grew by more than 10 orders of magnitude; the
     *  message suggests a step size. The point reported is the best one seen. */
    DIVERGED("diverged"),
    /** {@code timeLimit} seconds passed; the point reported is the best one seen. */
    TIME_LIMIT("time-limit"),
    /** The thread was interrupted (Ctrl-C in the REPL); the point reported is the best one seen. */
    INTERRUPTED("interrupted"),
    /** No further progress is possible in floating point: the line search found no step that decreases f
     *  (usually at a point already accurate to rounding), or Newton's system could not be solved. */
    STALLED("stalled"),
    /** The constraints could not be satisfied: the violation stayed above 1e-6 with the largest penalty. */
    INFEASIBLE("infeasible");

    private final String text;

    Status(String text) {
        this.text = text;
    }

    /** The SPEC name, e.g. {@code max-iterations}. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
