package org.gradus.daemon;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files that daemons of other builds left in the daemon folder. Every build has a key of its own
 * ({@link DaemonLaunch}), so each rebuilt or upgraded jar leaves a {@code KEY.lock} and a {@code KEY.log} behind
 * once its daemon has exited; a developer's folder held some seventy pairs after a few days. A daemon that starts
 * removes those of other keys that nothing has written for {@link #AGE} and whose lock no daemon holds (taken
 * here first, so a running daemon's files are never removed, however old its log). Its own files stay, and so
 * does anything not named like a daemon's file.
 */
final class DaemonLeftovers {
    /** How long a stopped daemon's log is kept for a look after it ended. */
    static final Duration AGE = Duration.ofDays(7);
    private static final Pattern NAME = Pattern.compile("([0-9a-f]{16})\\.(lock|log|sock)");

    private DaemonLeftovers() {
    }

    /** Removes the stale files of keys other than {@code ownKey} in {@code dir}; returns how many keys were cleared. */
    static int remove(Path dir, String ownKey, Instant now) {
        TreeSet<String> keys = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches() && !m.group(1).equals(ownKey)) keys.add(m.group(1));
            }
        } catch (IOException e) {
            return 0;
        }
        int cleared = 0;
        for (String key : keys) {
            if (removeIfStale(dir, key, now)) cleared++;
        }
        return cleared;
    }

    private static boolean removeIfStale(Path dir, String key, Instant now) {
        Path lock = dir.resolve(key + ".lock"), log = dir.resolve(key + ".log"), socket = dir.resolve(key + ".sock");
        try {
            for (Path p : new Path[]{lock, log, socket}) {
                if (Files.exists(p) && Files.getLastModifiedTime(p).toInstant().isAfter(now.minus(AGE))) return false;
            }
            if (!Files.exists(lock)) {
                Files.deleteIfExists(log);                   // a daemon that never took its lock
                return true;
            }
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE); FileLock held = channel.tryLock()) {
                if (held == null) return false;              // its daemon runs
                Files.deleteIfExists(socket);
                Files.deleteIfExists(log);
                Files.delete(lock);
                return true;
            }
        } catch (OverlappingFileLockException | IOException e) {
            return false;                                    // held in this JVM, or gone meanwhile: leave it
        }
    }
}
