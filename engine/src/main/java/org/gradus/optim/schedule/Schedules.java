package org.gradus.optim.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schedules of SPEC §2, built by name with named arguments (the DSL's {@code cosine(period: 1000)}).
 *
 * <table>
 * <caption>schedules (t is the 0-based step; the rate is lr·s(t) unless noted)</caption>
 * <tr><td>{@code constant()}</td><td>s = 1</td></tr>
 * <tr><td>{@code stepDecay(every: 100, factor: 0.5)}</td><td>s = factor^⌊t/every⌋ (torch StepLR)</td></tr>
 * <tr><td>{@code exponential(gamma: 0.99)}</td><td>s = gamma^t (torch ExponentialLR)</td></tr>
 * <tr><td>{@code inverseTime(decay: 0.01)}</td><td>s = 1/(1 + decay·t)</td></tr>
 * <tr><td>{@code cosine(period: 1000, min: 0)}</td><td>rate = min + (lr − min)(1 + cos(π·t/period))/2 for t &lt; period,
 * then min (min is an absolute rate, torch's eta_min; held after the period like optax)</td></tr>
 * <tr><td>{@code warmRestarts(period: 100, mult: 2, min: 0)}</td><td>SGDR: cosine cycles of length period, period·mult, ...
 * (torch CosineAnnealingWarmRestarts)</td></tr>
 * <tr><td>{@code warmup(steps: 100, then: s2)}</td><td>s = (t+1)/steps for t &lt; steps, then s2 at t − steps</td></tr>
 * </table>
 * Every argument is optional and takes the default shown. Unknown names and bad values are
 * {@link IllegalArgumentException}s that name the valid ones.
 */
public final class Schedules {
    private Schedules() {
    }

    /** The schedule names with their arguments and defaults, in SPEC order. */
    public static final Map<String, Map<String, Object>> DEFAULTS = defaults();

    private static Map<String, Map<String, Object>> defaults() {
        Map<String, Map<String, Object>> d = new LinkedHashMap<>();
        d.put("constant", Map.of());
        d.put("stepDecay", ordered("every", 100, "factor", 0.5));
        d.put("exponential", ordered("gamma", 0.99));
        d.put("inverseTime", ordered("decay", 0.01));
        d.put("cosine", ordered("period", 1000, "min", 0));
        d.put("warmRestarts", ordered("period", 100, "mult", 2, "min", 0));
        d.put("warmup", ordered("steps", 100, "then", Constant.INSTANCE));
        return d;
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    /** The schedule {@code name} with named arguments (null or empty map: all defaults). */
    public static Schedule create(String name, Map<String, ?> args) {
        Map<String, Object> spec = DEFAULTS.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("unknown schedule '" + name + "'; valid schedules: " + String.join(", ", DEFAULTS.keySet()));
        }
        Map<String, Object> a = new LinkedHashMap<>(spec);
        if (args != null) {
            for (Map.Entry<String, ?> e : args.entrySet()) {
                if (!spec.containsKey(e.getKey())) {
                    throw new IllegalArgumentException("unknown argument '" + e.getKey() + "' of " + name + "(...); valid arguments: "
                            + (spec.isEmpty() ? "none" : String.join(", ", spec.keySet())));
                }
                a.put(e.getKey(), e.getValue());
            }
        }
        return switch (name) {
            case "constant" -> Constant.INSTANCE;
            case "stepDecay" -> new StepDecay(positiveInt(name, "every", a), positive(name, "factor", a));
            case "exponential" -> new Exponential(positive(name, "gamma", a));
            case "inverseTime" -> new InverseTime(nonNegative(name, "decay", a));
            case "cosine" -> new Cosine(positiveInt(name, "period", a), nonNegative(name, "min", a));
            case "warmRestarts" -> new WarmRestarts(positiveInt(name, "period", a), atLeastOne(name, "mult", a), nonNegative(name, "min", a));
            case "warmup" -> {
                Object then = a.get("then");
                if (!(then instanceof Schedule s)) {
                    throw new IllegalArgumentException("warmup(then: ...) needs a schedule such as cosine(period: 900), got " + then);
                }
                yield new Warmup(positiveInt(name, "steps", a), s);
            }
            default -> throw new AssertionError(name);
        };
    }

    public static Schedule constant() {
        return Constant.INSTANCE;
    }

    private static double number(String sched, String arg, Map<String, Object> a) {
        Object v = a.get(arg);
        if (!(v instanceof Number n)) throw new IllegalArgumentException(sched + "(" + arg + ": ...) must be a number, got " + v);
        double d = n.doubleValue();
        if (!Double.isFinite(d)) throw new IllegalArgumentException(sched + "(" + arg + ": ...) must be finite, got " + d);
        return d;
    }

    private static double positive(String s, String arg, Map<String, Object> a) {
        double d = number(s, arg, a);
        if (d <= 0) throw new IllegalArgumentException(s + "(" + arg + ": ...) must be > 0, got " + Schedule.num(d));
        return d;
    }

    private static double nonNegative(String s, String arg, Map<String, Object> a) {
        double d = number(s, arg, a);
        if (d < 0) throw new IllegalArgumentException(s + "(" + arg + ": ...) must be >= 0, got " + Schedule.num(d));
        return d;
    }

    private static double atLeastOne(String s, String arg, Map<String, Object> a) {
        double d = number(s, arg, a);
        if (d < 1) throw new IllegalArgumentException(s + "(" + arg + ": ...) must be >= 1, got " + Schedule.num(d));
        return d;
    }

    private static int positiveInt(String s, String arg, Map<String, Object> a) {
        double d = positive(s, arg, a);
        if (d != Math.rint(d) || d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(s + "(" + arg + ": ...) must be a whole number of steps, got " + Schedule.num(d));
        }
        return (int) d;
    }

    /** s = 1. */
    public enum Constant implements Schedule {
        INSTANCE;

        @Override
        public double applyAsDouble(int t) {
            return 1;
        }

        @Override
        public String toString() {
            return "constant()";
        }
    }

    /** s = factor^⌊t/every⌋. */
    public record StepDecay(int every, double factor) implements Schedule {
        @Override
        public double applyAsDouble(int t) {
            return Math.pow(factor, t / every);
        }

        @Override
        public String toString() {
            return "stepDecay(every: " + every + ", factor: " + Schedule.num(factor) + ")";
        }
    }

    /** s = gamma^t. */
    public record Exponential(double gamma) implements Schedule {
        @Override
        public double applyAsDouble(int t) {
            return Math.pow(gamma, t);
        }

        @Override
        public String toString() {
            return "exponential(gamma: " + Schedule.num(gamma) + ")";
        }
    }

    /** s = 1/(1 + decay·t). */
    public record InverseTime(double decay) implements Schedule {
        @Override
        public double applyAsDouble(int t) {
            return 1 / (1 + decay * t);
        }

        @Override
        public String toString() {
            return "inverseTime(decay: " + Schedule.num(decay) + ")";
        }
    }

    /** Half a cosine from lr down to the absolute floor min over period steps, then min. */
    public record Cosine(int period, double min) implements Schedule {
        @Override
        public double rate(double lr, int t) {
            if (t >= period) return Math.min(lr, min);
            return min + (lr - min) * 0.5 * (1 + Math.cos(Math.PI * t / period));
        }

        @Override
        public double applyAsDouble(int t) {
            return rate(1, t);
        }

        @Override
        public String toString() {
            return "cosine(period: " + period + ", min: " + Schedule.num(min) + ")";
        }
    }

    /** Cosine cycles of growing length (SGDR, Loshchilov &amp; Hutter 2017), each restarting at lr. */
    public record WarmRestarts(int period, double mult, double min) implements Schedule {
        @Override
        public double rate(double lr, int t) {
            double len = period;
            double start = 0;
            while (t >= start + len) {
                start += len;
                len *= mult;
            }
            return min + (lr - min) * 0.5 * (1 + Math.cos(Math.PI * (t - start) / len));
        }

        @Override
        public double applyAsDouble(int t) {
            return rate(1, t);
        }

        @Override
        public String toString() {
            return "warmRestarts(period: " + period + ", mult: " + Schedule.num(mult) + ", min: " + Schedule.num(min) + ")";
        }
    }

    /** Linear warm-up over the first steps, then another schedule restarted at step 0. */
    public record Warmup(int steps, Schedule then) implements Schedule {
        @Override
        public double rate(double lr, int t) {
            return t < steps ? lr * (t + 1) / steps : then.rate(lr, t - steps);
        }

        @Override
        public double applyAsDouble(int t) {
            return rate(1, t);
        }

        @Override
        public String toString() {
            return "warmup(steps: " + steps + ", then: " + then + ")";
        }
    }

    /** All schedule names, in SPEC order. */
    public static List<String> names() {
        return List.copyOf(DEFAULTS.keySet());
    }
}
