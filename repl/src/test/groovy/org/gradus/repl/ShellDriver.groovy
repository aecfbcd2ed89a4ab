package org.gradus.repl

import org.gradus.optim.ProgressListener
import org.jline.terminal.Size
import org.jline.terminal.Terminal
import org.jline.terminal.impl.DumbTerminal
import org.jline.terminal.impl.ExternalTerminal

import java.nio.charset.StandardCharsets
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import java.util.function.LongSupplier

/**
 * Drives a {@link GradusShell} through a JLine dumb terminal over byte streams: what the test types goes
 * into a pipe, what the shell prints is collected. {@link #run} feeds a whole session and waits for its end
 * (end of input is Ctrl-D); {@link #start}/{@link #type}/{@link #waitFor} interact step by step.
 * With {@code xterm} true the terminal is an xterm (100 columns) over the same streams, as a real one
 * would be: it echoes, and the shell colours and draws progress bars, on a clock that advances 1 ms per
 * progress report (so a bar appears after 500 iterations, whatever the machine's load).
 *
 * <p>Nothing here waits on time: {@link #waitFor} wakes when the shell writes; {@link #onProgress} runs
 * code on the optimizer's own thread at a given iteration (to press Ctrl-C at an exact point of a run).
 * The only time limits are failsafes of minutes, so a broken shell fails a test instead of hanging it.
 */
class ShellDriver implements Closeable {
    static final long FAILSAFE_MILLIS = 300_000

    /** What the shell printed; every write wakes {@link #await}. */
    static class Screen extends ByteArrayOutputStream {
        @Override
        synchronized void write(int b) {
            super.write(b)
            notifyAll()
        }

        @Override
        synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len)
            notifyAll()
        }

        synchronized String text() {
            toString(StandardCharsets.UTF_8)
        }

        /** The position of {@code expected} at or after {@code from}, once the shell has printed it. */
        synchronized int await(String expected, int from) {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FAILSAFE_MILLIS)
            while (true) {
                int at = text().indexOf(expected, from)
                if (at >= 0) return at
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())
                if (left <= 0) throw new AssertionError("the screen never showed '${expected}':\n${text()}")
                wait(left)
            }
        }
    }

    final PipedOutputStream keyboard = new PipedOutputStream()
    final PipedInputStream input = new PipedInputStream(keyboard, 1 << 16)
    final Screen screen = new Screen()
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
        long[] reports = [0]
        LongSupplier clock = { reports[0]++ * 1_000_000L } as LongSupplier
        shell = new GradusShell(terminal, null, workingDir, clock)
    }

    /**
     * Runs {@code hook(iteration, maxIterations)} on the optimizer's thread at every progress report of
     * later runs (after the progress bar, if any, has drawn).
     */
    void onProgress(Closure hook) {
        ProgressListener inner = shell.session().progress
        shell.session().progress = new ProgressListener() {
            void onIteration(int iteration, int maxIterations, double f) {
                inner?.onIteration(iteration, maxIterations, f)
                hook.call(iteration, maxIterations)
            }

            void onFinish() {
                inner?.onFinish()
            }
        }
    }

    /** Ctrl-C, as the terminal delivers it. */
    void ctrlC() {
        terminal.raise(Terminal.Signal.INT)
    }

    /** Types {@code lines}, then Ctrl-D, and returns everything the shell printed. */
    static String run(Path workingDir = Path.of('.'), String... lines) {
        ShellDriver d = new ShellDriver(workingDir)
        try {
            d.start()
            lines.each { d.type(it) }
            d.keyboard.close()
            d.loop.join(FAILSAFE_MILLIS)
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
        screen.text()
    }

    /** Waits until the screen shows {@code expected} (at or after position {@code from}); returns where. */
    int waitFor(String expected, int from = 0) {
        screen.await(expected, from)
    }

    /** Ends the input and waits for the shell to leave (its loop ends at end of input). */
    void endInput() {
        keyboard.close()
        loop.join(FAILSAFE_MILLIS)
        assert !loop.alive: 'the shell did not end at the end of input'
    }

    @Override
    void close() {
        try { keyboard.close() } catch (IOException ignored) { }
        loop?.join(5_000)
        shell.close()
        terminal.close()
    }
}
