package org.gradus.optim;

/** Told about every iteration of a run (progress bars). Called on the optimizing thread; keep it cheap. */
public interface ProgressListener {
    /** Iteration {@code iteration} (1-based) of at most {@code maxIterations} is done; f is the current objective value. */
    void onIteration(int iteration, int maxIterations, double f);
}
