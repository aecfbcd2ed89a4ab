package org.gradus.cli;

import org.gradus.dsl.GradusException;
import org.gradus.dsl.GradusSession;
import org.gradus.dsl.ScriptCache;
import org.gradus.result.Shown;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code gradus} command: {@code run}, {@code check}, {@code --help}, {@code --version}, and the
 * REPL when called without arguments. Exit codes (SPEC §3): 0 success, 1 runtime error or failed
 * assert, 2 usage error, 3 syntax or compile error, 4 forbidden operation, 124 timeout.
 */
public final class Main {
    static final String VERSION = "gradus 0.1.0-SNAPSHOT";
    static final int USAGE = 2;

    static final String HELP = """
            Gradus: exact derivatives, convexity, stationary points and descent methods, in a small language.

            usage:
              gradus                         interactive REPL
              gradus run FILE.opt [--json] [--quiet] [--timeout SECONDS] [--set name=value ...] [--debug]
              gradus check FILE.opt          compile only; report errors
              gradus --help | --version

            run options:
              --json              one JSON object per shown value on stdout (JSON Lines); text goes to stderr
              --quiet             no progress bars
              --timeout SECONDS   stop the run after SECONDS (exit code 124)
              --set name=value    define a script variable before the script runs (numbers parsed as numbers)
              --debug             print Java stack traces of errors

            exit codes: 0 success, 1 runtime error or failed assert, 2 usage error, 3 syntax or compile error,
                        4 forbidden operation, 124 timeout
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");          // pictures are drawn off screen
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv());
    }

    /**
     * Runs the command with {@code env} as the environment for the compiled-script cache of {@code run}
     * ({@code GRADUS_CACHE=0}, {@code GRADUS_CACHE_DIR}, {@code XDG_CACHE_HOME}, {@code HOME}); returns the
     * exit code.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        if (args.length == 0) return Repl.start(out, err);
        String cmd = args[0];
        switch (cmd) {
            case "--help", "-h", "help" -> {
                out.print(HELP);
                return 0;
            }
            case "--version", "-V" -> {
                out.println(VERSION);
                return 0;
            }
            case "run" -> {
                return runCommand(args, out, err, env);
            }
            case "check" -> {
                return checkCommand(args, out, err);
            }
            default -> {
                err.println("gradus: unknown command '" + cmd + "'; use gradus run FILE.opt, gradus check FILE.opt or gradus --help");
                return USAGE;
            }
        }
    }

    private record RunArgs(Path file, boolean json, boolean quiet, double timeout, List<String[]> sets, boolean debug) {
    }

    private static RunArgs parseRun(String[] args, PrintStream err) {
        Path file = null;
        boolean json = false, quiet = false, debug = false;
        double timeout = 0;
        List<String[]> sets = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--json" -> json = true;
                case "--quiet" -> quiet = true;
                case "--debug" -> debug = true;
                case "--timeout" -> {
                    if (i + 1 >= args.length) return usage(err, "--timeout needs a number of seconds");
                    try {
                        timeout = Double.parseDouble(args[++i]);
                    } catch (NumberFormatException e) {
                        return usage(err, "--timeout needs a number of seconds, not '" + args[i] + "'");
                    }
                    if (!(timeout > 0)) return usage(err, "--timeout must be positive, not " + args[i]);
                }
                case "--set" -> {
                    if (i + 1 >= args.length) return usage(err, "--set needs name=value");
                    String s = args[++i];
                    int eq = s.indexOf('=');
                    if (eq <= 0) return usage(err, "--set needs name=value, not '" + s + "'");
                    String name = s.substring(0, eq);
                    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) return usage(err, "--set: '" + name + "' is not a valid name");
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
        return new RunArgs(file, json, quiet, timeout, sets, debug);
    }

    private static RunArgs usage(PrintStream err, String message) {
        err.println("gradus: " + message + " (see gradus --help)");
        return null;
    }

    static Object parseValue(String v) {
        try {
            if (v.matches("[+-]?\\d+")) return Long.parseLong(v);
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private static int runCommand(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        RunArgs ra = parseRun(args, err);
        if (ra == null) return USAGE;
        if (!Files.isRegularFile(ra.file())) {
            err.println("gradus: no such script file: " + ra.file());
            return USAGE;
        }
        GradusSession session = new GradusSession();
        TerminalPictures pictures = new TerminalPictures();
        session.setCacheDir(ScriptCache.defaultDir(env));
        session.setTimeLimit(ra.timeout());
        for (String[] s : ra.sets()) session.getPredefined().put(s[0], parseValue(s[1]));
        if (ra.json()) {
            session.setScriptOut(err);
            session.setListener((Shown s) -> {
                out.println(s.toJson());
                out.flush();
            });
        } else {
            if (System.console() != null) session.setTerminal(pictures::screen);
            session.setListener((Shown s) -> {
                if (pictures.print(s, out)) {
                    out.println();
                    return;
                }
                String text = s.toText();
                out.println(text);
                if (text.indexOf('\n') >= 0) out.println(); // a blank line after each multi-line report
                out.flush();
            });
        }
        if (!ra.quiet()) session.setProgress(Progress.forTerminal(err));
        long mainStarted = System.nanoTime();
        try {
            session.run(ra.file());
            return 0;
        } catch (GradusException e) {
            return report(e, ra.debug(), err);
        } finally {
            pictures.close();
            if (System.getenv("GRADUS_TIMING") != null) timing(session, mainStarted, err);
        }
    }

    private static int checkCommand(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("gradus: check needs one script: gradus check FILE.opt");
            return USAGE;
        }
        Path file = Path.of(args[1]);
        if (!Files.isRegularFile(file)) {
            err.println("gradus: no such script file: " + file);
            return USAGE;
        }
        try {
            new GradusSession().check(file);
            out.println(file + ": ok");
            return 0;
        } catch (GradusException e) {
            return report(e, false, err);
        } catch (RuntimeException e) {
            err.println("gradus: cannot read " + file + ": " + e.getMessage());
            return USAGE;
        }
    }

    /**
     * GRADUS_TIMING=1: where a run's time went (JVM start to main, Groovy setup and compile or the load of
     * the cached classes, the run).
     */
    private static void timing(GradusSession session, long mainStarted, PrintStream err) {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        double toMain = (System.currentTimeMillis() - jvmStart) - (System.nanoTime() - mainStarted) / 1e6;
        err.printf("timing: JVM start to main %.0f ms, compile %.0f ms%s, run %.0f ms%n", toMain,
                session.getLastCompileMillis(), session.isLastRunCached() ? " (loaded from the cache)" : "",
                session.getLastRunMillis());
    }

    static int report(GradusException e, boolean debug, PrintStream err) {
        err.println(e.report());
        if (debug && e.getCause() != null) e.getCause().printStackTrace(err);
        err.flush();
        return e.getExitCode();
    }

    static String readAll(java.io.InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
