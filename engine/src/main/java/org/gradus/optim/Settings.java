package org.gradus.optim;

import org.gradus.optim.schedule.Schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one {@code minimize} call, checked: names, types and values (SPEC §2). Absent
 * options are null and take the method's default (see each method and docs/optimizers.md).
 *
 * <p>An unknown option or method, a value of the wrong type or range, and an option that does not
 * apply to the method are {@link IllegalArgumentException}s written for the script's author.
 */
public record Settings(String method, Double lr, Boolean normalized, String lineSearch, Double momentum,
                       Double beta1, Double beta2, Double eps, Double weightDecay, Double alpha, Integer memory,
                       Integer maxIter, Double tol, Double ftol, Double timeLimit, Object start, int restarts,
                       long seed, Integer batch, Integer epochs, boolean shuffle, Schedule schedule, Object trace,
                       Map<String, double[]> over, Set<String> given) {

    /** Every method of SPEC §2, in SPEC order. */
    public static final List<String> METHODS = List.of("auto", "gd", "momentum", "nesterov", "adagrad", "rmsprop",
            "adam", "adamw", "newton", "bfgs", "lbfgs", "cg", "fista", "nelder-mead");

    private static final List<String> STOCHASTIC = List.of("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw");

    /** Options that apply to some methods only: option → the methods it applies to. Others apply to all. */
    public static final Map<String, List<String>> APPLIES_TO = appliesTo();

    /** Every option name, in SPEC order. */
    public static final List<String> OPTIONS = List.of("method", "lr", "normalized", "lineSearch", "momentum", "beta1",
            "beta2", "eps", "weightDecay", "alpha", "memory", "maxIter", "tol", "ftol", "timeLimit", "start", "restarts",
            "seed", "batch", "epochs", "shuffle", "schedule", "trace", "over", "subjectTo");

    private static Map<String, List<String>> appliesTo() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        List<String> lrMethods = new ArrayList<>(STOCHASTIC);
        lrMethods.add("fista");
        m.put("lr", lrMethods);
        m.put("normalized", List.of("gd"));
        m.put("lineSearch", List.of("gd", "newton", "bfgs", "lbfgs", "cg"));
        m.put("momentum", List.of("momentum", "nesterov", "rmsprop"));
        m.put("beta1", List.of("adam", "adamw"));
        m.put("beta2", List.of("adam", "adamw"));
        m.put("eps", List.of("adagrad", "rmsprop", "adam", "adamw"));
        m.put("weightDecay", STOCHASTIC);
        m.put("alpha", List.of("rmsprop"));
        m.put("memory", List.of("lbfgs"));
        m.put("batch", STOCHASTIC);
        m.put("epochs", STOCHASTIC);
        m.put("shuffle", STOCHASTIC);
        m.put("schedule", lrMethods);
        return m;
    }

    /** Reads and checks the options map; {@code method} defaults to {@code auto}. */
    public static Settings parse(Map<String, ?> options) {
        Map<String, ?> o = options == null ? Map.of() : options;
        for (String k : o.keySet()) {
            if (!OPTIONS.contains(k)) {
                throw new IllegalArgumentException("unknown option '" + k + "'; valid options: " + String.join(", ", OPTIONS));
            }
        }
        String method = string(o, "method", "auto");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown method '" + method + "'; valid methods: " + String.join(", ", METHODS));
        }
        String lineSearch = string(o, "lineSearch", null);
        if (lineSearch != null && !List.of("none", "armijo", "wolfe").contains(lineSearch)) {
            throw new IllegalArgumentException("unknown lineSearch '" + lineSearch + "'; valid line searches: none, armijo, wolfe");
        }
        Double lr = positive(o, "lr");
        Double momentum = range(o, "momentum", 0, 1, true, false);
        Double beta1 = range(o, "beta1", 0, 1, true, false);
        Double beta2 = range(o, "beta2", 0, 1, true, false);
        Double eps = range(o, "eps", 0, Double.POSITIVE_INFINITY, true, false);
        Double weightDecay = range(o, "weightDecay", 0, Double.POSITIVE_INFINITY, true, false);
        Double alpha = range(o, "alpha", 0, 1, true, false);
        Integer memory = positiveInt(o, "memory");
        Integer maxIter = nonNegativeInt(o, "maxIter");
        Double tol = range(o, "tol", 0, Double.POSITIVE_INFINITY, true, false);
        Double ftol = range(o, "ftol", 0, Double.POSITIVE_INFINITY, true, false);
        Double timeLimit = positive(o, "timeLimit");
        Integer restarts = positiveInt(o, "restarts");
        Object seedValue = o.get("seed");
        long seed = 0;
        if (seedValue != null) {
            if (!(seedValue instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new IllegalArgumentException("seed must be a whole number, got " + seedValue);
            }
            seed = n.longValue();
        }
        Integer batch = positiveInt(o, "batch");
        Integer epochs = positiveInt(o, "epochs");
        Boolean normalized = bool(o, "normalized");
        Boolean shuffle = bool(o, "shuffle");
        Object sched = o.get("schedule");
        if (sched != null && !(sched instanceof Schedule)) {
            throw new IllegalArgumentException("schedule must be a schedule such as cosine(period: 1000), got " + sched);
        }
        Object trace = o.get("trace");
        if (trace != null && !(trace instanceof Boolean) && !(trace instanceof CharSequence)) {
            throw new IllegalArgumentException("trace must be true or a CSV file name, got " + trace);
        }
        if (trace instanceof CharSequence cs) trace = cs.toString();
        Object start = o.get("start");
        if (start != null && !(start instanceof Map) && !(start instanceof List) && !(start instanceof double[])) {
            throw new IllegalArgumentException("start must be a map of start values such as [x: 1, y: 2], got " + start);
        }
        Map<String, double[]> over = over(o.get("over"));
        Set<String> given = new LinkedHashSet<>(o.keySet());
        given.remove("subjectTo");
        return new Settings(method, lr, normalized, lineSearch, momentum, beta1, beta2, eps, weightDecay, alpha, memory,
                maxIter, tol, ftol, timeLimit, start, restarts == null ? 1 : restarts, seed, batch, epochs,
                shuffle != null && shuffle, (Schedule) sched, trace, over, given);
    }

    /** Checks that every given option applies to the (resolved) method. */
    public void checkApplicable(String resolved, boolean auto) {
        for (String k : given) {
            List<String> to = APPLIES_TO.get(k);
            if (to != null && !to.contains(resolved)) {
                throw new IllegalArgumentException("option '" + k + "' does not apply to method '" + resolved + "'"
                        + (auto ? " (the method auto picked)" : "") + "; it applies to: " + String.join(", ", to));
            }
        }
        if (lineSearch != null && !"gd".equals(resolved) && !"newton".equals(resolved) && "none".equals(lineSearch)) {
            throw new IllegalArgumentException("method '" + resolved + "' needs a line search; use lineSearch: 'wolfe' or 'armijo'");
        }
    }

    public boolean has(String option) {
        return given.contains(option);
    }

    public double lr(double dflt) {
        return lr == null ? dflt : lr;
    }

    public double tol(double dflt) {
        return tol == null ? dflt : tol;
    }

    private static String string(Map<String, ?> o, String k, String dflt) {
        Object v = o.get(k);
        if (v == null) return dflt;
        if (!(v instanceof CharSequence)) throw new IllegalArgumentException(k + " must be a string, got " + v);
        return v.toString();
    }

    private static Boolean bool(Map<String, ?> o, String k) {
        Object v = o.get(k);
        if (v == null) return null;
        if (!(v instanceof Boolean b)) throw new IllegalArgumentException(k + " must be true or false, got " + v);
        return b;
    }

    private static Double number(Map<String, ?> o, String k) {
        Object v = o.get(k);
        if (v == null) return null;
        if (!(v instanceof Number n)) throw new IllegalArgumentException(k + " must be a number, got " + v);
        double d = n.doubleValue();
        if (Double.isNaN(d)) throw new IllegalArgumentException(k + " must be a number, got NaN");
        return d;
    }

    private static Double positive(Map<String, ?> o, String k) {
        Double d = number(o, k);
        if (d != null && !(d > 0 && Double.isFinite(d))) {
            throw new IllegalArgumentException(k + " must be a positive number, got " + d);
        }
        return d;
    }

    private static Double range(Map<String, ?> o, String k, double lo, double hi, boolean loClosed, boolean hiClosed) {
        Double d = number(o, k);
        if (d == null) return null;
        boolean ok = (loClosed ? d >= lo : d > lo) && (hiClosed ? d <= hi : d < hi);
        if (!ok) {
            String r = (loClosed ? "[" : "(") + fmt(lo) + ", " + fmt(hi) + (hiClosed ? "]" : ")");
            String hint = hi == 1 ? " (it must be below 1)" : "";
            throw new IllegalArgumentException(k + " must be in " + r + hint + ", got " + fmt(d));
        }
        return d;
    }

    private static String fmt(double v) {
        return Double.isInfinite(v) ? "∞" : org.gradus.print.Numbers.format(v);
    }

    private static Integer positiveInt(Map<String, ?> o, String k) {
        Double d = number(o, k);
        if (d == null) return null;
        if (d < 1 || d != Math.rint(d) || d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(k + " must be a whole number >= 1, got " + fmt(d));
        }
        return d.intValue();
    }

    private static Integer nonNegativeInt(Map<String, ?> o, String k) {
        Double d = number(o, k);
        if (d == null) return null;
        if (d < 0 || d != Math.rint(d) || d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(k + " must be a whole number >= 0, got " + fmt(d));
        }
        return d.intValue();
    }

    private static Map<String, double[]> over(Object v) {
        if (v == null) return Map.of();
        if (!(v instanceof Map<?, ?> m)) throw new IllegalArgumentException("over must be a map such as [x: -3..3], got " + v);
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            double[] box = box(e.getValue());
            if (box == null || !(box[0] <= box[1]) || !Double.isFinite(box[0]) || !Double.isFinite(box[1])) {
                throw new IllegalArgumentException("over: " + e.getKey() + " needs a finite range lo..hi, got " + e.getValue());
            }
            out.put(String.valueOf(e.getKey()), box);
        }
        return out;
    }

    private static double[] box(Object v) {
        if (v instanceof double[] d && d.length == 2) return d.clone();
        if (v instanceof List<?> l && l.size() >= 2 && l.get(0) instanceof Number a && l.get(l.size() - 1) instanceof Number b) {
            return new double[]{a.doubleValue(), b.doubleValue()};
        }
        return null;
    }
}
