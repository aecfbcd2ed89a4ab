package org.gradus.plot.figure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The boundaries of filled level sets: band k holds the values in [bounds[k], bounds[k+1]). The first
 * bound is at or below the smallest value drawn and the last at or above the largest, so every value
 * falls into a band (matplotlib's {@code contourf} leaves values outside its levels blank; here nothing
 * is blank but the function's own undefined points).
 *
 * <p>{@link #choose} spaces the levels logarithmically when f spans orders of magnitude, as Rosenbrock's
 * and Beale's functions do (the valley would otherwise be one colour), and linearly otherwise.
 */
public record Levels(double[] bounds, boolean log) {
    /** Log levels are chosen when the range of f is more than this many times the range of its lowest quarter. */
    public static final double LOG_RATIO = 50;

    public Levels {
        if (bounds.length < 2) throw new IllegalArgumentException("levels need at least two bounds");
        for (int k = 1; k < bounds.length; k++) {
            if (!(bounds[k] > bounds[k - 1])) throw new IllegalArgumentException("levels must increase: " + Arrays.toString(bounds));
        }
    }

    public int bands() {
        return bounds.length - 1;
    }

    /** The band of v (0 .. bands − 1, clamped); −1 for NaN. */
    public int band(double v) {
        if (Double.isNaN(v)) return -1;
        int k = Arrays.binarySearch(bounds, v);
        if (k < 0) k = -k - 2;
        return Math.max(0, Math.min(bands() - 1, k));
    }

    /** The position of band k's colour on a colour map: its middle, from 0 (lowest) to 1 (highest). */
    public double colourPosition(int band) {
        return bands() == 1 ? 0.5 : (double) band / (bands() - 1);
    }

    /** The contour lines drawn between bands: the inner bounds. */
    public double[] lines() {
        return Arrays.copyOfRange(bounds, 1, bounds.length - 1);
    }

    /**
     * Levels for these values: logarithmic ("log"), linear ("linear") or automatic ("auto": log when
     * {@code max − min > LOG_RATIO · (q25 − min)}, q25 the lower quartile). Log levels are 1-2-5 steps of
     * (finer when f spans under 2.5 decades, coarser past 4)
     * f − base, base = min(0, min f), from about the 1st percentile up; linear ones are nice steps
     * (1, 2, 2.5, 5 × 10ᵏ), about ten bands.
     *
     * @throws IllegalArgumentException when no value is finite, or for an unknown spacing
     */
    public static Levels choose(double[] values, String spacing) {
        double[] v = finiteSorted(values);
        if (v.length == 0) throw new IllegalArgumentException("the function has no finite value on the picture's range");
        double min = v[0], max = v[v.length - 1];
        if (max - min <= Math.ulp(Math.abs(max)) * 16) return new Levels(new double[]{min - 0.5, max + 0.5}, false);
        boolean log = switch (spacing) {
            case "log" -> true;
            case "linear" -> false;
            case "auto" -> max - min > LOG_RATIO * (quantile(v, 0.25) - min);
            default -> throw new IllegalArgumentException("levels: 'auto', 'log', 'linear', a number of levels or a list of values, not '" + spacing + "'");
        };
        return log ? logarithmic(v, min, max) : linear(min, max, 10);
    }

    /** About n linear bands with nice steps, covering [min, max]. */
    public static Levels linear(double min, double max, int n) {
        double step = niceStep((max - min) / Math.max(1, n));
        double lo = Math.floor(min / step) * step, hi = Math.ceil(max / step) * step;
        if (hi <= lo) hi = lo + step;
        int count = (int) Math.round((hi - lo) / step);
        double[] b = new double[count + 1];
        for (int k = 0; k <= count; k++) b[k] = clean(lo + k * step, step);
        return new Levels(b, false);
    }

    /** Levels at exactly these values, widened at the ends to cover [min, max] of the values. */
    public static Levels given(double[] at, double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        double min = Arrays.stream(v).min().orElse(0), max = Arrays.stream(v).max().orElse(1);
        double[] s = Arrays.stream(at).filter(Double::isFinite).sorted().distinct().toArray();
        if (s.length == 0) throw new IllegalArgumentException("levels: give at least one number");
        List<Double> b = new ArrayList<>();
        if (min < s[0]) b.add(min);
        for (double d : s) b.add(d);
        if (max > s[s.length - 1]) b.add(max);
        if (b.size() < 2) b.add(s[0] + 1);
        return new Levels(b.stream().mapToDouble(Double::doubleValue).toArray(), false);
    }

    private static Levels logarithmic(double[] v, double min, double max) {
        double base = Math.min(0, min);
        double top = max - base;
        double low = Math.max(quantile(v, 0.01) - base, top * 1e-8);
        if (low <= 0) low = top * 1e-8;
        double decades = Math.log10(top / low);
        double[] mantissas = decades <= 1.5 ? new double[]{1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8}
                : decades <= 2.5 ? new double[]{1, 1.5, 2, 3, 5, 7}
                : decades <= 4 ? new double[]{1, 2, 5} : decades <= 8 ? new double[]{1, 3} : new double[]{1};
        int every = decades > 16 ? (int) Math.ceil(decades / 16) : 1;
        List<Double> b = new ArrayList<>();
        b.add(min);
        int k0 = (int) Math.floor(Math.log10(low));
        for (int k = k0; ; k += every) {
            boolean past = false;
            for (double m : mantissas) {
                double level = m * Math.pow(10, k);
                if (level < low * 0.999) continue;
                if (level >= top) {
                    if (base + level > b.get(b.size() - 1)) b.add(base + level);
                    past = true;
                    break;
                }
                if (base + level > b.get(b.size() - 1)) b.add(base + level);
            }
            if (past || k > 400) break;
        }
        if (b.size() < 2) b.add(max);
        return new Levels(b.stream().mapToDouble(Double::doubleValue).toArray(), true);
    }

    private static double[] finiteSorted(double[] values) {
        double[] v = new double[values.length];
        int n = 0;
        for (double d : values) if (Double.isFinite(d)) v[n++] = d;
        v = Arrays.copyOf(v, n);
        Arrays.sort(v);
        return v;
    }

    static double quantile(double[] sorted, double q) {
        double p = q * (sorted.length - 1);
        int i = (int) p;
        if (i >= sorted.length - 1) return sorted[sorted.length - 1];
        return sorted[i] + (p - i) * (sorted[i + 1] - sorted[i]);
    }

    /** The nice step (1, 2, 2.5, 5 × 10ᵏ) that divides a range into the number of parts closest to {@code parts}. */
    public static double niceStep(double range, int parts) {
        if (!(range > 0) || !Double.isFinite(range)) return 1;
        double best = niceStep(range / parts);
        double p = Math.pow(10, Math.floor(Math.log10(range / parts)));
        for (double q : new double[]{p / 10, p, p * 10}) {
            for (double m : new double[]{1, 2, 2.5, 5}) {
                double step = m * q;
                if (Math.abs(range / step - parts) < Math.abs(range / best - parts)) best = step;
            }
        }
        return best;
    }

    /** The nice step (1, 2, 2.5, 5 × 10ᵏ) at or above raw. */
    public static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (m * p >= raw * (1 - 1e-9)) return m * p;
        }
        return 10 * p;
    }

    /** Removes the rounding noise of lo + k·step (0.30000000000000004 → 0.3). */
    static double clean(double v, double step) {
        double digits = Math.pow(10, Math.max(0, -Math.floor(Math.log10(step)) + 3));
        return Math.round(v * digits) / digits;
    }
}
