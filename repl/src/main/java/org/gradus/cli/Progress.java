package org.gradus.cli;

import org.gradus.optim.ProgressListener;

import java.io.PrintStream;

/** A one-line progress display on the terminal for long runs; nothing when stderr is not a terminal. */
final class Progress {
    private Progress() {
    }

    static ProgressListener forTerminal(PrintStream err) {
        if (System.console() == null) return null;
        return new ProgressListener() {
            private long last;
            private final long started = System.nanoTime();

            @Override
            public void onIteration(int iteration, int maxIterations, double f) {
                long now = System.nanoTime();
                if (now - started < 1_000_000_000L || now - last < 100_000_000L) return; // long runs only, 10 updates/s
                last = now;
                int width = 30;
                int filled = maxIterations > 0 ? (int) ((long) width * iteration / maxIterations) : 0;
                err.printf("\r[%s%s] %d/%d  f = %.6g ", "=".repeat(filled), " ".repeat(Math.max(0, width - filled)),
                        iteration, maxIterations, f);
                if (iteration >= maxIterations) err.print("\r" + " ".repeat(width + 40) + "\r");
                err.flush();
            }
        };
    }
}
