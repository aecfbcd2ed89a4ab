package org.gradus.cli;

import org.gradus.atoms.Functions;
import org.gradus.dsl.GradusException;
import org.gradus.dsl.GradusSession;
import org.gradus.io.TemporaryFiles;
import org.gradus.repl.Vocabulary;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code gradus} command: {@code run}, {@code check}, {@code --help}, {@code --version}, and the
 * REPL when called without arguments. Exit codes (SPEC §3): 0 success, 1 runtime error or failed
 * assert, 2 usage error, 3 syntax or compile error, 4 forbidden operation, 124 timeout; and 141 when
 * stdout was closed by its reader ({@code | head -1}), as for a process ended by SIGPIPE.
 *
 * <p>{@link #main} is the one place (with the isolated run's child, {@code ChildMain}) where Gradus ends
 * the JVM; everything else returns exit codes, so that the command can be run inside another program.
 */
public final class Main {
    static final String VERSION = "gradus 0.1.0-SNAPSHOT";
    static final int USAGE = 2;
    /** How long shutdown hooks may take before the process is ended anyway. */
    private static final long EXIT_GRACE_MILLIS = 2000;

    static final String HELP = """
            Gradus: exact derivatives, convexity, stationary points and descent methods, in a small language.

            usage:
              gradus                         interactive REPL
              gradus run FILE.opt [--json] [--quiet] [--timeout SECONDS] [--set name=value ...] [--debug]
                         [--isolate] [--max-memory SIZE] [--allow-read DIR] [--allow-write DIR] [--master URL]
              gradus check FILE.opt          compile only; report errors
              gradus daemon --status | --stop    the resident process that runs scripts (docs/daemon.md)
              gradus --help | --version

            run options:
              --json              one JSON object per shown value on stdout (JSON Lines); text goes to stderr
              --quiet             no progress bars
              --timeout SECONDS   stop the run after SECONDS, compiling included (exit code 124)
              --set name=value    define a script variable before the script runs (numbers parsed as numbers)
              --debug             print Java stack traces of errors
              --isolate           run the script in a child JVM with its own heap limit and no environment,
                                  for scripts from strangers (about half a second more start-up)
              --max-memory SIZE   the isolated run's heap limit, such as 512m or 4g (default 2g; implies
                                  --isolate); a script that exhausts it fails with exit code 1
              --allow-read DIR    let the script read files in DIR too (it reads only inside its own folder)
              --allow-write DIR   let the script write outputs in DIR too (it writes only inside its own folder)
              --master URL        keep spark.csv/spark.parquet data sets on Apache Spark: local[2] runs Spark in
                                  this process, spark://host:7077 a cluster (needs the spark module: docs/spark.md)
              --no-daemon         run in this process, not in the resident daemon (also GRADUS_DAEMON=0)

            exit codes: 0 success, 1 runtime error or failed assert, 2 usage error, 3 syntax or compile error,
                        4 forbidden operation, 124 timeout, 141 stdout closed by its reader (| head)
            """;

    private Main() {
    }

    /**
     * The words of the language (variables, data, derivatives, analyses, optimizers, schedules, pictures: the
     * REPL's vocabulary less the function words) and then the built-in functions, from the engine's registry of
     * function words, each list wrapped at 100 columns.
     */
    static String functionList() {
        List<String> words = new ArrayList<>();
        for (String name : Vocabulary.get().builtins().keySet()) if (!Functions.names().contains(name)) words.add(name);
        return wrapped("\nwords of the language (in the REPL, :help NAME explains one):\n ", words)
                + wrapped("\nfunctions:\n ", Functions.names());
    }

    private static String wrapped(String title, Iterable<String> names) {
        StringBuilder sb = new StringBuilder(title);
        int col = 1;
        for (String name : names) {
            if (col + name.length() + 1 > 100) {
                sb.append("\n ");
                col = 1;
            }
            sb.append(' ').append(name);
            col += name.length() + 1;
        }
        return sb.append('\n').toString();
    }

    /**
     * When the command runs as a process of its own ({@link #main}): the start of the JVM on the
     * {@link System#nanoTime()} clock, so that {@code --timeout} bounds the whole command, JVM start and
     * reading the script included. Null when {@link #run} is called inside another program: the limit
     * then counts from the start of the run.
     */
    static volatile Long processStart;
    /** When {@link #main} was entered, on the {@link System#nanoTime()} clock (GRADUS_TIMING). */
    static volatile long mainEntered;

    public static void main(String[] args) {
        mainEntered = System.nanoTime();
        processStart = jvmStart();
        System.setProperty("java.awt.headless", "true");          // pictures are drawn off screen
        exit(run(args, System.out, System.err));
    }

    /** The start of this JVM on the {@link System#nanoTime()} clock (now, if the system does not say). */
    private static long jvmStart() {
        long now = System.nanoTime();
        return ProcessHandle.current().info().startInstant()
                .map(t -> now - Math.max(0, java.time.Duration.between(t, java.time.Instant.now()).toNanos()))
                .orElse(now);
    }

    /**
     * Ends the process with {@code code}. A run stopped at its time limit ends at once (its temporary files
     * removed first): nothing the script left behind can delay it. Otherwise the shutdown hooks run, for at
     * most {@link #EXIT_GRACE_MILLIS}.
     */
    private static void exit(int code) {
        System.out.flush();
        System.err.flush();
        if (code == GradusException.TIMEOUT) {
            TemporaryFiles.deleteAll();
            Runtime.getRuntime().halt(code);
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(EXIT_GRACE_MILLIS);
            } catch (InterruptedException ignored) {
                // halting anyway
            }
            Runtime.getRuntime().halt(code);
        }, "gradus-exit");
        watchdog.setDaemon(true);
        watchdog.start();
        System.exit(code);
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv());
    }

    /**
     * Runs the command with {@code env} as the environment for the compiled-script cache of {@code run}
     * ({@code GRADUS_CACHE=0}, {@code GRADUS_CACHE_DIR}, {@code XDG_CACHE_HOME}, {@code HOME}) and
     * {@code GRADUS_TIMING}; returns the exit code.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, out, err, env, Invocation.process());
    }

    /**
     * Runs {@code run}, {@code check}, {@code --help} or {@code --version} for a client of the resident daemon
     * ({@code org.gradus.daemon}): paths are resolved against {@code where.cwd()}, the terminal is the
     * client's; returns the exit code. The REPL (no arguments) always runs in the calling process.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Invocation where) {
        if (args.length == 0) return Repl.start(out, err);
        String cmd = args[0];
        switch (cmd) {
            case "--help", "-h", "help" -> {
                out.print(HELP);
                out.print(functionList());
                return 0;
            }
            case "--version", "-V" -> {
                out.println(VERSION);
                return 0;
            }
            case "run" -> {
                RunOptions options = RunOptions.parse(args, err, where.cwd());
                return options == null ? USAGE : new RunCommand(options, out, err, env, where).run();
            }
            case "check" -> {
                return checkCommand(args, out, err, where);
            }
            default -> {
                err.println("gradus: unknown command '" + cmd + "'; use gradus run FILE.opt, gradus check FILE.opt or gradus --help");
                return USAGE;
            }
        }
    }

    private static int checkCommand(String[] args, PrintStream out, PrintStream err, Invocation where) {
        String[] a = java.util.Arrays.stream(args).filter(x -> !x.equals(RunOptions.NO_DAEMON)).toArray(String[]::new);
        if (a.length != 2) {
            err.println("gradus: check needs one script: gradus check FILE.opt");
            return USAGE;
        }
        Path file = Path.of(a[1]);
        if (!Files.isRegularFile(where.resolve(file))) {
            err.println("gradus: no such script file: " + file);
            return USAGE;
        }
        try {
            new GradusSession().check(where.resolve(file));
            out.println(file + ": ok");
            return 0;
        } catch (GradusException e) {
            return report(e, false, err);
        }
    }

    /**
     * GRADUS_TIMING=1: where a run's time went: the JVM's start up to {@link #main}, main up to the run (the
     * session and its Groovy runtime set up), compile or the load of the cached classes, the run.
     */
    static void timing(GradusSession session, long runStarted, PrintStream err) {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        long entered = mainEntered != 0 ? mainEntered : runStarted;     // run() called without main (tests)
        double toMain = (System.currentTimeMillis() - jvmStart) - (System.nanoTime() - entered) / 1e6;
        err.printf("timing: JVM start to main %.0f ms, main to the run %.0f ms, compile %.0f ms%s, run %.0f ms%n", toMain,
                (runStarted - entered) / 1e6, session.getLastCompileMillis(),
                session.isLastRunCached() ? " (loaded from the cache)" : "", session.getLastRunMillis());
    }

    static String readAll(java.io.InputStream in) throws java.io.IOException {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Prints the located error (and with {@code debug} its stack trace); returns its exit code. */
    static int report(GradusException e, boolean debug, PrintStream err) {
        err.println(e.report());
        if (debug && e.getCause() != null) e.getCause().printStackTrace(err);
        err.flush();
        return e.getExitCode();
    }
}
