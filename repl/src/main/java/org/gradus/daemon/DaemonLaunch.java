package org.gradus.daemon;

import org.gradus.eval.VectorUnit;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to start the daemon of this build, and the key that names it: the client's own JVM command line
 * (the launcher's options, its class-data archive included) with the daemon's main class instead of the
 * client's. The key hashes those options, the java binary, the path, size and time of every class-path
 * entry and {@code GRADUS_THREADS} (read once by the engine): a rebuilt jar, another JDK or other JVM
 * options ({@code GRADUS_JAVA_OPTS=-Xmx8g}) get a daemon of their own, never an old one.
 *
 * @param command the daemon's command line
 * @param key     16 hex digits
 */
record DaemonLaunch(List<String> command, String key) {
    /**
     * Options that only suit a short process: {@code check} stops the JIT at C1, the class-data archive is mapped
     * at the JDK's base address, not a random one (the client runs no script), and the young generation starts
     * small (a short run reuses the memory it touched; the launcher). The daemon runs without them: it lives
     * long, and its warm solves let the L-BFGS history and such die young in the JDK's larger young generation.
     */
    private static final List<String> CLIENT_ONLY = List.of("-XX:TieredStopAtLevel=1", "-XX:ArchiveRelocationMode=0", "-XX:NewSize=32m");

    /**
     * What the daemon adds: JDK 17's incubating Vector API, so that its data passes run their dot products and
     * chain rules on the vector unit ({@code org.gradus.eval.VectorDots}: the same bits, the 10⁶-row logistic
     * pass 1.2–1.4× faster; docs/benchmarks.md, "Thirteenth session"). A JVM that resolves the module prints
     * a warning line on its standard error at start: the daemon's goes to its log, where no script's output
     * is; a process of its own stays without it, so a user's stderr stays clean. Only when this JDK has the module.
     */
    static final String VECTOR_MODULE = "--add-modules=" + VectorUnit.MODULE;

    /** The launch of this JVM's daemon, or empty when this JVM's command line cannot be read. */
    static Optional<DaemonLaunch> ofThisJvm(Map<String, String> env) {
        Optional<String[]> args = ProcessHandle.current().info().arguments();
        if (args.isEmpty()) return Optional.empty();
        return daemonOptions(args.get()).map(options -> of(options, System.getProperty("java.class.path"), env));
    }

    /**
     * The JVM options of the client's command line {@code args} that the daemon takes: those before the client's
     * main class, less the client-only ones, and the Vector API's module first; empty when the client was started some other way (a test, -jar).
     */
    static Optional<List<String>> daemonOptions(String[] args) {
        List<String> options = new ArrayList<>();
        for (String a : args) {
            if (a.equals(DaemonClient.class.getName())) {
                if (ModuleFinder.ofSystem().find(VectorUnit.MODULE).isPresent() && !options.contains(VECTOR_MODULE)) {
                    options.add(0, VECTOR_MODULE);
                }
                return Optional.of(options);
            }
            if (!CLIENT_ONLY.contains(a)) options.add(a);
        }
        return Optional.empty();
    }

    /** The launch with these JVM options (the class path among them) of a JVM running {@code classPath}. */
    static DaemonLaunch of(List<String> options, String classPath, Map<String, String> env) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder identity = new StringBuilder(javaBin).append('\0');
        for (String o : options) identity.append(o).append('\0');
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            identity.append(entry).append('\0');
            try {
                Path p = Path.of(entry);
                identity.append(Files.size(p)).append('\0').append(Files.getLastModifiedTime(p).toMillis()).append('\0');
            } catch (IOException | RuntimeException e) {
                identity.append("missing\0");
            }
        }
        identity.append(env.getOrDefault("GRADUS_THREADS", ""));
        String key = String.format("%016x", fnv64(identity.toString()));
        List<String> command = new ArrayList<>();
        command.add(javaBin);
        command.addAll(options);
        command.add(DaemonServer.class.getName());
        return new DaemonLaunch(List.copyOf(command), key);
    }

    /** 64-bit FNV-1a of the UTF-16 units of {@code s} (a name, not a secret: the folder is owner-only). */
    private static long fnv64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
