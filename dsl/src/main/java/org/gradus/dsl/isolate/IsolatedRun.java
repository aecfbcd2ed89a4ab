package org.gradus.dsl.isolate;

import groovy.json.JsonSlurper;
import org.gradus.dsl.GradusException;
import org.gradus.dsl.GradusSession;
import org.gradus.print.Numbers;
import org.gradus.result.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one script in a child JVM, so that nothing the script does can reach the calling process: the
 * child has a heap limit ({@code -Xmx}), no environment but the locale, standard input closed (after the
 * request), and it is ended (killed) when the time limit is reached, when the calling thread is
 * interrupted, or when the calling JVM shuts down. Shown values and printed text stream back as they
 * happen ({@link Protocol}). {@code gradus run --isolate} and the Java API's {@code isolate(true)} use it.
 *
 * <p>The child runs the same Gradus classes (the class path this class was loaded from) on the same
 * {@code java}; a class-data-sharing archive given to this JVM is given to the child too.
 */
public final class IsolatedRun {
    /** Receives what the child reports, on the thread that reads it, in order. */
    public interface Sink {
        /** A shown value: its JSON record exactly as {@code --json} writes it, and its readable report. */
        void shown(String json, String text);

        /** Text the script printed. */
        void print(String text);
    }

    private static final List<String> KEPT_ENVIRONMENT = List.of("LANG", "LC_ALL", "LC_CTYPE", "TZ");

    private final MemorySize memory;
    private final PrintStream err;
    private double timeLimit;
    private boolean sandboxed = true;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<Path> allowRead = new ArrayList<>();
    private final List<Path> allowWrite = new ArrayList<>();
    private Path outputDir;
    private Long limitCountsFrom;

    /**
     * A sandboxed run without a time limit; the setters below change that.
     *
     * @param memory the child's heap limit
     * @param err    where the child's own standard error goes (JVM warnings)
     */
    public IsolatedRun(MemorySize memory, PrintStream err) {
        this.memory = memory;
        this.err = err;
    }

    /** Seconds the child may live, JVM start and compiling included; 0 (the default) for no limit. */
    public IsolatedRun timeLimit(double seconds) {
        this.timeLimit = seconds;
        return this;
    }

    /** The moment ({@link System#nanoTime()}) the time limit counts from; by default the start of {@link #run}. */
    public IsolatedRun limitCountsFrom(long nanoTime) {
        this.limitCountsFrom = nanoTime;
        return this;
    }

    /** Whether the script runs in the sandbox (default true). */
    public IsolatedRun sandboxed(boolean on) {
        this.sandboxed = on;
        return this;
    }

    /**
     * Values defined before the script runs: numbers, strings, booleans, null, and lists and maps of them
     * (they travel as JSON).
     *
     * @throws IllegalArgumentException when a value cannot travel as JSON
     */
    public IsolatedRun parameters(Map<String, ?> values) {
        values.forEach(IsolatedRun::requireJson);
        parameters.putAll(values);
        return this;
    }

    /** Folders the script may also read ({@code --allow-read}). */
    public IsolatedRun allowRead(List<Path> dirs) {
        allowRead.addAll(dirs);
        return this;
    }

    /** Folders the script may also write ({@code --allow-write}). */
    public IsolatedRun allowWrite(List<Path> dirs) {
        allowWrite.addAll(dirs);
        return this;
    }

    /** The folder relative output names resolve against (null: the script's folder). */
    public IsolatedRun outputDirectory(Path dir) {
        this.outputDir = dir;
        return this;
    }

    /**
     * Runs {@code source} (named {@code fileName} in errors, reading and writing files relative to
     * {@code baseDir}) and reports to {@code sink}; returns when the child has ended.
     *
     * @throws GradusException as an in-process run would (located, with its exit code), or: exit code 1
     *                         "the script ran out of its memory limit of 2g", 124 for the time limit,
     *                         130 when the calling thread was interrupted
     */
    public void run(String source, String fileName, Path baseDir, Sink sink) {
        long start = limitCountsFrom != null ? limitCountsFrom : System.nanoTime();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("source", source);
        request.put("fileName", fileName);
        request.put("baseDir", baseDir.toAbsolutePath().toString());
        request.put("sandboxed", sandboxed);
        request.put("parameters", parameters);
        request.put("allowRead", paths(allowRead));
        request.put("allowWrite", paths(allowWrite));
        request.put("outputDir", outputDir == null ? null : outputDir.toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(command());
        pb.directory(baseDir.toAbsolutePath().toFile());
        Map<String, String> env = pb.environment();
        Map<String, String> mine = System.getenv();
        env.clear();
        for (String name : KEPT_ENVIRONMENT) if (mine.get(name) != null) env.put(name, mine.get(name));
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            throw new GradusException("cannot start a JVM for the isolated run: " + e.getMessage(), fileName, 0, 0, null,
                    GradusException.RUNTIME, e);
        }
        Thread killer = new Thread(child::destroyForcibly, "gradus-isolated-cleanup");
        boolean hooked = addHook(killer);
        try {
            run(child, request, fileName, sink, start);
        } finally {
            child.destroyForcibly();
            if (hooked) removeHook(killer);
        }
    }

