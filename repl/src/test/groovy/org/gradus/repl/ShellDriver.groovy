package org.gradus.repl

import org.jline.terminal.Size
import org.jline.terminal.Terminal
import org.jline.terminal.impl.DumbTerminal
import org.jline.terminal.impl.ExternalTerminal

import java.nio.charset.StandardCharsets
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * Drives a {@link GradusShell} through a JLine dumb terminal over byte streams: what the test types goes
 * into a pipe, what the shell prints is collected. {@link #run} feeds a whole session and waits for its end
 * (end of input is Ctrl-D); {@link #start}/{@link #type}/{@link #waitFor} interact step by step.
 * With {@code xterm} true the terminal is an xterm (100 columns) over the same streams, as a real one
 * would be: it echoes, and the shell colours and draws progress bars.
 */
class ShellDriver implements Closeable {
    final PipedOutputStream keyboard = new PipedOutputStream()
    final PipedInputStream input = new PipedInputStream(keyboard, 1 << 16)
    final ByteArrayOutputStream screen = new ByteArrayOutputStream()
    final Terminal terminal
    final GradusShell shell
    Thread loop
    volatile Integer exitCode

    ShellDriver(Path workingDir = Path.of('.'), boolean xterm = false) {
        if (xterm) {
            terminal = new ExternalTerminal('test', 'xterm-256color', input, screen, StandardCharsets.UTF_8)
            terminal.setSize(new Size(100, 40))
        } else {
            terminal = new DumbTerminal('test', Terminal.TYPE_DUMB, input, screen, StandardCharsets.UTF_8)
        }
        shell = new GradusShell(terminal, null, workingDir)
    }

    /** Types {@code lines}, then Ctrl-D, and returns everything the shell printed. */
    static String run(Path workingDir = Path.of('.'), String... lines) {
        ShellDriver d = new ShellDriver(workingDir)
        try {
            d.start()
            lines.each { d.type(it) }
            d.keyboard.close()
            d.loop.join(30_000)
            assert !d.loop.alive: 'the shell did not end at the end of input'
            d.text()
        } finally {
            d.close()
        }
    }

    /**
     * The screen's lines without prompts: a dumb terminal does not echo what is typed, so output follows
     * the prompt(s) of the inputs that printed nothing.
     */
    static List<String> lines(String screen) {
        screen.readLines().collect { it.replaceFirst(/^(\Q${GradusShell.PROMPT}\E)+/, '') }
    }

    void start() {
        loop = Thread.start('gradus-test-shell') { exitCode = shell.run() }
    }

    void type(String line) {
        keyboard.write((line + '\n').getBytes(StandardCharsets.UTF_8))
        keyboard.flush()
    }

    String text() {
        synchronized (screen) { screen.toString(StandardCharsets.UTF_8) }
    }

    /** Waits until the screen shows {@code expected} (after position {@code from}); fails after 20 s. */
    int waitFor(String expected, int from = 0) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20)
        while (System.nanoTime() < end) {
            int at = text().indexOf(expected, from)
            if (at >= 0) return at
            Thread.sleep(20)
        }
        throw new AssertionError("the screen never showed '${expected}':\n${text()}")
    }

    @Override
    void close() {
        try { keyboard.close() } catch (IOException ignored) { }
        loop?.join(5_000)
        shell.close()
        terminal.close()
    }
}
