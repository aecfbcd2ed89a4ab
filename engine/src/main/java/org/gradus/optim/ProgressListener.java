package org.gradus.optim;

/** Told about every iteration of a run (progress bars). Called on the optimizing thread; keep it cheap. */
public interface ProgressListener {
    /** Iteration {@code iteration} (1-based) of at most {@code maxIterations} is done; f is the current objective value. */
    void onIteration(int iteration, int maxIterations, double f);

    /**
     * The run has ended (converged, stopped, interrupted or failed), before its result is returned: a
     * progress bar erases itself here, so that what is printed next starts on a clean line.
     */
    default void onFinish() {
    }
}
