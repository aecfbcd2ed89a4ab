package org.gradus.cli;

import org.gradus.dsl.GradusException;
import org.gradus.dsl.GradusSession;
import org.gradus.dsl.ScriptCompiler;
import org.gradus.repl.GradusShell;
import org.gradus.result.Shown;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.LineDisciplineTerminal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code gradus} without arguments: the interactive shell on a terminal; with piped, non-terminal input
 * ({@code gradus < script.opt}) the input runs as one batch script, without prompts or colours, and the
 * exit code is that of {@code gradus run}.
 */
public final class Repl {
    static final String HISTORY = ".gradus_history";

    private Repl() {
    }

    static int start(PrintStream out, PrintStream err) {
        if (System.console() == null) return batch(out, err);
        SystemTerminal system = SystemTerminal.lookAhead();
        Path cwd = Path.of("").toAbsolutePath();
        try (Terminal terminal = system.open("gradus")) {
            return atTerminal(terminal, Path.of(System.getProperty("user.home")), cwd, System.getenv("COLORTERM"));
        } catch (IOException e) {
            err.println("gradus: cannot open the terminal: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The shell at {@code terminal} until the person leaves: inputs run in {@code cwd}, the history is
     * {@code home/.gradus_history}, pictures in 24-bit colour where {@code colorterm} says so; returns the
     * exit code. The REPL of this process, and the REPL a client's terminal runs in the resident daemon
     * ({@code org.gradus.daemon.DaemonRepl}).
     */
    public static int atTerminal(Terminal terminal, Path home, Path cwd, String colorterm) {
        try (GradusShell shell = new GradusShell(terminal, home.resolve(HISTORY), cwd, colorterm)) {
            return shell.run(Repl::warmCompiler);
        }
    }

    /**
     * A short session typed into an in-memory terminal (a definition, an expression, a completion, {@code :quit}),
     * printing nothing and keeping no history: the classes and code a shell needs before its first prompt, loaded
     * and run once. For the launcher's class-data archive ({@link CdsTraining}) and for a resident daemon that has
     * just served its first command ({@code org.gradus.daemon.DaemonWarmUp}), so that a client's first prompt does not wait for them.
     */
    public static void warmUp() throws IOException {
        warmUp(OutputStream.nullOutputStream());
    }

    /** {@link #warmUp()} drawing on {@code screen} (tests). */
    static void warmUp(OutputStream screen) throws IOException {
        byte[] typed = "x = variable(1)\nf = (x - 2)**2 + 1\nf.at(x: 0)\ngr\t\u0015:quit\n".getBytes(StandardCharsets.UTF_8);
        // a line discipline over bytes (as the daemon's REPL has): no pseudo-terminal opened, no thread pumping one
        try (LineDisciplineTerminal terminal = new LineDisciplineTerminal("warm-up", "xterm-256color", screen, StandardCharsets.UTF_8);
             GradusShell shell = new GradusShell(terminal, null, Path.of("").toAbsolutePath())) {
            terminal.setSize(new Size(80, 24));
            terminal.processInputBytes(typed);
            shell.run();
        }
    }

    /**
     * Compiles a throw-away input on a thread of its own once the prompt is shown, while the person types: the
     * first compile of a process loads and initialises the Groovy compiler (its parser, the default-import scan,
     * the customizers), about a second of CPU that the first input would otherwise wait for. Nothing is run or
     * kept; a failure here is ignored (the real input then reports it).
     */
    private static void warmCompiler() {
        Thread t = new Thread(() -> {
            try {
                ScriptCompiler.compileClasses("x = 1 + 1", "warmup.opt", true, true);
            } catch (Throwable ignored) {
                // only a warm-up
            }
        }, "gradus-compiler-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Standard input as one script, shown values on {@code out}, errors on {@code err}. */
    static int batch(PrintStream out, PrintStream err) {
        try {
            String source = Main.readAll(System.in);
            GradusSession session = new GradusSession();
            session.setListener((Shown s) -> {
                out.println(s.toText());
                out.flush();
            });
            session.run(source, "stdin.opt", Path.of("."));
            return 0;
        } catch (GradusException e) {
            return Main.report(e, false, err);
        } catch (IOException e) {
            err.println("gradus: cannot read standard input: " + e.getMessage());
            return 1;
        }
    }
}
