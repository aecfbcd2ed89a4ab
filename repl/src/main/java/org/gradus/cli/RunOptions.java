package org.gradus.cli;

import org.gradus.dsl.isolate.MemorySize;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code gradus run}, parsed from the command line. A mistake is a usage error (exit code
 * 2) with a message that says what is wrong.
 *
 * @param file       the script
 * @param json       {@code --json}: JSON Lines on stdout, text on stderr
 * @param quiet      {@code --quiet}: no progress bars
 * @param timeout    {@code --timeout SECONDS}: the time limit (compiling included); 0 for none
 * @param sets       {@code --set name=value}, in order
 * @param debug      {@code --debug}: Java stack traces of errors
 * @param isolate    {@code --isolate} (or {@code --max-memory}): run in a child JVM
 * @param maxMemory  {@code --max-memory SIZE}: the child's heap limit
 * @param allowRead  {@code --allow-read DIR}, each an existing folder
 * @param allowWrite {@code --allow-write DIR}, each an existing folder
 * @param master     {@code --master URL}: the Apache Spark master of {@code spark.*} data sets, or null
 */
record RunOptions(Path file, boolean json, boolean quiet, double timeout, List<String[]> sets, boolean debug,
                  boolean isolate, MemorySize maxMemory, List<Path> allowRead, List<Path> allowWrite, String master) {

    /** {@code --no-daemon}: read by the launcher's client (org.gradus.daemon); a run in this process ignores it. */
    static final String NO_DAEMON = "--no-daemon";

    /**
     * The options of {@code args} (args[0] is {@code run}), folders of {@code --allow-*} resolved against {@code cwd} (the script's path
     * is kept as typed: {@link Invocation#resolve} finds it); or null after printing the usage error.
     */
    static RunOptions parse(String[] args, PrintStream err, Path cwd) {
        Path file = null;
        boolean json = false, quiet = false, debug = false, isolate = false;
        double timeout = 0;
        String master = null;
        MemorySize memory = MemorySize.DEFAULT;
        List<String[]> sets = new ArrayList<>();
        List<Path> read = new ArrayList<>(), write = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--json" -> json = true;
                case "--quiet" -> quiet = true;
                case "--debug" -> debug = true;
                case "--isolate" -> isolate = true;
                case NO_DAEMON -> {
                    // the client already chose this process
                }
                case "--timeout" -> {
                    if (i + 1 >= args.length) return usage(err, "--timeout needs a number of seconds");
                    try {
                        timeout = Double.parseDouble(args[++i]);
                    } catch (NumberFormatException e) {
                        return usage(err, "--timeout needs a number of seconds, not '" + args[i] + "'");
                    }
                    if (!(timeout > 0) || Double.isInfinite(timeout)) return usage(err, "--timeout must be a positive number of seconds, not " + args[i]);
                }
                case "--max-memory" -> {
                    if (i + 1 >= args.length) return usage(err, "--max-memory needs a size such as 512m or 2g");
                    try {
                        memory = MemorySize.parse(args[++i]);
                    } catch (IllegalArgumentException e) {
                        return usage(err, "--max-memory: " + e.getMessage());
                    }
                    isolate = true;
                }
                case "--allow-read", "--allow-write" -> {
                    if (i + 1 >= args.length) return usage(err, a + " needs a folder");
                    Path dir = cwd.resolve(args[++i]);
                    if (!Files.isDirectory(dir)) return usage(err, a + ": no such folder: " + args[i]);
                    (a.equals("--allow-read") ? read : write).add(dir.toAbsolutePath().normalize());
                }
                case "--master" -> {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) return usage(err, "--master needs a Spark master URL such as local[2] or spark://host:7077");
                    master = args[++i];
                    String problem = org.gradus.data.SparkMaster.problem(master);
                    if (problem != null) return usage(err, problem);
                }
                case "--set" -> {
                    if (i + 1 >= args.length) return usage(err, "--set needs name=value");
                    String s = args[++i];
                    int eq = s.indexOf('=');
                    if (eq <= 0) return usage(err, "--set needs name=value, not '" + s + "'");
                    String name = s.substring(0, eq);
                    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) return usage(err, "--set: '" + name + "' is not a valid name");
                    if (parseValue(s.substring(eq + 1)) instanceof Double d && !Double.isFinite(d)) {
                        return usage(err, "--set " + s + ": " + name + " must be a finite number, not " + d);
                    }
                    sets.add(new String[]{name, s.substring(eq + 1)});
                }
                default -> {
                    if (a.startsWith("--")) return usage(err, "unknown option " + a);
                    if (file != null) return usage(err, "only one script file, got '" + file + "' and '" + a + "'");
                    file = Path.of(a);
                }
            }
        }
        if (file == null) return usage(err, "run needs a script: gradus run FILE.opt");
        if (master != null && isolate) return usage(err, "--master cannot be combined with --isolate (Spark runs in the gradus process)");
        return new RunOptions(file, json, quiet, timeout, sets, debug, isolate, memory, read, write, master);
    }

    private static RunOptions usage(PrintStream err, String message) {
        err.println("gradus: " + message + " (see gradus --help)");
        return null;
    }

    /** A {@code --set} value: whole numbers as Long, other numbers as Double, anything else as text. */
    static Object parseValue(String v) {
        try {
            if (v.matches("[+-]?\\d+")) return Long.parseLong(v);
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return v;
        }
    }
}
