package org.gradus.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary files of outputs being written ({@link OutputFile}) that are still alive. They are
 * deleted when the JVM shuts down (SIGTERM, SIGINT, {@code System.exit}): one shutdown hook, installed
 * the first time a file is registered, removes whatever is left, so an interrupted run does not leave a
 * hidden {@code .trace.csv.123.tmp} beside the script. (A SIGKILL cannot be caught; such leftovers are
 * hidden files named after their target.)
 */
public final class TemporaryFiles {
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private TemporaryFiles() {
    }

    /** Remembers a temporary file until {@link #release} or shutdown. */
    public static void register(Path file) {
        if (!hooked) installHook();
        LIVE.add(file);
    }

    /** Forgets a temporary file (it was renamed onto its target, or deleted). */
    public static void release(Path file) {
        LIVE.remove(file);
    }

    /** Deletes every live temporary file now; returns how many were deleted. */
    public static int deleteAll() {
        int n = 0;
        for (Path p : new ArrayList<>(LIVE)) {
            try {
                if (Files.deleteIfExists(p)) n++;
            } catch (IOException ignored) {
                // nothing more to do at shutdown
            }
            LIVE.remove(p);
        }
        return n;
    }

    /** The live temporary files (for tests and diagnostics). */
    public static List<Path> live() {
        return List.copyOf(LIVE);
    }

    private static synchronized void installHook() {
        if (hooked) return;
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(TemporaryFiles::deleteAll, "gradus-temporary-files"));
        } catch (IllegalStateException alreadyShuttingDown) {
            // the JVM is already going down: the caller's own cleanup (close) still runs
        }
        hooked = true;
    }
}
