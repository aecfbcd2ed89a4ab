package org.gradus.optim.method;

import org.gradus.optim.OptionSpec;
import org.gradus.optim.linesearch.LineSearch;
import org.gradus.optim.linesearch.LineSearches;
import org.gradus.optim.linesearch.MoreThuente;
import org.gradus.optim.schedule.ScalarOrSchedule;
import org.gradus.optim.schedule.Schedule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options one method was given, checked against its {@link MethodSpec}, read by the method's
 * configuration with its defaults filled in. This is the one point where a number-or-schedule becomes a
 * {@link ScalarOrSchedule}:
 * <ul>
 * <li>a number v gives the constant v;</li>
 * <li>a schedule s gives the option's default following s ({@code lr: cosine(period: 1000)} is the
 * method's default lr, annealed);</li>
 * <li>{@code schedule: s} is lr's schedule (SPEC §2): lr_t = s.rate(lr, t). Giving lr a schedule and
 * {@code schedule:} as well is an error.</li>
 * </ul>
 */
public final class MethodOptions {
    private final MethodSpec spec;
    private final Map<String, Object> given;
    private final double[] l1Weights;
    private final double[] l1Centres;

    /**
     * @param given     checked values by option name (as {@link OptionSpec#check} returns them), only
     *                  options of this method
     * @param l1Weights for proximal methods: λᵢ of the term λᵢ|xᵢ| per coordinate; null otherwise
     * @throws IllegalArgumentException when lr is a schedule and {@code schedule:} is given too, or a
     *                                  schedule takes a hyper-parameter out of its range
     */
    public MethodOptions(MethodSpec spec, Map<String, Object> given, double[] l1Weights) {
        this(spec, given, l1Weights, null);
    }

    /** @param l1Centres cᵢ of the terms λᵢ|xᵢ − cᵢ| (null: all 0) */
    public MethodOptions(MethodSpec spec, Map<String, Object> given, double[] l1Weights, double[] l1Centres) {
        this.spec = spec;
        this.given = new LinkedHashMap<>(given);
        this.l1Weights = l1Weights;
        this.l1Centres = l1Centres;
        if (given.get("lr") instanceof Schedule && given.get("schedule") != null) {
            throw new IllegalArgumentException("lr is a schedule and schedule: is given too; give the schedule once, "
                    + "e.g. lr: 0.1, schedule: " + given.get("schedule"));
        }
        for (Map.Entry<String, Object> e : given.entrySet()) {
            if (e.getValue() instanceof Schedule s) checkScheduledRange(spec.option(e.getKey()), s);
        }
    }

    /** The options of a method given nothing: every default. */
    public static MethodOptions defaults(MethodSpec spec) {
        return new MethodOptions(spec, Map.of(), null);
    }

    public MethodSpec spec() {
        return spec;
    }

    /** True when the script gave this option. */
    public boolean given(String name) {
        return given.containsKey(name);
    }

    /** A real hyper-parameter at every step: given, scheduled, or the method's default. */
    public ScalarOrSchedule real(String name) {
        return real(name, defaultNumber(name));
    }

    /** As {@link #real(String)}, with the default this method uses in this configuration. */
    public ScalarOrSchedule real(String name, double dflt) {
        Object v = given.get(name);
        Schedule lrSchedule = "lr".equals(name) ? (Schedule) given.get("schedule") : null;
        if (v instanceof Schedule s) return ScalarOrSchedule.of(dflt, s);
        double base = v == null ? dflt : ((Number) v).doubleValue();
        return ScalarOrSchedule.of(base, lrSchedule);
    }

    /** A plain number option (not schedulable), or null when neither given nor defaulted. */
    public Double number(String name) {
        Object v = given.get(name);
        if (v != null) return ((Number) v).doubleValue();
        return spec.option(name).defaultValue() instanceof Double d ? d : null;
    }

    public int integer(String name) {
        Object v = given.get(name);
        return v != null ? (Integer) v : (Integer) spec.option(name).defaultValue();
    }

    public boolean flag(String name) {
        Object v = given.get(name);
        return v != null ? (Boolean) v : Boolean.TRUE.equals(spec.option(name).defaultValue());
    }

    /** A CHOICE option's name, or its default (null when none). */
    public String choice(String name) {
        Object v = given.get(name);
        return v != null ? (String) v : (String) spec.option(name).defaultValue();
    }

    /** The line search named by {@code lineSearch} (or the method's default), from {@link LineSearches}. */
    public LineSearch lineSearch(MoreThuente wolfe) {
        String name = choice("lineSearch");
        return LineSearches.named(name == null ? "wolfe" : name, wolfe);
    }

    /** λᵢ per coordinate for proximal methods (zeros when the objective has no l1 term). */
    public double[] l1Weights() {
        return l1Weights;
    }

    /** cᵢ per coordinate of the terms λᵢ|xᵢ − cᵢ| (null: all 0). */
    public double[] l1Centres() {
        return l1Centres;
    }

    private double defaultNumber(String name) {
        OptionSpec o = spec.option(name);
        if (o == null) throw new IllegalStateException(spec.name() + " declares no option '" + name + "'");
        if (!(o.defaultValue() instanceof Double d)) throw new IllegalStateException(spec.name() + ": option '" + name + "' has no default");
        return d;
    }

    /**
     * A scheduled hyper-parameter stays in its range at every step: checked at steps 0..1000 and at
     * every power of two (the schedules are monotone or periodic between those points). The lower end
     * itself is allowed: a learning rate annealed to 0 is what cosine(min: 0) means.
     */
    private void checkScheduledRange(OptionSpec o, Schedule s) {
        if (o == null || o.kind() != OptionSpec.Kind.REAL_OR_SCHEDULE) return;
        double base = o.defaultValue() instanceof Double d ? d : 1;
        ScalarOrSchedule v = ScalarOrSchedule.of(base, s);
        for (long t = 0; t <= Integer.MAX_VALUE; t = t < 1000 ? t + 1 : 2 * t) {
            double value = v.at((int) t);
            if (value == o.lo()) continue;
            try {
                o.check(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(o.name() + ": " + s + " from " + org.gradus.print.Numbers.format(base) + " gives "
                        + org.gradus.print.Numbers.format(value) + " at step " + t + "; " + e.getMessage());
            }
        }
    }
}
