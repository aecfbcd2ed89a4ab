package org.gradus.dsl.run;

/** Why a script run was stopped before it ended by itself; each reason has the exit code the command line uses. */
public enum StopReason {
    /** The run took longer than its time limit (exit code 124, as GNU {@code timeout}). */
    TIMEOUT(124),
    /** The program that runs the script stopped it (exit code 130, as for Ctrl-C in a shell). */
    CANCELLED(130),
    /** Standard output was closed by its reader ({@code gradus run x.opt | head -1}); exit code 141, as for SIGPIPE. */
    OUTPUT_CLOSED(141);

    private final int exitCode;

    StopReason(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The exit code of {@code gradus run} for a run stopped this way. */
    public int exitCode() {
        return exitCode;
    }
}
