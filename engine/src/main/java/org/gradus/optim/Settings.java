package org.gradus.optim;

import org.gradus.atoms.Arguments;
import org.gradus.expr.PointArgs;
import org.gradus.print.Numbers;
import org.gradus.optim.method.MethodOptions;
import org.gradus.optim.method.MethodSpec;
import org.gradus.optim.method.Optimizers;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one {@code minimize} call, checked (SPEC §2). Settings keeps the run options — how long
 * to run, from where, how often, on which rows, what to record — and holds the method's own options
 * (hyper-parameters such as lr or beta1) as given, checked against the method specs: their values when
 * parsed, whether they apply once the method is known ({@link #methodOptions}).
 *
 * <p>An unknown option or method, a value of the wrong type or range, and an option that does not
 * apply to the method are {@link IllegalArgumentException}s written for the script's author.
 */
public record Settings(String method, Integer maxIter, Double tol, Double ftol, Double timeLimit, Object start, int restarts,
                       long seed, Integer batch, Integer epochs, boolean shuffle, Object trace, Map<String, double[]> over,
                       Integer threads, Map<String, Object> methodValues, Set<String> given) {

    private static final double INF = Double.POSITIVE_INFINITY;

    /** The run options, each declared once with its documentation. */
    public static final List<OptionSpec> RUN_OPTIONS = List.of(
            OptionSpec.integer("maxIter", "the most iterations", 0, null),
            OptionSpec.real("tol", "tolerance on the stationarity measure (gradient inf-norm)", 0, INF, true, false, null),
            OptionSpec.real("ftol", "relative tolerance on f", 0, INF, true, false, null),
            OptionSpec.real("timeLimit", "seconds the run may take", 0, INF, false, false, null),
            OptionSpec.other("start", "start values, a map: start: [x: 0, y: 1]", Settings::checkStart),
            OptionSpec.integer("restarts", "multi-start: the best of this many descents", 1, 1),
            OptionSpec.other("seed", "random seed (restarts, shuffling)", Settings::checkSeed),
            OptionSpec.integer("batch", "rows per step for data reductions (1 = SGD)", 1, null),
            OptionSpec.integer("epochs", "passes over the data", 1, null),
            OptionSpec.flag("shuffle", "shuffle rows each epoch", false),
            OptionSpec.other("trace", "true, or a CSV file name for the iterates", Settings::checkTrace),
            OptionSpec.other("over", "the box restarts draw their starts from: over: [x: -1..1]; needs restarts: N ≥ 2 and does not bound the search (the descents may leave it; for bounds write subjectTo: { x >= -1; x <= 1 })", Settings::checkOver),
            OptionSpec.integer("threads", "threads for passes over a data set (default: the processors, or GRADUS_THREADS); results do not depend on it", 1, null));

    /** Run options that only mini-batch (stochastic) methods take. */
    private static final List<String> STOCHASTIC_ONLY = List.of("batch", "epochs", "shuffle");

    /** Every option name, in order: method, the methods' options, the run options, subjectTo. */
    public static List<String> optionNames() {
        return List.copyOf(optionDocs().keySet());
    }

    /** Every option with what it sets (the REPL's completion and {@code :help options}). */
    public static Map<String, String> optionDocs() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("method", "the optimizer: " + String.join(" ", Optimizers.methodNames()));
        for (OptionSpec o : Optimizers.methodOptions().values()) m.put(o.name(), o.doc());
        for (OptionSpec o : RUN_OPTIONS) m.put(o.name(), o.doc());
        m.put("subjectTo", "constraints: subjectTo: { x + y <= 1; x >= 0 }");
        return m;
    }

    /** Reads and checks the options map; {@code method} defaults to {@code auto}. */
    public static Settings parse(Map<String, ?> options) {
        Map<String, ?> o = options == null ? Map.of() : options;
        List<String> valid = optionNames();
        for (String k : o.keySet()) {
            if (!valid.contains(k)) throw new IllegalArgumentException(UnknownOptionWords.unknownOption(k, valid));
        }
        Object m = o.get("method");
        if (m != null && !(m instanceof CharSequence)) throw new IllegalArgumentException("method must be a string, got " + m);
        String method = m == null ? "auto" : m.toString();
        if (!Optimizers.methodNames().contains(method)) {
            throw new IllegalArgumentException(UnknownOptionWords.unknownMethod(method, Optimizers.methodNames()));
        }
        Map<String, Object> methodValues = new LinkedHashMap<>();
        Map<String, Object> run = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : o.entrySet()) {
            OptionSpec spec = Optimizers.methodOptions().get(e.getKey());
            if (spec != null) {
                Object v = spec.check(e.getValue());
                if (v != null) methodValues.put(e.getKey(), v);
            }
        }
        for (OptionSpec spec : RUN_OPTIONS) run.put(spec.name(), spec.check(o.get(spec.name())));
        Set<String> given = new LinkedHashSet<>(o.keySet());
        given.remove("subjectTo");
        Integer restarts = (Integer) run.get("restarts");
        Long seed = (Long) run.get("seed");
        @SuppressWarnings("unchecked")
        Map<String, double[]> over = run.get("over") == null ? Map.of() : (Map<String, double[]>) run.get("over");
        if (!over.isEmpty() && (restarts == null || restarts < 2)) {
            String name = over.keySet().iterator().next();
            double[] box = over.get(name);
            throw new IllegalArgumentException("option 'over' is the box restarts draw their starts from, so it needs restarts: N (N ≥ 2); "
                    + "it does not bound the search: for bounds write subjectTo: { " + name + " >= " + Numbers.format(box[0]) + "; "
                    + name + " <= " + Numbers.format(box[1]) + " }");
        }
        return new Settings(method, (Integer) run.get("maxIter"), (Double) run.get("tol"), (Double) run.get("ftol"), (Double) run.get("timeLimit"),
                run.get("start"), restarts == null ? 1 : restarts, seed == null ? 0 : seed, (Integer) run.get("batch"), (Integer) run.get("epochs"),
                Boolean.TRUE.equals(run.get("shuffle")), run.get("trace"), over, (Integer) run.get("threads"), methodValues, given);
    }

    /**
     * The options of the (resolved) method, checked against its spec.
     *
     * @param auto      true when {@code auto} picked the method (said in the error)
     * @param l1Weights for proximal methods: λᵢ per coordinate
     * @param l1Centres and the centre cᵢ of each term λᵢ|xᵢ − cᵢ|
     * @throws IllegalArgumentException for an option the method does not take, naming the methods that do
     */
    public MethodOptions methodOptions(MethodSpec spec, boolean auto, double[] l1Weights, double[] l1Centres) {
        String picked = auto ? " (the method auto picked)" : "";
        Map<String, Object> values = new LinkedHashMap<>();
        for (String k : given) {
            if (k.equals("method")) continue;
            if (STOCHASTIC_ONLY.contains(k) && !spec.stochastic()) {
                throw new IllegalArgumentException("option '" + k + "' does not apply to method '" + spec.name() + "'" + picked
                        + "; it applies to: " + String.join(", ", Optimizers.stochasticNames()));
            }
            if (!Optimizers.methodOptions().containsKey(k)) continue;   // a run option
            OptionSpec own = spec.option(k);
            if (own == null) {
                throw new IllegalArgumentException("option '" + k + "' does not apply to method '" + spec.name() + "'" + picked
                        + "; it applies to: " + String.join(", ", Optimizers.takingOption(k)));
            }
            Object v = methodValues.get(k);
            if (own.kind() == OptionSpec.Kind.CHOICE && !own.choices().contains(v)) {
                throw new IllegalArgumentException("method '" + spec.name() + "' does not take " + k + ": '" + v + "'; use "
                        + String.join(" or ", own.choices().stream().map(c -> k + ": '" + c + "'").toList()));
            }
            values.put(k, own.check(v));
        }
        return new MethodOptions(spec, values, l1Weights, l1Centres);
    }

    public boolean has(String option) {
        return given.contains(option);
    }

    /** The {@code lr} given as a number, or null. */
    public Double lr() {
        return methodValues.get("lr") instanceof Double d ? d : null;
    }

    public double tol(double dflt) {
        return tol == null ? dflt : tol;
    }

    private static Object checkSeed(Object v) {
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException("seed must be a whole number, got " + v);
        }
        return n.longValue();
    }

    private static Object checkTrace(Object v) {
        if (!(v instanceof Boolean) && !(v instanceof CharSequence)) throw new IllegalArgumentException("trace must be true or a CSV file name, got " + v);
        return v instanceof CharSequence cs ? cs.toString() : v;
    }

    /** A map by name (read once, {@link PointArgs#point}), or all coordinates in order as a list or an array. */
    private static Object checkStart(Object v) {
        if (v instanceof Map) return PointArgs.point(v, "start", Arguments::describe);
        if (!(v instanceof List) && !(v instanceof double[])) {
            throw new IllegalArgumentException("start must be a map of start values such as [x: 1, y: 2], got " + v);
        }
        return v;
    }

    /** A finite box by name, read once ({@link PointArgs#box}). */
    private static Object checkOver(Object v) {
        return PointArgs.box(v, "over", true, Arguments::describe);
    }
}
