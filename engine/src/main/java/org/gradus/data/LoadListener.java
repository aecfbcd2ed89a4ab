package org.gradus.data;

/**
 * Told how far the loading of a data file has got, for a progress bar. Called from the loading thread,
 * at most every few megabytes; the REPL and the command line own the terminal and draw the bar.
 */
public interface LoadListener {
    /** {@code bytesRead} of {@code totalBytes} of {@code file} have been read. */
    void onProgress(String file, long bytesRead, long totalBytes);

    /** The load has ended (also when it failed), before its result or error is shown. */
    default void onFinish() {
    }
}
