package org.gradus.plot.figure;

/**
 * One axis of a panel: its label, its range (NaN ends are taken from the data), whether it is
 * logarithmic, and whether its ticks are whole numbers only (counts, as matplotlib's {@code MaxNLocator(integer=True)}).
 */
public record Axis(String label, double lower, double upper, boolean log, boolean whole) {
    public Axis(String label, double lower, double upper, boolean log) {
        this(label, lower, upper, log, false);
    }

    /** Counts from 0 up: ticks at whole numbers, the lower end at 0 (a histogram's bars stand on it). */
    public static Axis counts(String label) {
        return new Axis(label, 0, Double.NaN, false, true);
    }

    public static Axis auto(String label) {
        return new Axis(label, Double.NaN, Double.NaN, false);
    }

    public static Axis log(String label) {
        return new Axis(label, Double.NaN, Double.NaN, true);
    }

    public static Axis range(String label, double lower, double upper) {
        return new Axis(label, lower, upper, false);
    }

    /** The step between ticks for a nice step the range suggests: a whole number on a count axis (2 apart, not 2.5). */
    public double tickStep(double nice) {
        return whole && nice != Math.rint(nice) ? Math.max(1, Math.floor(nice)) : nice;
    }

    public boolean fixed() {
        return Double.isFinite(lower) && Double.isFinite(upper);
    }
}
