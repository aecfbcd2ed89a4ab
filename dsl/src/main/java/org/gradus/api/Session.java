package org.gradus.api;

import org.gradus.dsl.GradusException;
import org.gradus.dsl.GradusSession;
import org.gradus.dsl.isolate.IsolatedRun;
import org.gradus.dsl.isolate.MemorySize;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs Gradus scripts for a Java program, with the settings of its {@link Builder}: made by
 * {@link Gradus#session()}. Immutable and safe to share between threads; every {@code run} is independent
 * (a fresh set of variables, the builder's parameters defined first).
 *
 * <pre>
 * Session session = Gradus.session().timeLimit(Duration.ofSeconds(10)).parameter("n", 20).build();
 * MinimizeResult r = session.run(Path.of("model.opt")).first(MinimizeResult.class);
 * double x = r.x("x");
 * </pre>
 *
 * <p>Failures are {@link GradusException}s: {@code file()}, {@code line()}, {@code column()}, the
 * message, {@code report()} (the located text {@code gradus run} prints) and {@code exitCode()} (1 runtime
 * error or failed {@code assert}, 2 unreadable file or missing granted folder, 3 syntax or compile error,
 * 4 refused by the sandbox (also a file outside the allowed folders), 124 time limit, 130 cancelled: the
 * calling thread was interrupted).
 */
public final class Session {
    private final boolean sandbox;
    private final Duration timeLimit;
    private final MemorySize maxMemory;
    private final boolean isolate;
    private final Map<String, Object> parameters;
    private final Path baseDirectory;
    private final List<Path> allowRead;
    private final List<Path> allowWrite;
    private final Path outputDirectory;
    private final PrintStream out;
    private final Consumer<Result> onResult;

    private Session(Builder b) {
        this.sandbox = b.sandbox;
        this.timeLimit = b.timeLimit;
        this.maxMemory = b.maxMemory;
        this.isolate = b.isolate || b.maxMemory != null;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
        this.baseDirectory = b.baseDirectory;
        this.allowRead = List.copyOf(b.allowRead);
        this.allowWrite = List.copyOf(b.allowWrite);
        this.outputDirectory = b.outputDirectory;
        this.out = b.out;
        this.onResult = b.onResult;
    }

    /**
     * Runs a script file. Data files and output files it names are relative to the file's folder.
     *
     * @return the values the script showed, in order
     * @throws GradusException when the script cannot be read (exit code 2), does not compile, fails, or
     *                         exceeds a limit
     */
    public Results run(Path file) {
        Objects.requireNonNull(file, "file");
        Path dir = file.toAbsolutePath().getParent();
        return run(GradusSession.read(file), file.getFileName().toString(), dir);
    }

    /**
     * Runs script text, named {@code script.opt} in errors; relative paths are resolved against the
     * builder's {@linkplain Builder#baseDirectory base directory}.
     */
    public Results run(String source) {
        return run(source, "script.opt");
    }

    /** Runs script text named {@code fileName} in errors (and its JSON); relative paths as for {@link #run(String)}. */
    public Results run(String source, String fileName) {
        return run(source, fileName, baseDirectory);
    }

    /**
     * Compiles a script file without running it, as {@code gradus check} does.
     *
     * @throws GradusException with the first syntax or compile error (exit code 3) or sandbox refusal (4)
     */
    public void check(Path file) {
        GradusSession s = new GradusSession();
        s.setSandboxed(sandbox);
        s.check(file);
    }

    private Results run(String source, String fileName, Path dir) {
        List<Result> results = Collections.synchronizedList(new ArrayList<>());
        Consumer<Result> collect = r -> {
            results.add(r);
            if (onResult != null) onResult.accept(r);
        };
        if (isolate) {
            isolatedRun().run(source, fileName, dir, new IsolatedRun.Sink() {
                @Override
                public void shown(String json, String text) {
                    collect.accept(Result.parse(json, text));
                }

                @Override
                public void print(String text) {
                    out.print(text);
                    out.flush();
                }
            });
        } else {
            GradusSession s = new GradusSession();
            s.setSandboxed(sandbox);
            s.setTimeLimit(seconds());
            s.setOwnThread(true);
            s.getAllowRead().addAll(allowRead);
            s.getAllowWrite().addAll(allowWrite);
            s.setOutputDir(outputDirectory);
            s.setScriptOut(out);
            s.getPredefined().putAll(parameters);
            s.setListener(shown -> collect.accept(Result.of(shown)));
            s.run(source, fileName, dir);
        }
        return new Results(results);
    }

    private IsolatedRun isolatedRun() {
        return new IsolatedRun(maxMemory != null ? maxMemory : MemorySize.DEFAULT, System.err).timeLimit(seconds())
                .sandboxed(sandbox).parameters(parameters).allowRead(allowRead).allowWrite(allowWrite)
                .outputDirectory(outputDirectory);
    }

    private double seconds() {
        return timeLimit == null ? 0 : timeLimit.toNanos() / 1e9;
    }

    /** Whether scripts run in the sandbox (true unless the builder turned it off). */
    public boolean sandboxed() {
        return sandbox;
    }

    /** Whether scripts run in a child JVM. */
    public boolean isolated() {
        return isolate;
    }

    /** The time limit of a run, compiling included; null for none. */
    public Duration timeLimit() {
        return timeLimit;
    }

    /** The heap limit of an isolated run, as written ({@code 2g}). */
    public String maxMemory() {
        return (maxMemory != null ? maxMemory : MemorySize.DEFAULT).text();
    }

    /** The values defined before each run. */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /** The folders scripts may read besides their own folder tree. */
    public List<Path> allowedReadDirectories() {
        return allowRead;
    }

    /** The folders scripts may write besides their own folder tree. */
    public List<Path> allowedWriteDirectories() {
        return allowWrite;
    }

    /** Where relative output names are written; null for the script's own folder. */
    public Path outputDirectory() {
        return outputDirectory;
    }

    /**
     * The settings of a {@link Session}. Every setting is optional: by default scripts run sandboxed, in
     * this JVM, without a time limit, printing to {@code System.out}, with relative paths of text scripts
     * resolved against the current directory.
     */
    public static final class Builder {
        private boolean sandbox = true;
        private Duration timeLimit;
        private MemorySize maxMemory;
        private boolean isolate;
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private Path baseDirectory = Path.of("").toAbsolutePath();
        private final List<Path> allowRead = new ArrayList<>();
        private final List<Path> allowWrite = new ArrayList<>();
        private Path outputDirectory;
        private PrintStream out = System.out;
        private Consumer<Result> onResult;

        Builder() {
        }

        /**
         * Whether scripts run in the sandbox (default true): no processes, files outside the script's folder,
         * sockets, reflection, class loading or JVM exit. Turn it off only for scripts you wrote yourself.
         */
        public Builder sandbox(boolean on) {
            this.sandbox = on;
            return this;
        }

        /**
         * The longest a run may take, compiling included. A run that reaches it is stopped (its loops and
         * optimizers end; an isolated run's JVM is killed) and fails with exit code 124.
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder timeLimit(Duration limit) {
            if (limit != null && (limit.isNegative() || limit.isZero())) {
                throw new IllegalArgumentException("the time limit must be positive, not " + limit);
            }
            this.timeLimit = limit;
            return this;
        }

        /**
         * The heap limit of a run, as the JVM's {@code -Xmx} takes it ({@code "512m"}, {@code "2g"}). A heap
         * limit needs a JVM of its own, so setting one also turns {@linkplain #isolate isolation} on. A script
         * that exhausts it fails with "the script ran out of its memory limit of 512m" (exit code 1).
         *
         * @throws IllegalArgumentException when it is not such a size or below 16m
         */
        public Builder maxMemory(String size) {
            this.maxMemory = MemorySize.parse(size);
            return this;
        }

        /**
         * Whether each run happens in a child JVM (default false): nothing the script does can reach this
         * process, even through a hole in the sandbox. The child's heap is {@link #maxMemory} (default 2g);
         * it starts in about half a second. Parameters must then be numbers, strings, booleans, or lists and
         * maps of them.
         */
        public Builder isolate(boolean on) {
            this.isolate = on;
            return this;
        }

        /** Defines a variable before each run, as {@code gradus run --set name=value} does. */
        public Builder parameter(String name, Object value) {
            if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("'" + name + "' is not a valid variable name");
            }
            parameters.put(name, value);
            return this;
        }

        /** Defines several variables before each run. */
        public Builder parameters(Map<String, ?> values) {
            values.forEach(this::parameter);
            return this;
        }

        /** The folder that relative paths of scripts given as text are resolved against (default: the current directory). */
        public Builder baseDirectory(Path dir) {
            this.baseDirectory = Objects.requireNonNull(dir, "dir").toAbsolutePath();
            return this;
        }

        /**
         * Lets scripts read files inside {@code dirs} too (a sandboxed script reads only inside its own
         * folder tree), as {@code gradus run --allow-read DIR} does. Each folder must exist when a script runs.
         */
        public Builder allowRead(Path... dirs) {
            for (Path d : dirs) allowRead.add(d.toAbsolutePath());
            return this;
        }

        /**
         * Lets scripts write output files (traces, pictures) inside {@code dirs} too, as
         * {@code gradus run --allow-write DIR} does. Each folder must exist when a script runs.
         */
        public Builder allowWrite(Path... dirs) {
            for (Path d : dirs) allowWrite.add(d.toAbsolutePath());
            return this;
        }

        /**
         * Writes the output files scripts name by relative paths ({@code trace: 'run.csv'},
         * {@code plot ..., file: 'f.png'}) into {@code dir} instead of the script's folder; data files are
         * still read relative to the script. The folder must exist when a script runs.
         */
        public Builder outputDirectory(Path dir) {
            this.outputDirectory = dir == null ? null : dir.toAbsolutePath();
            return this;
        }

        /** Where the scripts' {@code println} goes (default {@code System.out}). */
        public Builder printTo(PrintStream out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        /** Called with each result as the script shows it, on the thread that runs the script, before {@code run} returns. */
        public Builder onResult(Consumer<Result> listener) {
            this.onResult = listener;
            return this;
        }

        /**
         * The session.
         *
         * @throws IllegalArgumentException when isolation is on and a parameter cannot travel as JSON
         */
        public Session build() {
            Session session = new Session(this);
            if (session.isolate) session.isolatedRun();   // checks that the parameters travel as JSON
            return session;
        }
    }
}
