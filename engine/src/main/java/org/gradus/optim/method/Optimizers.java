package org.gradus.optim.method;

import org.gradus.optim.OptionSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of methods: one line per method, in SPEC order (optax's {@code alias.py}). Everything
 * else — option checking, {@code auto}, the REPL's completion and {@code :help}, the docs' tables, the
 * "valid methods" and "valid options" errors — reads the specs listed here. Adding a method is its
 * file and one line below.
 */
public final class Optimizers {
    private Optimizers() {
    }

    private static final List<MethodSpec> ALL = List.of(
            GradientDescent.SPEC,
            Momentum.SPEC,
            Nesterov.SPEC,
            Adagrad.SPEC,
            RmsProp.SPEC,
            Adam.SPEC,
            AdamW.SPEC,
            Newton.SPEC,
            Bfgs.SPEC,
            Lbfgs.SPEC,
            ConjugateGradient.SPEC,
            Fista.SPEC,
            NelderMead.SPEC);

    private static final Map<String, MethodSpec> BY_NAME = byName();
    private static final Map<String, OptionSpec> OPTIONS = options();

    private static Map<String, MethodSpec> byName() {
        Map<String, MethodSpec> m = new LinkedHashMap<>();
        for (MethodSpec s : ALL) {
            if (m.put(s.name(), s) != null) throw new IllegalStateException("two methods are called " + s.name());
        }
        return m;
    }

    /**
     * Every method option by name, shared ones first in {@link HyperParameters#SHARED} order, then the
     * others in registry order. Two methods' options of one name must have the same kind and range.
     */
    private static Map<String, OptionSpec> options() {
        Map<String, OptionSpec> m = new LinkedHashMap<>();
        for (OptionSpec o : HyperParameters.SHARED) {
            if (ALL.stream().anyMatch(s -> s.option(o.name()) != null)) m.put(o.name(), o);
        }
        for (MethodSpec s : ALL) {
            for (OptionSpec o : s.options()) {
                OptionSpec known = m.putIfAbsent(o.name(), o);
                if (known != null && !known.sameContract(o)) {
                    throw new IllegalStateException(s.name() + "'s option '" + o.name() + "' differs in kind or range from the other methods'");
                }
            }
        }
        return m;
    }

    /** Every method, in SPEC order. */
    public static List<MethodSpec> all() {
        return ALL;
    }

    /** The method called {@code name}, or null (also for {@code auto}, which is a choice, not a method). */
    public static MethodSpec get(String name) {
        return BY_NAME.get(name);
    }

    /** The names a script may give {@code method:}: {@code auto} and every method, in SPEC order. */
    public static List<String> methodNames() {
        List<String> names = new ArrayList<>();
        names.add("auto");
        names.addAll(BY_NAME.keySet());
        return names;
    }

    /** Every method option (hyper-parameter) of any method, by name, with its documentation and range. */
    public static Map<String, OptionSpec> methodOptions() {
        return OPTIONS;
    }

    /** The names of the methods that take {@code option}, in SPEC order. */
    public static List<String> takingOption(String option) {
        return ALL.stream().filter(s -> s.option(option) != null).map(MethodSpec::name).toList();
    }

    /** The names of the stochastic methods (those taking batch, epochs, shuffle), in SPEC order. */
    public static List<String> stochasticNames() {
        return ALL.stream().filter(MethodSpec::stochastic).map(MethodSpec::name).toList();
    }
}