    private void run(Process child, Map<String, Object> request, String fileName, Sink sink, long start) {
        AtomicReference<Map<?, ?>> outcome = new AtomicReference<>();
        AtomicReference<Throwable> sinkFailure = new AtomicReference<>();
        AtomicBoolean saidOutOfMemory = new AtomicBoolean();
        Thread reader = daemon("gradus-isolated-out", () -> readMessages(child.getInputStream(), sink, outcome, sinkFailure, child));
        Thread errors = daemon("gradus-isolated-err", () -> forward(child.getErrorStream(), saidOutOfMemory));
        reader.start();
        errors.start();
        try (OutputStream in = child.getOutputStream()) {
            in.write(Json.write(request).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the child ended before reading its request; its exit tells why
        }
        boolean ended;
        try {
            if (timeLimit > 0) {
                long left = start + (long) Math.ceil(timeLimit * 1e9) - System.nanoTime();
                ended = child.waitFor(Math.max(left, 1L), TimeUnit.NANOSECONDS);
            } else {
                child.waitFor();
                ended = true;
            }
        } catch (InterruptedException e) {
            end(child, reader, errors);
            Thread.currentThread().interrupt();
            throw new GradusException("the script was stopped by the program running it", fileName, 0, 0, null,
                    GradusException.CANCELLED);
        }
        if (!ended) {
            end(child, reader, errors);
            throw new GradusException("the script ran longer than its time limit of " + Numbers.format(timeLimit) + " s",
                    fileName, 0, 0, null, GradusException.TIMEOUT);
        }
        join(reader);
        join(errors);
        if (sinkFailure.get() instanceof RuntimeException r) throw r;
        if (sinkFailure.get() instanceof Error e) throw e;
        Map<?, ?> m = outcome.get();
        if (m != null && "done".equals(m.get("t"))) return;
        if (m != null && "error".equals(m.get("t"))) throw failure(m, fileName);
        int code = child.exitValue();
        if (saidOutOfMemory.get()) throw outOfMemory(fileName, 0, 0, null);
        throw new GradusException("the script's process ended before the script did (exit code " + code
                + "): the script exited its JVM, or the JVM failed", fileName, 0, 0, null,
                GradusException.RUNTIME);
    }

    private GradusException failure(Map<?, ?> m, String fileName) {
        String file = m.get("file") instanceof String f ? f : fileName;
        int line = m.get("line") instanceof Number n ? n.intValue() : 0;
        int column = m.get("column") instanceof Number n ? n.intValue() : 0;
        String sourceLine = m.get("sourceLine") instanceof String s ? s : null;
        if (Boolean.TRUE.equals(m.get("outOfMemory"))) return outOfMemory(file, line, column, sourceLine);
        int code = m.get("exitCode") instanceof Number n ? n.intValue() : GradusException.RUNTIME;
        return new GradusException(String.valueOf(m.get("message")), file, line, column, sourceLine, code);
    }

    private GradusException outOfMemory(String file, int line, int column, String sourceLine) {
        return new GradusException("the script ran out of its memory limit of " + memory.text(), file, line, column, sourceLine,
                GradusException.RUNTIME);
    }

    /** Reads the child's messages until its output ends; the last error or done message is the outcome. */
    private static void readMessages(InputStream out, Sink sink, AtomicReference<Map<?, ?>> outcome,
                                     AtomicReference<Throwable> sinkFailure, Process child) {
        JsonSlurper json = new JsonSlurper();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                Object parsed;
                try {
                    parsed = line.startsWith("{") ? json.parseText(line) : null;
                } catch (RuntimeException e) {
                    parsed = null;
                }
                if (!(parsed instanceof Map<?, ?> m) || !(m.get("t") instanceof String t)) continue;
                try {
                    switch (t) {
                        case "shown" -> sink.shown(String.valueOf(m.get("json")), String.valueOf(m.get("text")));
                        case "print" -> sink.print(String.valueOf(m.get("text")));
                        case "error", "done" -> outcome.set(m);
                        default -> {
                        }
                    }
                } catch (Throwable e) {               // the caller's sink failed (output closed, say): stop the child
                    sinkFailure.compareAndSet(null, e);
                    child.destroyForcibly();
                    return;
                }
            }
        } catch (IOException ignored) {
            // the child was ended
        }
    }

    /** Copies the child's standard error to {@link #err}, noting whether the JVM said it ran out of memory. */
    private void forward(InputStream in, AtomicBoolean saidOutOfMemory) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.contains("OutOfMemoryError")) {
                    saidOutOfMemory.set(true);
                    continue;
                }
                err.println(line);
            }
        } catch (IOException ignored) {
            // the child was ended
        }
        err.flush();
    }

    private static void end(Process child, Thread reader, Thread errors) {
        child.destroyForcibly();
        try {
            child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        join(reader);
        join(errors);
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) {       // already shutting down
            return false;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // shutting down: the hook runs, harmlessly
        }
    }

    /** The child's command line: same java, the heap limit, the Gradus class path, {@link ChildMain}. */
    List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(memory.jvmOption());
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:-UsePerfData");
        cmd.add("-Xshare:auto");
        cmd.add("-Xlog:disable");
        cmd.add("-Xlog:all=warning:stderr");
        cmd.add("-Xlog:cds*=off:stderr");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.addAll(startupSettings());
        String classPath = classPath();
        String archive = sharedArchive();
        if (archive != null && classPath.equals(absolute(System.getProperty("java.class.path", "")))) cmd.add(archive);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(ChildMain.class.getName());
        return cmd;
    }

    /**
     * The class path that holds Gradus and what it needs: this JVM's class path when Gradus was loaded
     * from it, else the URLs of the loaders that loaded Gradus (a Maven plugin's realm, an application
     * server's loader), plus the places of the classes the child cannot do without.
     */
    static String classPath() {
        ClassLoader gradus = GradusSession.class.getClassLoader();
        Set<String> entries = new LinkedHashSet<>();
        if (gradus != ClassLoader.getSystemClassLoader()) {
            for (ClassLoader l = gradus; l != null; l = l.getParent()) {
                if (l instanceof URLClassLoader u) for (URL url : u.getURLs()) add(entries, url);
            }
        }
        String own = absolute(System.getProperty("java.class.path", ""));
        if (entries.isEmpty() && !own.isEmpty()) return own;
        for (Class<?> c : new Class<?>[]{GradusSession.class, ChildMain.class, groovy.lang.Script.class,
                groovy.json.JsonSlurper.class, org.gradus.expr.Expr.class, org.apache.commons.math3.util.FastMath.class}) {
            URL where = c.getProtectionDomain().getCodeSource() != null ? c.getProtectionDomain().getCodeSource().getLocation() : null;
            if (where != null) add(entries, where);
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** A class path with every entry absolute (the child runs in the script's folder). */
    private static String absolute(String classPath) {
        if (classPath.isEmpty()) return classPath;
        List<String> out = new ArrayList<>();
        for (String e : classPath.split(java.io.File.pathSeparator)) {
            if (!e.isEmpty()) out.add(Path.of(e).toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    private static void add(Set<String> entries, URL url) {
        try {
            if ("file".equals(url.getProtocol())) entries.add(Path.of(url.toURI()).toString());
        } catch (URISyntaxException | IllegalArgumentException ignored) {
            // not a local file: the child cannot use it
        }
    }

    /**
     * The launcher's start-up settings this JVM was started with (the JIT's thresholds, the method-handle
     * compile threshold: docs/benchmarks.md, "Start-up of `gradus run`"), so that the child starts as fast;
     * none when this JVM was started otherwise (embedded, tests).
     */
    private static List<String> startupSettings() {
        List<String> out = new ArrayList<>();
        try {
            for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (a.startsWith("-XX:Tier") || a.startsWith("-Djava.lang.invoke.MethodHandle.COMPILE_THRESHOLD=")) out.add(a);
            }
        } catch (RuntimeException | LinkageError ignored) {
            // no management interface: the JDK's defaults
        }
        return out;
    }

    /** The {@code -XX:SharedArchiveFile=...} option this JVM was started with, or null. */
    private static String sharedArchive() {
        try {
            for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (a.startsWith("-XX:SharedArchiveFile=")) {
                    return "-XX:SharedArchiveFile=" + Path.of(a.substring("-XX:SharedArchiveFile=".length())).toAbsolutePath();
                }
            }
        } catch (RuntimeException | LinkageError ignored) {
            // no management interface: no archive
        }
        return null;
    }

    private static List<String> paths(List<Path> dirs) {
        List<String> out = new ArrayList<>();
        for (Path d : dirs) out.add(d.toAbsolutePath().toString());
        return out;
    }

    private static void requireJson(String name, Object v) {
        if (v == null || v instanceof Number || v instanceof CharSequence || v instanceof Boolean) return;
        if (v instanceof List<?> list) {
            for (Object o : list) requireJson(name, o);
            return;
        }
        if (v instanceof Map<?, ?> map) {
            for (Object o : map.values()) requireJson(name, o);
            return;
        }
        throw new IllegalArgumentException("the parameter '" + name + "' of an isolated run must be a number, string, boolean, "
                + "or a list or map of them (it travels to the child JVM as JSON), not " + v.getClass().getSimpleName());
    }
}
