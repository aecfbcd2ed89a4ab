package org.gradus.cli;

import org.gradus.dsl.GradusException;
import org.gradus.dsl.GradusSession;
import org.gradus.dsl.ScriptCache;
import org.gradus.dsl.isolate.IsolatedRun;
import org.gradus.dsl.run.ScriptStopped;
import org.gradus.dsl.run.StopReason;
import org.gradus.repl.ProgressBar;
import org.gradus.result.Shown;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code gradus run}: runs a script in this JVM or, with {@code --isolate}, in a child JVM, and writes what
 * it shows to stdout (readable reports, or JSON Lines with {@code --json}). On a terminal (and without
 * {@code --json}) a {@code plot} without {@code file:} is drawn in it, in braille and colours. When stdout is closed by its
 * reader ({@code gradus run x.opt | head -1}) the run stops quietly with exit code 141.
 */
final class RunCommand {
    /** The exit code of a run whose standard output was closed (as for a process ended by SIGPIPE). */
    static final int OUTPUT_CLOSED = StopReason.OUTPUT_CLOSED.exitCode();

    private final RunOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Invocation where;

    RunCommand(RunOptions options, PrintStream out, PrintStream err, Map<String, String> env, Invocation where) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.env = env;
        this.where = where;
    }

    int run() {
        if (!Files.isRegularFile(where.resolve(options.file()))) {
            err.println("gradus: no such script file: " + options.file());
            return Main.USAGE;
        }
        try {
            if (options.isolate()) runIsolated();
            else runHere();
            return 0;
        } catch (GradusException e) {
            if (e.exitCode() == OUTPUT_CLOSED) return OUTPUT_CLOSED;     // the reader went away: nothing to say
            return Main.report(e, options.debug(), err);
        } catch (ScriptStopped e) {
            return e.reason().exitCode();
        }
    }

    private void runHere() {
        GradusSession session = new GradusSession();
        session.setCacheDir(ScriptCache.defaultDir(env));
        session.setTimeLimit(options.timeout());
        session.setLimitCountsFrom(where.processStart());
        if (where.resident()) {
            session.setOwnThread(true);               // the daemon's cancel (the client's Ctrl-C) interrupts this thread
        } else {
            session.setStopGraceMillis(0);            // the process ends at the limit: nothing to wait for
        }
        session.getAllowRead().addAll(options.allowRead());
        session.getAllowWrite().addAll(options.allowWrite());
        // --master, else the master spark-submit set (spark-submit --class org.gradus.cli.Main gradus-spark.jar run FILE)
        session.setMaster(options.master() != null ? options.master() : System.getProperty("spark.master"));
        for (String[] s : options.sets()) session.getPredefined().put(s[0], RunOptions.parseValue(s[1]));
        session.setScriptOut(options.json() ? err : watched(out, () -> session.stop(StopReason.OUTPUT_CLOSED)));
        TerminalPictures pictures = new TerminalPictures(where.terminal());
        if (!options.json() && where.console() && (!where.resident() || where.terminal() != null)) {
            session.setTerminal(pictures::screen);
        }
        session.setListener((Shown s) -> {
            if (!options.json() && pictures.print(s, out)) out.println();
            else show(s.toJson(), s.toText());
        });
        if (!options.quiet()) {
            ProgressBar bar = Progress.forTerminal(err, where.console(), env);
            session.setProgress(bar);
            session.setLoads(bar);
        }
        long started = System.nanoTime();
        try {
            session.run(where.resolve(options.file()));
        } finally {
            pictures.close();
            if (env.get("GRADUS_TIMING") != null) Main.timing(session, started, err);
        }
    }

    private void runIsolated() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (String[] s : options.sets()) parameters.put(s[0], RunOptions.parseValue(s[1]));
        Path file = where.resolve(options.file());
        String source = GradusSession.read(file);
        IsolatedRun run = new IsolatedRun(options.maxMemory(), err).timeLimit(options.timeout());
        if (where.processStart() != null) run.limitCountsFrom(where.processStart());
        run.parameters(parameters)
                .allowRead(options.allowRead()).allowWrite(options.allowWrite())
                .run(source, file.getFileName().toString(), file.toAbsolutePath().getParent(), new IsolatedRun.Sink() {
                    @Override
                    public void shown(String json, String text) {
                        show(json, text);
                    }

                    @Override
                    public void print(String text) {
                        PrintStream to = options.json() ? err : out;
                        to.print(text);
                        to.flush();
                        if (to.checkError() && to == out) throw new ScriptStopped(StopReason.OUTPUT_CLOSED);
                    }
                });
    }

    /** Writes a shown value: its JSON record with {@code --json}, else its report (multi-line ones followed by a blank line). */
    private void show(String json, String text) {
        if (options.json()) {
            out.println(json);
        } else {
            out.println(text);
            if (text.indexOf('\n') >= 0) out.println();
        }
        out.flush();
        if (out.checkError()) throw new ScriptStopped(StopReason.OUTPUT_CLOSED);
    }

    /** {@code out} for the script's {@code println}, calling {@code closed} once writing to it fails. */
    private static PrintStream watched(PrintStream out, Runnable closed) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                out.write(b, off, len);
            }

            @Override
            public void flush() {
                out.flush();
                if (out.checkError()) closed.run();
            }
        }, true, StandardCharsets.UTF_8);
    }
}
