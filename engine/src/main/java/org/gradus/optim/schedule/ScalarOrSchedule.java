package org.gradus.optim.schedule;

import org.gradus.print.Numbers;

/**
 * A hyper-parameter's value at step t: a number, or a base value following a schedule (optax's
 * {@code ScalarOrSchedule}). Every real hyper-parameter of every method is one of these, made at one
 * point ({@link #of}); a method reads it with {@link #at(int)} and never asks which kind it is.
 *
 * <p>With a schedule s the value at step t is {@code s.rate(base, t)}: base·s(t) for most schedules,
 * with the absolute floor of {@code cosine}/{@code warmRestarts} (see {@link Schedule}).
 */
public final class ScalarOrSchedule {
    private final double base;
    private final Schedule schedule;

    private ScalarOrSchedule(double base, Schedule schedule) {
        this.base = base;
        this.schedule = schedule;
    }

    /** A constant value. */
    public static ScalarOrSchedule constant(double value) {
        return new ScalarOrSchedule(value, null);
    }

    /** {@code base} following {@code schedule} (null: constant). */
    public static ScalarOrSchedule of(double base, Schedule schedule) {
        return new ScalarOrSchedule(base, schedule instanceof Schedules.Constant ? null : schedule);
    }

    /** The value at step t (0-based). */
    public double at(int t) {
        return schedule == null ? base : schedule.rate(base, t);
    }

    /** The value before any schedule: the number given, or the base a schedule scales. */
    public double base() {
        return base;
    }

    /** The schedule, or null for a constant. */
    public Schedule schedule() {
        return schedule;
    }

    public boolean isConstant() {
        return schedule == null;
    }

    /** {@code 0.001}, or {@code 0.1 with cosine(period: 1000, min: 0)}. */
    public String describe(int digits) {
        String b = Numbers.round(base, digits);
        return schedule == null ? b : b + " with " + schedule;
    }

    @Override
    public String toString() {
        return describe(6);
    }
}
