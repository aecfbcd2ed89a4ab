package org.gradus.plot.figure;

/**
 * One axis of a panel: its label, its range (NaN ends are taken from the data) and whether it is
 * logarithmic.
 */
public record Axis(String label, double lower, double upper, boolean log) {
    public static Axis auto(String label) {
        return new Axis(label, Double.NaN, Double.NaN, false);
    }

    public static Axis log(String label) {
        return new Axis(label, Double.NaN, Double.NaN, true);
    }

    public static Axis range(String label, double lower, double upper) {
        return new Axis(label, lower, upper, false);
    }

    public boolean fixed() {
        return Double.isFinite(lower) && Double.isFinite(upper);
    }
}
