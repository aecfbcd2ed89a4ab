package org.gradus.optim;

import org.gradus.print.Numbers;

/**
 * One stopping test of a run against its limit, as Optim.jl lists them under "Convergence measures"
 * ({@code |∇f|∞ = 3.1e-11 ≤ 1.0e-10}).
 *
 * @param kind   which test
 * @param name   what is measured: the method's stationarity measure ({@code |∇f|∞}, ...), the budget that set the
 *               iteration limit ({@code maxIter}, {@code 5 epochs}), or the test's name
 * @param value  the measure at the end (the iteration count for ITERATIONS; NaN where there is none)
 * @param tol    its limit (tol, maxIter, ftol, timeLimit in seconds)
 * @param passed true when the test is met: measure ≤ tol, maxIter reached, stopped by ftol or the time limit
 */
public record ConvergenceMeasure(Kind kind, String name, double value, double tol, boolean passed) {

    /** The tests a run has. */
    public enum Kind {
        /** The stationarity measure against {@code tol}. */
        TOLERANCE,
        /** Iterations against {@code maxIter}. */
        ITERATIONS,
        /** The relative change of f against {@code ftol} (given only when ftol is). */
        FTOL,
        /** Seconds against {@code timeLimit} (given only when it is). */
        TIME_LIMIT
    }

    /** As the report prints it, e.g. {@code |∇f|∞ = 1.81e-13 ≤ 1e-10 (tol)}, {@code iterations 39 of 15000 (maxIter)}, {@code iterations 35 of 35 (5 epochs)}. */
    public String text() {
        return switch (kind) {
            case TOLERANCE -> name + " = " + Numbers.round(value, 3) + (value <= tol ? " ≤ " : " > ") + Numbers.round(tol, 6) + " (tol)";
            case ITERATIONS -> "iterations " + (long) value + " of " + (long) tol + " (" + name + ")";
            case FTOL -> "ftol " + Numbers.round(tol, 6) + " (relative change of f)";
            case TIME_LIMIT -> "time limit " + Numbers.format(tol) + " s";
        };
    }
}
