package org.gradus.repl;

import org.gradus.data.LoadListener;
import org.gradus.optim.ProgressListener;

import java.io.PrintWriter;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The progress line of a long optimizer run on the terminal:
 * {@code [=========>          ] 1200/5000 iterations  f = 0.0123}, and of the loading of a large data file:
 * {@code [=========>          ] reading logit.csv  41/122 MB}. It appears once a run or a load has taken
 * {@link #DELAY_NANOS} (short runs never show one), redraws at most ten times a second, and is erased when
 * the run or the load ends ({@link #onFinish()}), before its result is printed. The REPL installs one only on a real
 * terminal; {@code gradus run} draws one on stderr when it is a terminal.
 */
public final class ProgressBar implements ProgressListener, LoadListener {
    static final long DELAY_NANOS = 500_000_000L;
    static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final IntSupplier width;
    private final LongSupplier clock;
    private long started = -1, drawn = -1;
    private int lastIteration = -1;
    private boolean visible;

    /**
     * @param out   the terminal's writer
     * @param width the terminal's width in columns, read at each redraw
     * @param clock nanoseconds, {@link System#nanoTime} outside tests
     */
    public ProgressBar(PrintWriter out, IntSupplier width, LongSupplier clock) {
        this.out = out;
        this.width = width;
        this.clock = clock;
    }

    @Override
    public synchronized void onIteration(int iteration, int maxIterations, double f) {
        long now = clock.getAsLong();
        if (started < 0 || iteration < lastIteration) started = now;   // a new run (restarts report afresh)
        lastIteration = iteration;
        if (now - started < DELAY_NANOS || (drawn >= 0 && now - drawn < REDRAW_NANOS)) return;
        drawn = now;
        out.print("\r" + line(iteration, maxIterations, f, Math.max(20, width.getAsInt() - 1)) + "\u001b[K");
        out.flush();
        visible = true;
    }

    /** {@code bytesRead} of {@code totalBytes} of the data file {@code file} are read (see {@link LoadListener}). */
    @Override
    public synchronized void onProgress(String file, long bytesRead, long totalBytes) {
        long now = clock.getAsLong();
        if (started < 0) started = now;
        if (now - started < DELAY_NANOS || (drawn >= 0 && now - drawn < REDRAW_NANOS)) return;
        drawn = now;
        out.print("\r" + loadLine(file, bytesRead, totalBytes, Math.max(20, width.getAsInt() - 1)) + "\u001b[K");
        out.flush();
        visible = true;
    }

    /** The run or the load has ended: erases the bar, if drawn, and readies for the next one. */
    @Override
    public void onFinish() {
        finish();
    }

    /** Erases the bar, if drawn, and readies for the next run. */
    public synchronized void finish() {
        if (visible) {
            out.print("\r\u001b[K");
            out.flush();
        }
        visible = false;
        started = drawn = -1;
        lastIteration = -1;
    }

    /** The text of the loading bar, at most {@code columns} wide; sizes in MB (2^20 bytes). */
    static String loadLine(String file, long bytesRead, long totalBytes, int columns) {
        long total = Math.max(1, totalBytes);
        long read = Math.min(Math.max(0, bytesRead), total);
        String tail = " reading " + file + "  " + (read >> 20) + "/" + ((total + (1 << 20) - 1) >> 20) + " MB";
        int bar = Math.min(30, columns - tail.length() - 2);
        if (bar < 5) return tail.strip().substring(0, Math.min(columns, tail.length() - 1));
        return bracket(bar, read, total) + tail;
    }

    /** The text of the bar, at most {@code columns} wide. */
    static String line(int iteration, int maxIterations, double f, int columns) {
        String counts = maxIterations > 0 ? iteration + "/" + maxIterations : String.valueOf(iteration);
        String tail = " " + counts + " iterations  f = " + String.format("%.6g", f);
        int bar = Math.min(30, columns - tail.length() - 2);
        if (bar < 5 || maxIterations <= 0) return tail.strip().substring(0, Math.min(columns, tail.length() - 1));
        return bracket(bar, iteration, maxIterations) + tail;
    }

    /** {@code [=====>    ]}: {@code bar} cells inside the brackets, filled in proportion done/total. */
    private static String bracket(int bar, long done, long total) {
        int filled = (int) Math.min(bar, bar * done / total);
        return "[" + "=".repeat(filled) + (filled < bar ? ">" + " ".repeat(bar - filled - 1) : "") + "]";
    }
}
