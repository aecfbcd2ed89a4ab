package org.gradus.optim.schedule;

import org.gradus.print.Numbers;

import java.util.function.IntToDoubleFunction;

/**
 * A learning-rate schedule: a pure function of the step t (0-based).
 *
 * <p>Convention (torch's {@code LambdaLR}): the learning rate at step t is {@code lr · s(t)} where
 * {@code s = applyAsDouble}. Schedules with a floor ({@code cosine}, {@code warmRestarts}) take
 * {@code min} as an <em>absolute</em> learning rate, like torch's {@code eta_min}: their rate is
 * {@code min + (lr − min)·c(t)}; {@link #rate(double, int)} applies this, and
 * {@code applyAsDouble(t)} is {@code rate(1, t)} (the multiplier when lr = 1).
 */
public interface Schedule extends IntToDoubleFunction {

    /** The learning rate at step t for the base rate {@code lr}. */
    default double rate(double lr, int t) {
        return lr * applyAsDouble(t);
    }

    /** The multipliers s(from) .. s(to − 1), for printing or plotting. */
    default double[] values(int from, int to) {
        if (to < from) throw new IllegalArgumentException("values(" + from + ", " + to + "): the end is before the start");
        double[] out = new double[to - from];
        for (int t = from; t < to; t++) out[t - from] = applyAsDouble(t);
        return out;
    }

    /** The learning rates lr·s(from) .. lr·s(to − 1) (with the absolute floors applied). */
    default double[] rates(double lr, int from, int to) {
        double[] out = new double[Math.max(0, to - from)];
        for (int t = from; t < to; t++) out[t - from] = rate(lr, t);
        return out;
    }

    /** Numbers in schedule texts: {@code cosine(period: 1000, min: 0)}. */
    static String num(double v) {
        return Numbers.format(v);
    }
}
