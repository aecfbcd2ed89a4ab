package org.gradus.plot.pictures;

import org.gradus.print.Spelling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The named options of one {@code plot} or {@code animate}, already converted to engine and Java types
 * by the language (a range {@code -2..2} arrives as {@code double[]{-2, 2}}, a {@code subjectTo} block
 * as a list of constraints). Each picture reads what it understands and {@link #check}s the rest: an
 * unknown option is an error that lists the valid ones.
 */
public final class PlotOptions {
    /** Options every picture takes. */
    public static final List<String> COMMON = List.of("file", "width", "height", "title");

    private final Map<String, Object> values;

    public PlotOptions(Map<String, ?> values) {
        this.values = new LinkedHashMap<>(values);
    }

    public boolean has(String name) {
        return values.containsKey(name) && values.get(name) != null;
    }

    public Object get(String name) {
        return values.get(name);
    }

    public Set<String> names() {
        return values.keySet();
    }

    /**
     * @throws IllegalArgumentException naming the first option that is neither common, nor one of
     *                                  {@code valid}, nor a variable name in {@code variables}
     */
    public void check(String picture, Collection<String> valid, Collection<String> variables) {
        for (String name : values.keySet()) {
            if (COMMON.contains(name) || valid.contains(name) || variables.contains(name)) continue;
            Set<String> all = new LinkedHashSet<>(valid);
            all.addAll(COMMON);
            String vars = variables.isEmpty() ? "" : "; ranges of the variables: " + String.join(", ", variables);
            Set<String> known = new LinkedHashSet<>(all);
            known.addAll(variables);
            throw new IllegalArgumentException("unknown option '" + name + "' for " + picture
                    + Spelling.didYouMean(name, known) + "; valid options: " + String.join(", ", all) + vars);
        }
    }

    public boolean flag(String name) {
        Object v = values.get(name);
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        throw new IllegalArgumentException(name + ": true or false, not " + v);
    }

    public double number(String name, double fallback) {
        Object v = values.get(name);
        if (v == null) return fallback;
        if (v instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException(name + ": a number, not " + describe(v));
    }

    public int integer(String name, int fallback, int min) {
        double d = number(name, fallback);
        if (d != Math.rint(d) || d < min) throw new IllegalArgumentException(name + ": a whole number of at least " + min + ", not " + num(d));
        return (int) d;
    }

    /** A range {a, b} with a < b, or null when not given. */
    public double[] range(String name) {
        Object v = values.get(name);
        if (v == null) return null;
        if (v instanceof double[] r && r.length == 2) {
            if (!(r[0] < r[1])) throw new IllegalArgumentException(name + ": the range " + num(r[0]) + ".." + num(r[1]) + " must increase");
            return r;
        }
        throw new IllegalArgumentException(name + ": a range such as -2..2, not " + describe(v));
    }

    public String text(String name, String fallback) {
        Object v = values.get(name);
        if (v == null) return fallback;
        if (v instanceof CharSequence s) return s.toString();
        throw new IllegalArgumentException(name + ": a text, not " + describe(v));
    }

    /** The option as a list: a list as it is, one value as a list of one, absent as empty. */
    public List<Object> list(String name) {
        Object v = values.get(name);
        if (v == null) return List.of();
        if (v instanceof Collection<?> c) return new ArrayList<>(c);
        if (v instanceof double[] d) {
            List<Object> out = new ArrayList<>();
            for (double x : d) out.add(x);
            return out;
        }
        return List.of(v);
    }

    /** Numbers of a list option (e.g. {@code secant: [-1, 1.5]}, {@code order: [1, 2]}). */
    public static double[] numbers(Object v, String what) {
        List<Object> items = v instanceof Collection<?> c ? new ArrayList<>(c) : v instanceof double[] d
                ? java.util.Arrays.stream(d).boxed().map(x -> (Object) x).toList() : List.of(v);
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(items.get(i) instanceof Number n)) throw new IllegalArgumentException(what + ": numbers, not " + describe(items.get(i)));
            out[i] = n.doubleValue();
        }
        return out;
    }

    static String describe(Object v) {
        if (v == null) return "nothing";
        if (v instanceof CharSequence) return "'" + v + "'";
        if (v instanceof double[] d) return java.util.Arrays.toString(d);
        return String.valueOf(v);
    }

    static String num(double d) {
        return org.gradus.plot.render.Ticks.format(d);
    }
}
