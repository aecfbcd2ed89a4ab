package org.gradus.optim.method;

import org.gradus.optim.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * Everything about one method that the rest of Gradus reads: its SPEC name, what it is (a one-line
 * summary for the REPL and a description for the docs), its options with defaults and ranges, what
 * problems it takes, its default {@code maxIter} and {@code tol}, and a factory from a typed immutable
 * configuration to a fresh method (the method holds its own state). Each method declares its spec in
 * its own file; {@link Optimizers} lists them.
 *
 * <p>Build one with {@link #named(String)}:
 * <pre>{@code
 * static final MethodSpec SPEC = MethodSpec.named("adagrad")
 *         .summary("AdaGrad")
 *         .description("G ← G + g², x ← x − lr·g/(√G + eps)")
 *         .stochastic()
 *         .options(HyperParameters.LR.withDefault(1e-2), HyperParameters.EPS.withDefault(1e-10), ...)
 *         .build(o -> new Config(o.real("lr"), o.real("eps")), Adagrad::new);
 * }</pre>
 */
public final class MethodSpec {
    private final String name;
    private final String summary;
    private final String description;
    private final List<OptionSpec> options;
    private final boolean stochastic;
    private final boolean constraints;
    private final boolean maximizes;
    private final boolean proximal;
    private final IntUnaryOperator maxIter;
    private final String maxIterText;
    private final double tol;
    private final String tolText;
    private final Function<MethodOptions, Object> configure;
    private final Function<Object, Method> create;

    private MethodSpec(Builder b, Function<MethodOptions, Object> configure, Function<Object, Method> create) {
        this.name = b.name;
        this.summary = Objects.requireNonNull(b.summary, "summary");
        this.description = Objects.requireNonNull(b.description, "description");
        this.options = List.copyOf(b.options);
        this.stochastic = b.stochastic;
        this.constraints = b.constraints;
        this.maximizes = b.maximizes;
        this.proximal = b.proximal;
        this.maxIter = b.maxIter;
        this.maxIterText = b.maxIterText;
        this.tol = b.tol;
        this.tolText = b.tolText;
        this.configure = configure;
        this.create = create;
    }

    /** Starts the spec of the method called {@code name} (its SPEC name, as scripts write it). */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** The SPEC name, e.g. {@code lbfgs}. */
    public String name() {
        return name;
    }

    /** What it is, in a few words ({@code limited-memory BFGS}): REPL completion and {@code :help methods}. */
    public String summary() {
        return summary;
    }

    /** What it does, one sentence with the formulas: the docs' method table. */
    public String description() {
        return description;
    }

    /** Its options (hyper-parameters), with this method's defaults. */
    public List<OptionSpec> options() {
        return options;
    }

    /** The option called {@code name}, or null when the method has none by that name. */
    public OptionSpec option(String name) {
        for (OptionSpec o : options) if (o.name().equals(name)) return o;
        return null;
    }

    /**
     * True for the methods that step with a learning rate on (possibly mini-batch) gradients: they take
     * {@code batch}, {@code epochs} and {@code shuffle}.
     */
    public boolean stochastic() {
        return stochastic;
    }

    /** True when it can run inside the augmented Lagrangian for general constraints ({@code subjectTo}). */
    public boolean takesConstraints() {
        return constraints;
    }

    /** False for a method that can only minimize. Every method takes bounds (it projects onto them). */
    public boolean maximizes() {
        return maximizes;
    }

    /** True when it minimizes smooth + Σλᵢ|xᵢ| and needs the objective split that way. */
    public boolean proximal() {
        return proximal;
    }

    /** The default {@code maxIter} for n variables. */
    public int defaultMaxIter(int n) {
        return maxIter.applyAsInt(n);
    }

    /** The default {@code maxIter} in words, for the docs. */
    public String maxIterText() {
        return maxIterText;
    }

    /** The default {@code tol}. */
    public double defaultTol() {
        return tol;
    }

    /** What {@code tol} is compared with, for the docs. */
    public String tolText() {
        return tolText;
    }

    /** The default learning rate, or null when the method has no {@code lr}. */
    public Double defaultLr() {
        OptionSpec lr = option("lr");
        return lr == null || !(lr.defaultValue() instanceof Double d) ? null : d;
    }

    /** The typed configuration the checked options make (for tests and reports). */
    public Object configure(MethodOptions o) {
        return configure.apply(o);
    }

    /** A fresh method (empty state) configured from the checked options. */
    public Method create(MethodOptions o) {
        return create.apply(configure.apply(o));
    }

    @Override
    public String toString() {
        return name;
    }

    /** Collects a spec; every setting but the summary and description has a default. */
    public static final class Builder {
        private final String name;
        private String summary;
        private String description;
        private final List<OptionSpec> options = new ArrayList<>();
        private boolean stochastic;
        private boolean constraints = true;
        private boolean maximizes = true;
        private boolean proximal;
        private IntUnaryOperator maxIter = n -> 10000;
        private String maxIterText = "10000";
        private double tol = 1e-6;
        private String tolText = "1e-6 on |∇f|∞ (projected onto the bounds)";

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder summary(String text) {
            this.summary = text;
            return this;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /** Its options, in the order the docs list them. */
        public Builder options(OptionSpec... specs) {
            options.addAll(List.of(specs));
            return this;
        }

        /** Steps with a learning rate; takes mini-batches. */
        public Builder stochastic() {
            this.stochastic = true;
            return this;
        }

        /** Cannot run inside the augmented Lagrangian. */
        public Builder noConstraints() {
            this.constraints = false;
            return this;
        }

        /** Only minimizes. */
        public Builder minimizeOnly() {
            this.maximizes = false;
            return this;
        }

        /** Minimizes smooth + Σλᵢ|xᵢ| (the objective is split for it). */
        public Builder proximal() {
            this.proximal = true;
            return this;
        }

        /** The default {@code maxIter} as a function of the number of variables, and in words. */
        public Builder maxIter(IntUnaryOperator byDimension, String text) {
            this.maxIter = byDimension;
            this.maxIterText = text;
            return this;
        }

        /** The default {@code tol} and what it is compared with. */
        public Builder tol(double value, String text) {
            this.tol = value;
            this.tolText = text;
            return this;
        }

        /**
         * The spec, with the factory: {@code configure} reads the checked options into the method's
         * immutable configuration C, {@code create} makes a fresh method from it.
         */
        @SuppressWarnings("unchecked")
        public <C> MethodSpec build(Function<MethodOptions, C> configure, Function<C, Method> create) {
            return new MethodSpec(this, (Function<MethodOptions, Object>) configure, c -> create.apply((C) c));
        }
    }
}
