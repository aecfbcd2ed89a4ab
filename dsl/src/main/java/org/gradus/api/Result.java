package org.gradus.api;

import groovy.json.JsonSlurper;
import org.gradus.result.Shown;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One value a script showed, as a typed view over its JSON record (the object {@code gradus run --json}
 * writes for it, SPEC §3). {@link #kind()} names what it is; subclasses give the fields of their kind typed
 * accessors ({@link MinimizeResult#x()}, {@link ConvexityReport#verdict()}, ...); {@link #fields()} has
 * every field, also those added after this API was written; {@link #toJson()} is the record exactly as
 * {@code --json} writes it and {@link #toText()} the readable report {@code gradus run} prints.
 *
 * <p>A run in this JVM and an isolated run (a child JVM) give the same views: both are read from the
 * same JSON. Numbers that are not finite arrive as {@code NaN}/{@code ±Infinity}; a field that is missing
 * or {@code null} reads as {@code NaN} from a {@code double} accessor and as {@code null} from others.
 *
 * <p><b>A new kind.</b> Kinds without a class of their own are plain {@code Result}s. To give a kind its
 * type: write a final class extending {@code Result} in this package, with a constructor taking a
 * {@link Record} and accessors that read {@link #fields()} through the helpers below, and add one line
 * mapping the kind's name to the constructor in {@link ResultKinds}.
 */
public class Result {
    /**
     * What a result is made of: its kind, its JSON record and its readable text, each produced when first
     * needed. Not used by programs that only read results.
     */
    public static final class Record {
        private final String kind;
        private final Supplier<String> json;
        private final Supplier<String> text;

        Record(String kind, Supplier<String> json, Supplier<String> text) {
            this.kind = kind;
            this.json = json;
            this.text = text;
        }

        String kind() {
            return kind;
        }
    }

    private final Record record;
    private volatile Map<String, Object> fields;

    Result(Record record) {
        this.record = record;
    }

    /**
     * The typed view of a value shown by a script run in this JVM. Values of the engine
     * ({@code org.gradus.result.Shown}) are what {@code GradusSession} and the engine hand out.
     */
    public static Result of(Shown shown) {
        return ResultKinds.view(new Record(shown.kind(), memo(shown::toJson), memo(shown::toText)));
    }

    /**
     * The typed view of one JSON record as {@code gradus run --json} writes it (one line of its output,
     * or of a {@code .jsonl} file the Maven plugin wrote). {@code text} is the readable report, or null
     * (then {@link #toText()} is the JSON).
     *
     * @throws IllegalArgumentException if {@code json} is not a JSON object with a string {@code kind}
     */
    public static Result parse(String json, String text) {
        Object parsed;
        try {
            parsed = new JsonSlurper().parseText(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a JSON record: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> map) || !(map.get("kind") instanceof String kind)) {
            throw new IllegalArgumentException("not a Gradus JSON record (an object with a \"kind\"): " + abbreviate(json));
        }
        @SuppressWarnings("unchecked") Map<String, Object> fields = (Map<String, Object>) map;
        Result r = ResultKinds.view(new Record(kind, () -> json, () -> text != null ? text : json));
        r.fields = Collections.unmodifiableMap(fields);
        return r;
    }

    /** The JSON {@code kind}: {@code number}, {@code expression}, {@code minimize}, {@code convexity}, ... */
    public String kind() {
        return record.kind;
    }

    /**
     * Every field of the JSON record, {@code kind} included, as JSON values: {@link String}, {@link Number},
     * {@link Boolean}, null, {@link List} and {@link Map} (non-finite numbers are the strings
     * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}). Read-only.
     */
    public Map<String, Object> fields() {
        Map<String, Object> f = fields;
        if (f == null) {
            @SuppressWarnings("unchecked") Map<String, Object> parsed = (Map<String, Object>) new JsonSlurper().parseText(toJson());
            f = Collections.unmodifiableMap(parsed);
            fields = f;
        }
        return f;
    }

    /** The JSON record on one line, exactly as {@code gradus run --json} writes it. */
    public String toJson() {
        return record.json.get();
    }

    /** The readable report, as {@code gradus run} prints it. */
    public String toText() {
        return record.text.get();
    }

    /** The readable report. */
    @Override
    public String toString() {
        return toText();
    }

    // ---- reading fields: the helpers subclasses use ---------------------------------------------------

    /** A field, or null when the record has none. */
    protected final Object field(String name) {
        return fields().get(name);
    }

    /** A number field; NaN when missing or null. */
    protected final double number(String name) {
        return JsonValues.number(field(name));
    }

    /** A whole-number field; 0 when missing. */
    protected final long count(String name) {
        Object v = field(name);
        return v instanceof Number n ? n.longValue() : 0;
    }

    /** A text field, or null. */
    protected final String text(String name) {
        Object v = field(name);
        return v == null ? null : v.toString();
    }

    /** A true/false field, or null when missing or null (unknown). */
    protected final Boolean bool(String name) {
        return field(name) instanceof Boolean b ? b : null;
    }

    /** A point field (variable name to number or array), or null. */
    protected final Point point(String name) {
        return field(name) instanceof Map<?, ?> m ? Point.of(m) : null;
    }

    private static <T> Supplier<T> memo(Supplier<T> s) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) value = v = s.get();
                return v;
            }
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
