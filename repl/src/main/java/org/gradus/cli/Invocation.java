package org.gradus.cli;

import java.nio.file.Path;

/**
 * Where a command runs: the folder relative paths are read from, whether the user sits at a terminal, and
 * when the command began. A command run as a process of its own ({@link #PROCESS}) takes all three from
 * its JVM; the resident daemon ({@code org.gradus.daemon}) runs each client's command with the client's.
 *
 * @param cwd          the folder relative script, data and {@code --allow-*} paths are resolved against
 * @param console      whether stdin and stdout are a terminal ({@link System#console()} of the client)
 * @param processStart the moment ({@link System#nanoTime()}, CLOCK_MONOTONIC, shared by the processes of
 *                     one machine) {@code --timeout} counts from; null for the start of the run
 * @param resident     the command runs inside a long-lived process that must outlive it: a stopped or
 *                     timed-out script's thread is waited for and stopped instead of ending the process
 * @param terminal     the client's terminal, described, when the command runs away from it (the daemon);
 *                     null when this process asks its own terminal (or there is none)
 */
public record Invocation(Path cwd, boolean console, Long processStart, boolean resident, ClientTerminal terminal) {

    /** An invocation that asks this process's own terminal, if any. */
    public Invocation(Path cwd, boolean console, Long processStart, boolean resident) {
        this(cwd, console, processStart, resident, null);
    }

    /** This process: its working folder, its console, its JVM's start. */
    static Invocation process() {
        return new Invocation(Path.of(""), System.console() != null, Main.processStart, false);
    }

    /** {@code path} (as the user typed it) resolved against {@link #cwd}; unchanged when absolute. */
    Path resolve(Path path) {
        return cwd.resolve(path);
    }
}
