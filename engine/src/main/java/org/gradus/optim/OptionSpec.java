package org.gradus.optim;

import org.gradus.optim.schedule.Schedule;
import org.gradus.print.Numbers;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One named option of {@code minimize}/{@code maximize}: its kind, its allowed values, its default and a
 * line of documentation. Methods declare their hyper-parameters with these (see
 * {@link org.gradus.optim.method.HyperParameters}); {@link Settings} declares the run options. The
 * REPL's completion and {@code :help}, the docs' option table and the error messages all read them.
 *
 * <p>{@link #check} turns a script's value into the option's Java value or throws an
 * {@link IllegalArgumentException} that names the option, what it must be, and what was given.
 *
 * @param name         the SPEC name, e.g. {@code beta1}
 * @param doc          what it sets, one line (REPL {@code :help options})
 * @param kind         what values it takes
 * @param lo           REAL/INTEGER: the lower end of the allowed range
 * @param hi           REAL/INTEGER: the upper end (∞ for none)
 * @param loClosed     whether {@code lo} itself is allowed
 * @param hiClosed     whether {@code hi} itself is allowed
 * @param choices      CHOICE: the allowed names
 * @param defaultValue the value when the option is not given (a Double, Integer, Boolean, String or
 *                     Schedule), or null for "off"
 * @param defaultText  how the default reads in the docs, e.g. {@code 0.001 (torch SGD), 1 with a line search}
 * @param custom       OTHER: the check
 */
public record OptionSpec(String name, String doc, Kind kind, double lo, double hi, boolean loClosed, boolean hiClosed,
                         List<String> choices, Object defaultValue, String defaultText, UnaryOperator<Object> custom) {

    /** What values an option takes. */
    public enum Kind {
        /** A real number in a range; the method reads it as a {@link org.gradus.optim.schedule.ScalarOrSchedule}. */
        REAL,
        /** A real number or a schedule (then the default is the schedule's base). */
        REAL_OR_SCHEDULE,
        /** A whole number in a range. */
        INTEGER,
        /** true or false. */
        FLAG,
        /** One of a few names. */
        CHOICE,
        /** A schedule such as {@code cosine(period: 1000)}. */
        SCHEDULE,
        /** Checked by its own function (start points, boxes, file names). */
        OTHER
    }

    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** A real option in a range, e.g. {@code real("beta1", doc, 0, 1, true, false, 0.9)}. */
    public static OptionSpec real(String name, String doc, double lo, double hi, boolean loClosed, boolean hiClosed, Double dflt) {
        return new OptionSpec(name, doc, Kind.REAL, lo, hi, loClosed, hiClosed, null, dflt, null, null);
    }

    /** A whole-number option ≥ {@code min}. */
    public static OptionSpec integer(String name, String doc, int min, Integer dflt) {
        return new OptionSpec(name, doc, Kind.INTEGER, min, Integer.MAX_VALUE, true, true, null, dflt, null, null);
    }

    public static OptionSpec flag(String name, String doc, Boolean dflt) {
        return new OptionSpec(name, doc, Kind.FLAG, 0, 0, true, true, null, dflt, null, null);
    }

    public static OptionSpec choice(String name, String doc, List<String> choices, String dflt) {
        return new OptionSpec(name, doc, Kind.CHOICE, 0, 0, true, true, choices, dflt, null, null);
    }

    public static OptionSpec schedule(String name, String doc) {
        return new OptionSpec(name, doc, Kind.SCHEDULE, 0, 0, true, true, null, null, null, null);
    }

    public static OptionSpec other(String name, String doc, UnaryOperator<Object> check) {
        return new OptionSpec(name, doc, Kind.OTHER, 0, 0, true, true, null, null, null, check);
    }

    /** This option, taking a schedule as well as a number. */
    public OptionSpec orSchedule() {
        if (kind != Kind.REAL) throw new IllegalStateException(name + " is not a real option");
        return new OptionSpec(name, doc, Kind.REAL_OR_SCHEDULE, lo, hi, loClosed, hiClosed, choices, defaultValue, defaultText, custom);
    }

    /** This option with another default (a method's own), e.g. {@code HyperParameters.LR.withDefault(1e-2)}. */
    public OptionSpec withDefault(Object dflt) {
        return new OptionSpec(name, doc, kind, lo, hi, loClosed, hiClosed, choices, dflt, null, custom);
    }

    /** This option with the default described in words for the docs (when it depends on other options). */
    public OptionSpec withDefaultText(String text) {
        return new OptionSpec(name, doc, kind, lo, hi, loClosed, hiClosed, choices, defaultValue, text, custom);
    }

    /** A CHOICE option narrowed to some of its names (e.g. a method that needs a line search). */
    public OptionSpec withChoices(List<String> allowed, String dflt) {
        return new OptionSpec(name, doc, kind, lo, hi, loClosed, hiClosed, allowed, dflt, null, custom);
    }

    /** The same name, kind and range (defaults and narrowed choices may differ between methods). */
    public boolean sameContract(OptionSpec o) {
        boolean real = kind == Kind.REAL || kind == Kind.REAL_OR_SCHEDULE;
        boolean otherReal = o.kind == Kind.REAL || o.kind == Kind.REAL_OR_SCHEDULE;
        return name.equals(o.name) && (kind == o.kind || real && otherReal) && Double.compare(lo, o.lo) == 0
                && Double.compare(hi, o.hi) == 0 && loClosed == o.loClosed && hiClosed == o.hiClosed;
    }

    /**
     * The checked value: a Double (REAL), a Double or Schedule (REAL_OR_SCHEDULE), an Integer, a Boolean,
     * a String (CHOICE, among {@link #choices}), a Schedule, or what the custom check returns.
     *
     * @throws IllegalArgumentException naming the option, what it must be, and the value given
     */
    public Object check(Object v) {
        if (v == null) return null;
        return switch (kind) {
            case REAL -> real(v, false);
            case REAL_OR_SCHEDULE -> v instanceof Schedule ? v : real(v, true);
            case INTEGER -> integer(v);
            case FLAG -> {
                if (!(v instanceof Boolean b)) throw new IllegalArgumentException(name + " must be true or false, got " + v);
                yield b;
            }
            case CHOICE -> {
                if (!(v instanceof CharSequence)) throw new IllegalArgumentException(name + " must be a string, got " + v);
                String s = v.toString();
                if (!choices.contains(s)) {
                    throw new IllegalArgumentException("unknown " + name + " '" + s + "'; valid " + plural() + ": " + String.join(", ", choices));
                }
                yield s;
            }
            case SCHEDULE -> {
                if (!(v instanceof Schedule)) throw new IllegalArgumentException(name + " must be a schedule such as cosine(period: 1000), got " + v);
                yield v;
            }
            case OTHER -> custom.apply(v);
        };
    }

    /** The allowed values in words, for the docs: {@code (0, ∞)}, {@code [0, 1)}, {@code whole ≥ 1}, {@code none, armijo, wolfe}. */
    public String rangeText() {
        return switch (kind) {
            case REAL, REAL_OR_SCHEDULE -> interval() + (kind == Kind.REAL_OR_SCHEDULE ? " or a schedule" : "");
            case INTEGER -> "whole ≥ " + (int) lo;
            case FLAG -> "true, false";
            case CHOICE -> String.join(", ", choices);
            case SCHEDULE -> "a schedule";
            case OTHER -> "";
        };
    }

    /** The default as it reads in the docs. */
    public String defaultDescription() {
        if (defaultText != null) return defaultText;
        if (defaultValue == null) return "off";
        if (defaultValue instanceof Double d) return Numbers.format(d);
        return String.valueOf(defaultValue);
    }

    private String plural() {
        return name.equals("lineSearch") ? "line searches" : name + " values";
    }

    private String interval() {
        return (loClosed ? "[" : "(") + fmt(lo) + ", " + fmt(hi) + (hiClosed ? "]" : ")");
    }

    private Double real(Object v, boolean orSchedule) {
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(name + " must be a number" + (orSchedule ? " or a schedule such as cosine(period: 1000)" : "") + ", got " + v);
        }
        double d = n.doubleValue();
        if (Double.isNaN(d)) throw new IllegalArgumentException(name + " must be a number, got NaN");
        boolean ok = (loClosed ? d >= lo : d > lo) && (hiClosed ? d <= hi : d < hi);
        if (ok) return d;
        if (lo == 0 && !loClosed && hi == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be a positive number, got " + d);
        }
        String hint = hi == 1 ? " (it must be below 1)" : "";
        throw new IllegalArgumentException(name + " must be in " + interval() + hint + ", got " + fmt(d));
    }

    private Integer integer(Object v) {
        if (!(v instanceof Number n)) throw new IllegalArgumentException(name + " must be a number, got " + v);
        double d = n.doubleValue();
        if (Double.isNaN(d)) throw new IllegalArgumentException(name + " must be a number, got NaN");
        if (d < lo || d != Math.rint(d) || d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a whole number >= " + (int) lo + ", got " + fmt(d));
        }
        return (int) d;
    }

    private static String fmt(double v) {
        return Double.isInfinite(v) ? "∞" : Numbers.format(v);
    }
}
