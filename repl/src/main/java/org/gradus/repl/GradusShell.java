package org.gradus.repl;

import org.gradus.dsl.GradusException;
import org.gradus.dsl.GradusSession;
import org.gradus.result.Shown;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.FileNameCompleter;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The interactive Gradus shell, in JLine's layers: a terminal, a {@link GradusParser} (multi-line input
 * while a bracket, brace or string is open), a line reader with {@link GradusCompleter},
 * {@link GradusHighlighter} and a bounded history file, and a table of {@code :commands}.
 *
 * <p>Each input runs on a worker thread against one {@link GradusSession} (in interactive mode, so
 * {@code def x = ...} persists), while this thread waits; Ctrl-C then calls {@link #interrupt()}, which
 * interrupts the worker: optimizers return their best point with status {@code interrupted}, Groovy loops
 * stop. At the prompt Ctrl-C clears the line; Ctrl-D (end of input) leaves. Errors are printed as in
 * scripts, without a stack trace, and never end the session.
 */
public final class GradusShell implements AutoCloseable {
    public static final String PROMPT = "gradus> ";
    public static final String CONTINUATION = "   ...> ";
    public static final int HISTORY_SIZE = 1000;
    /** The name REPL inputs have in error messages. */
    static final String INPUT_NAME = "repl";

    private final Terminal terminal;
    private final PrintWriter out;
    private final LineReader reader;
    /** The session, made while the prompt is set up and shown; the first use waits for it ({@link #session()}). */
    private final BackgroundStart<GradusSession> sessionReady;
    private final Map<String, Command> commands = new LinkedHashMap<>();
    /** The inputs that ran without error since the last {@code :reset}: what {@code :save} writes. */
    private final List<String> accepted = new ArrayList<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gradus-worker");
        t.setDaemon(true);
        return t;
    });
    private final ProgressBar progress;
    private final boolean colour;
    private final Path workingDir;
    /** {@code $COLORTERM} of the terminal ({@code truecolor}: pictures in 24-bit colour), null when unset. */
    private final String colorterm;
    private volatile boolean running;
    private volatile boolean interrupted;

    /**
     * @param terminal    where to read and write; a dumb terminal gets no colours and no progress bar
     * @param historyFile the history file (e.g. {@code ~/.gradus_history}), or null to keep none
     * @param workingDir  the folder {@code :load}, {@code :save} and data files are relative to
     */
    public GradusShell(Terminal terminal, Path historyFile, Path workingDir) {
        this(terminal, historyFile, workingDir, System.getenv("COLORTERM"));
    }

    /**
     * As above, for a terminal whose {@code $COLORTERM} is {@code colorterm} (null: unset) rather than this
     * process's: the terminal of a client of the resident daemon.
     */
    public GradusShell(Terminal terminal, Path historyFile, Path workingDir, String colorterm) {
        this(terminal, historyFile, workingDir, colorterm, System::nanoTime);
    }

    /** As above, with the progress bar's clock (nanoseconds): tests pass one that advances per report. */
    GradusShell(Terminal terminal, Path historyFile, Path workingDir, java.util.function.LongSupplier clock) {
        this(terminal, historyFile, workingDir, System.getenv("COLORTERM"), clock);
    }

    private GradusShell(Terminal terminal, Path historyFile, Path workingDir, String colorterm,
                        java.util.function.LongSupplier clock) {
        Vocabulary.readInBackground();                       // on the other core while the line reader is built
        this.terminal = terminal;
        this.colorterm = colorterm;
        this.out = terminal.writer();
        this.workingDir = workingDir.toAbsolutePath().normalize();
        boolean dumb = terminal.getType().startsWith(Terminal.TYPE_DUMB);
        this.colour = !dumb;
        this.progress = dumb ? null : new ProgressBar(out, terminal::getWidth, clock);
        defineCommands();

        PrintStream scriptOut = new PrintStream(new WriterStream(out), true, StandardCharsets.UTF_8);
        this.sessionReady = new BackgroundStart<>("gradus-session-start", () -> {
            GradusSession s = new GradusSession();
            s.setInteractive(true);
            s.setListener(this::show);
            s.setTerminal(() -> PicturePrinter.screen(terminal));
            s.setScriptOut(scriptOut);
            s.setProgress(progress);
            s.setLoads(progress);
            return s;
        });

        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("gradus")
                .parser(new GradusParser())
                .completer(new GradusCompleter(() -> session().variables(), commands))
                .highlighter(new GradusHighlighter(this::variablesIfStarted))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .variable(LineReader.HISTORY_SIZE, HISTORY_SIZE)
                .variable(LineReader.HISTORY_FILE_SIZE, HISTORY_SIZE)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)   // '!' is Groovy's not
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, false);
        if (historyFile != null) builder.variable(LineReader.HISTORY_FILE, historyFile);
        this.reader = builder.build();
        terminal.handle(Terminal.Signal.INT, signal -> interrupt());
    }

    /** Reads and runs inputs until Ctrl-D or {@code :quit}; returns the exit code, 0. */
    public int run() {
        return run(() -> {
        });
    }

    /**
     * As {@link #run()}; {@code atFirstPrompt} runs once, as the first prompt is shown, beside the start of the
     * session: work for threads of its own (a warm-up) that should not delay the prompt.
     */
    public int run(Runnable atFirstPrompt) {
        print("Gradus " + version() + ": type an expression, :help for commands, Tab to complete, Ctrl-D to leave.");
        boolean first = true;
        while (true) {
            String line;
            if (first) {
                // Groovy's start (the session) and the caller's warm-up would take the CPU the prompt needs on a
                // two-core machine (docs/benchmarks.md, "The REPL's prompt, eighth session"): they start now, and
                // run while the person types; the first input waits for the session if it comes sooner.
                first = false;
                sessionReady.start();
                atFirstPrompt.run();
            }
            try {
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue;                                    // Ctrl-C at the prompt: the line is cleared
            } catch (EndOfFileException e) {
                break;                                       // Ctrl-D
            }
            try {
                if (!execute(line)) break;
            } catch (RuntimeException e) {                   // a bug of ours: say so, keep the session
                error("gradus: internal error: " + e);
            }
        }
        return 0;
    }

    /** Runs one input: a {@code :command} or code. Returns false when the shell should end. */
    public boolean execute(String input) {
        if (input.isBlank()) return true;
        if (GradusParser.isCommand(input)) return command(input.strip());
        evaluate(input, () -> session().run(input, INPUT_NAME, workingDir));
        return true;
    }

    /**
     * Stops the running input, as Ctrl-C does: its optimizer returns the best point so far with status
     * {@code interrupted}; a Groovy loop stops with the message {@code interrupted}. Nothing when idle.
     */
    public void interrupt() {
        if (!running) return;
        interrupted = true;
        session().interrupt();
    }

    /** True while an input is running. */
    public boolean isRunning() {
        return running;
    }

    /** The session the inputs run in. */
    public GradusSession session() {
        return sessionReady.get();
    }

    /**
     * The session's variables for colouring the line, without waiting for the session: JLine colours the line
     * each time it draws it, the empty line at the first prompt too, and that must not wait for Groovy's start.
     * Before the session is made there are no variables.
     */
    private Map<String, Object> variablesIfStarted() {
        GradusSession s = sessionReady.now(null);
        return s == null ? Map.of() : s.variables();
    }

    public LineReader reader() {
        return reader;
    }

    /** What {@code :save} writes: every input that ran without error since the start or {@code :reset}. */
    public String script() {
        StringBuilder sb = new StringBuilder("// Gradus session saved from the REPL; run it with: gradus run FILE.opt\n");
        for (String s : accepted) sb.append(s).append(s.endsWith("\n") ? "" : "\n");
        return sb.toString();
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            error("gradus: cannot save the history: " + e.getMessage());
        }
    }

    // ---- running code ---------------------------------------------------------------------------

    private interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} on the worker thread and waits; {@code source} is kept for :save if it succeeds. */
    private void evaluate(String source, Work work) {
        interrupted = false;
        running = true;
        boolean ok = false;
        Attributes saved = quiet();
        try {
            Future<?> done = worker.submit(() -> {
                work.run();
                return null;
            });
            done.get();
            ok = true;
        } catch (ExecutionException e) {
            report(e.getCause());
        } catch (InterruptedException e) {
            session().interrupt();
            Thread.currentThread().interrupt();
        } finally {
            running = false;
            if (saved != null) terminal.setAttributes(saved);
            if (progress != null) progress.finish();
            session().getScriptOut().flush();
            out.flush();
        }
        if (ok) accepted.add(interrupted ? "// interrupted in the REPL; this runs in full\n" + source : source);
    }

    /**
     * While an input runs, keys typed ahead are not echoed into its output (they wait for the next prompt);
     * Ctrl-C still raises the interrupt. Returns the attributes to restore, or null on a dumb terminal.
     */
    private Attributes quiet() {
        if (progress == null) return null;
        Attributes saved = terminal.getAttributes();
        Attributes quiet = new Attributes(saved);
        quiet.setLocalFlag(Attributes.LocalFlag.ECHO, false);
        terminal.setAttributes(quiet);
        return saved;
    }

    private void report(Throwable t) {
        if (t instanceof GradusException g) {
            if (interrupted && g.getCause() instanceof InterruptedException) error("interrupted");
            else error(g.report());
        } else {
            error("error: " + t);
        }
    }

    // ---- commands -------------------------------------------------------------------------------

    private void defineCommands() {
        @SuppressWarnings("deprecation") FileNameCompleter files = new FileNameCompleter();
        List<Command> table = List.of(
                new Command("help", "[NAME]", "this help, or a built-in's signature and an example", this::help,
                        (r, line, c) -> {
                            new GradusCompleter(Map::of, Map.of()).names(c, false);
                            c.removeIf(x -> !"built-ins".equals(x.group()));
                        }),
                new Command("load", "FILE", "run a .opt script in this session", this::load, files),
                new Command("vars", "", "list the session's variables", a -> vars(), null),
                new Command("reset", "", "forget every variable and the inputs :save would write", a -> reset(), null),
                new Command("save", "FILE", "write the inputs that ran without error as a script for gradus run", this::save, files),
                new Command("quit", "", "leave (so does Ctrl-D)", a -> false, null));
        for (Command c : table) commands.put(c.name(), c);
    }

    private boolean command(String input) {
        String[] parts = input.substring(1).split("\\s+", 2);
        String name = parts[0];
        String argument = parts.length > 1 ? parts[1].strip() : "";
        Command c = commands.get(name.equals("exit") || name.equals("q") ? "quit" : name);
        if (c == null) {
            List<Command> prefixed = commands.values().stream().filter(x -> x.name().startsWith(name)).toList();
            if (prefixed.size() == 1 && !name.isEmpty()) c = prefixed.get(0);
        }
        if (c == null) {
            error("unknown command :" + name + "; the commands are "
                    + commands.values().stream().map(x -> ":" + x.name()).collect(Collectors.joining(" ")));
            return true;
        }
        try {
            return c.run().run(argument);
        } catch (Exception e) {
            error(":" + c.name() + ": " + e.getMessage());
            return true;
        }
    }

    private boolean help(String argument) {
        String name = argument.startsWith(":") ? argument.substring(1) : argument;
        String text = HelpText.of(name, commands);
        Object variable = text == null ? session().variables().get(name) : null;
        if (text != null) print(text);
        else if (variable != null) print(name + ": a " + Values.kind(variable) + " of this session" + (Values.summary(variable).isEmpty() ? "" : ", " + Values.summary(variable)));
        else error(HelpText.none(name));
        return true;
    }

    private boolean load(String argument) throws IOException {
        if (argument.isEmpty()) {
            error("usage: :load FILE");
            return true;
        }
        Path file = workingDir.resolve(unquote(argument)).normalize();
        if (!Files.isRegularFile(file)) {
            error(":load: no such file: " + file);
            return true;
        }
        String source = Files.readString(file);
        evaluate("// :load " + argument + "\n" + source,
                () -> session().run(source, file.getFileName().toString(), file.getParent()));
        return true;
    }

    private boolean vars() {
        Map<String, Object> vars = session().variables();
        if (vars.isEmpty()) {
            print("no variables yet; try  x = variable(1.5)");
            return true;
        }
        int w = vars.keySet().stream().mapToInt(String::length).max().orElse(1);
        StringBuilder sb = new StringBuilder();
        vars.forEach((name, value) -> sb.append(String.format("%-" + w + "s  %-11s %s%n", name, Values.kind(value), Values.summary(value))));
        print(sb.toString().stripTrailing());
        return true;
    }

    private boolean reset() {
        session().reset();
        accepted.clear();
        print("session reset: no variables, nothing to save");
        return true;
    }

    private boolean save(String argument) throws IOException {
        if (argument.isEmpty()) {
            error("usage: :save FILE");
            return true;
        }
        Path file = workingDir.resolve(unquote(argument)).normalize();
        Files.writeString(file, script());
        print("saved " + accepted.size() + (accepted.size() == 1 ? " input" : " inputs") + " to " + argument
                + "; run it with: gradus run " + argument);
        return true;
    }

    // ---- output ---------------------------------------------------------------------------------

    /** A shown value: a terminal picture in the terminal's colours, anything else as its text. */
    private void show(Shown s) {
        if (s instanceof org.gradus.plot.PlotResult p && p.picture() != null && colour) {
            for (String line : PicturePrinter.lines(p.picture(), terminal, colorterm)) out.println(line);
            out.flush();
        } else {
            print(s.toText());
        }
    }

    private void print(String text) {
        out.println(text);
        out.flush();
    }

    private void error(String text) {
        if (colour) out.println(new AttributedString(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)).toAnsi(terminal));
        else out.println(text);
        out.flush();
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String version() {
        String v = GradusShell.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    /** Bytes a script prints, passed on to the terminal's writer as text at each flush. */
    private static final class WriterStream extends OutputStream {
        private final PrintWriter target;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        WriterStream(PrintWriter target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            pending.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public synchronized void flush() {
            target.print(pending.toString(StandardCharsets.UTF_8));
            target.flush();
            pending.reset();
        }
    }
}
