package org.gradus.atoms;

import org.gradus.expr.Expr;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A function word of the language — {@code exp(a)}, {@code huber(pred, y, delta = 1)} — declared by the
 * atom (or loss) it builds, in its own file: its name, its parameters, a one-line help and an example,
 * and how it builds an expression from its converted arguments. {@link Functions} lists every word; the
 * script language, the REPL's completion and {@code :help}, {@code gradus --help} and the atom contract
 * spec all read that list.
 */
public final class FunctionWord {
    /** What a parameter takes. */
    public enum Kind {
        /** a scalar expression or a number */
        EXPR,
        /** a vector variable, a list or an array */
        VECTOR,
        /** a number (a parameter of the function, such as huber's delta) */
        NUMBER,
        /** a constant matrix */
        MATRIX,
        /** a matrix variable or matrix expression (its sample: the shape {rows, columns} the contract spec uses) */
        ARRAY
    }

    /**
     * One parameter: its name, what it takes, its default when it may be left out (null when required),
     * and a value the atom contract spec calls the word with (numbers and matrices; null for expressions
     * and vectors, which the spec supplies as variables).
     */
    public record Parameter(String name, Kind kind, Double defaultValue, Object sample) {
        String text() {
            return defaultValue == null ? name : name + " = " + Numbers.format(defaultValue);
        }
    }

    /** Builds the word's expression from its arguments (converted on access, see {@link Arguments}). */
    @FunctionalInterface
    public interface Builder {
        Expr build(Arguments args);
    }

    private final String name;
    private final List<Parameter> parameters;
    private final boolean variadic;
    private final List<List<Parameter>> alternatives;
    private final String signature;
    private final String help;
    private final String example;
    private final Builder builder;

    private FunctionWord(Declaration d) {
        this.name = d.name;
        this.parameters = List.copyOf(d.parameters);
        this.variadic = d.variadic;
        this.alternatives = List.copyOf(d.alternatives);
        this.help = Objects.requireNonNull(d.help, "help of " + d.name);
        this.example = Objects.requireNonNull(d.example, "example of " + d.name);
        this.builder = Objects.requireNonNull(d.builder, "builder of " + d.name);
        if (d.signature != null) {
            this.signature = d.signature;
        } else {
            List<String> p = new ArrayList<>();
            for (Parameter x : parameters) p.add(x.text());
            this.signature = name + "(" + String.join(", ", p) + (variadic ? ", ..." : "") + ")";
        }
    }

    /** Starts the declaration of a word: {@code FunctionWord.named("huber").expr("pred")...builds(...)}. */
    public static Declaration named(String name) {
        return new Declaration(name);
    }

    /** The word {@code name(a)} of a one-argument atom: the atom applied to a. */
    public static FunctionWord of(UnaryAtom atom, String help, String example) {
        return named(atom.name()).expr("a").help(help).example(example).builds(a -> Ops.apply(atom, a.expr(0)));
    }

    public String name() {
        return name;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * Every form of arguments the word takes: its parameters, then alternatives such as logsumexp's
     * single vector ({@code logsumexp(v)}). The contract spec calls the word in each form.
     */
    public List<List<Parameter>> forms() {
        List<List<Parameter>> out = new ArrayList<>();
        out.add(parameters);
        out.addAll(alternatives);
        return out;
    }

    /** True when the last parameter repeats ({@code logsumexp(a, b, ...)}). */
    public boolean variadic() {
        return variadic;
    }

    /** {@code huber(pred, y, delta = 1)}. */
    public String signature() {
        return signature;
    }

    /** What the function is, in one line. */
    public String help() {
        return help;
    }

    /** A one-line example of its use. */
    public String example() {
        return example;
    }

    /** True when the word takes {@code count} arguments. */
    public boolean accepts(int count) {
        int required = 0;
        for (Parameter p : parameters) if (p.defaultValue() == null) required++;
        if (variadic) required--; // the repeated parameter may be empty; the builder says what it needs
        if (count >= required && (variadic || count <= parameters.size())) return true;
        for (List<Parameter> form : alternatives) if (form.size() == count) return true;
        return false;
    }

    /**
     * The expression the word builds from these values (numbers, expressions, lists, arrays, matrices).
     *
     * @throws IllegalArgumentException for a wrong number of arguments or a value of the wrong kind,
     *                                  saying what was expected
     */
    public Expr call(List<?> values) {
        return call(values, Arguments::describe);
    }

    /** As {@link #call(List)}, with the caller's way of naming a wrong value in messages. */
    public Expr call(List<?> values, Function<Object, String> describe) {
        if (!accepts(values.size())) {
            throw new IllegalArgumentException(name + " takes " + signature + ", got " + values.size() + " argument(s)");
        }
        List<Object> filled = new ArrayList<>(values);
        for (int k = filled.size(); k < parameters.size() && parameters.get(k).defaultValue() != null; k++) {
            filled.add(parameters.get(k).defaultValue());
        }
        return builder.build(new Arguments(name, filled, describe));
    }

    @Override
    public String toString() {
        return signature;
    }

    /** A word being declared. */
    public static final class Declaration {
        private final String name;
        private final List<Parameter> parameters = new ArrayList<>();
        private boolean variadic;
        private final List<List<Parameter>> alternatives = new ArrayList<>();
        private String signature, help, example;
        private Builder builder;

        private Declaration(String name) {
            this.name = name;
        }

        /** A scalar parameter. */
        public Declaration expr(String parameter) {
            parameters.add(new Parameter(parameter, Kind.EXPR, null, null));
            return this;
        }

        /** Scalar parameters, one or more: the last parameter repeats. */
        public Declaration exprs(String parameter) {
            expr(parameter);
            variadic = true;
            return this;
        }

        /** A vector parameter. */
        public Declaration vector(String parameter) {
            parameters.add(new Parameter(parameter, Kind.VECTOR, null, null));
            return this;
        }

        /** A required number, with a value the contract spec calls the word with. */
        public Declaration number(String parameter, double sample) {
            parameters.add(new Parameter(parameter, Kind.NUMBER, null, sample));
            return this;
        }

        /** A number that may be left out. */
        public Declaration optionalNumber(String parameter, double defaultValue) {
            parameters.add(new Parameter(parameter, Kind.NUMBER, defaultValue, defaultValue));
            return this;
        }

        /** A matrix (variable or expression), with the shape the contract spec calls the word with. */
        public Declaration array(String parameter, int rows, int columns) {
            parameters.add(new Parameter(parameter, Kind.ARRAY, null, new int[]{rows, columns}));
            return this;
        }

        /** A constant matrix, with one the contract spec calls the word with. */
        public Declaration matrix(String parameter, double[][] sample) {
            parameters.add(new Parameter(parameter, Kind.MATRIX, null, sample));
            return this;
        }

        /** An alternative form: the word also takes a single vector ({@code logsumexp(v)}); the builder tells them apart. */
        public Declaration orVector(String parameter) {
            alternatives.add(List.of(new Parameter(parameter, Kind.VECTOR, null, null)));
            return this;
        }

        /** The signature as help prints it, when it is not the parameters' list ({@code logsumexp(a, b, ...) or logsumexp(v)}). */
        public Declaration signature(String text) {
            signature = text;
            return this;
        }

        public Declaration help(String text) {
            help = text;
            return this;
        }

        public Declaration example(String text) {
            example = text;
            return this;
        }

        public FunctionWord builds(Builder b) {
            builder = b;
            return new FunctionWord(this);
        }
    }
}
