package org.gradus.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * Where one user's daemon of one build lives: an owner-only folder
 * {@code ${XDG_RUNTIME_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}}/gradus/daemon} (or {@code GRADUS_DAEMON_DIR}),
 * holding {@code KEY.sock} (the Unix domain socket), {@code KEY.lock} (held by the running daemon) and
 * {@code KEY.log} (its stdout and stderr). The folder is created {@code rwx------}; one that is a symbolic
 * link, owned by another user, or writable by group or others is refused ({@link #problem}), as the
 * launcher refuses such a folder for its class-data archive: a socket there could be another user's.
 *
 * <p>Only JDK classes: the client loads this before deciding whether Groovy is needed at all.
 *
 * @param dir the folder
 * @param key the build identity ({@link DaemonKey}): a rebuilt jar or other JVM options get another daemon
 */
record DaemonPlace(Path dir, String key) {

    /** The folder for {@code env}, or null when no base folder is known (no HOME). */
    static Path folder(Map<String, String> env) {
        String own = env.get("GRADUS_DAEMON_DIR");
        if (own != null && !own.isEmpty()) return Path.of(own);
        String base = env.get("XDG_RUNTIME_DIR");
        if (base == null || base.isEmpty()) base = env.get("XDG_CACHE_HOME");
        if (base == null || base.isEmpty()) {
            String home = env.get("HOME");
            if (home == null || home.isEmpty()) return null;
            base = home + "/.cache";
        }
        return Path.of(base, "gradus", "daemon");
    }

    /**
     * Creates the folder (owner-only) if missing; returns null when it may be used, else why not (a
     * symbolic link, another user's, writable by group or others, not absolute, or not creatable).
     */
    static String problem(Path dir) {
        if (dir == null) return "no folder for the daemon (HOME is not set)";
        if (!dir.isAbsolute()) return dir + " is not an absolute path";
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir.getParent());
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another client made it: checked below like any other
                }
            }
            if (Files.isSymbolicLink(dir)) return dir + " is a symbolic link";
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return dir + " is not a folder";
            int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (owner != myUid()) return dir + " belongs to another user";
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                return dir + " is writable by group or others";
            }
            return null;
        } catch (IOException | UnsupportedOperationException | ClassCastException | IllegalArgumentException e) {
            return "cannot use " + dir + ": " + e;
        }
    }

    /** This process's user id (the owner of /proc/self). */
    static int myUid() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    Path socket() {
        return dir.resolve(key + ".sock");
    }

    Path lock() {
        return dir.resolve(key + ".lock");
    }

    Path log() {
        return dir.resolve(key + ".log");
    }
}
