package org.gradus.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A folder of the user's own for state Gradus trusts (the compiled-script cache, the record of outputs it
 * wrote): created owner-only when missing, and used only if others may not write it and it belongs to the
 * user running Gradus, since whoever can write there could make Gradus load code or replace files.
 */
public final class OwnFolder {
    private OwnFolder() {
    }

    /**
     * {@code dir}, created {@code rwx------} if missing, when it is a directory others may not write and
     * the user owns (where the system tells); null otherwise or when it cannot be created.
     */
    public static Path openOrNull(Path dir) {
        if (dir == null) return null;
        try {
            if (!Files.isDirectory(dir)) {
                try {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException e) {
                    Files.createDirectories(dir);
                }
            }
            return Files.isDirectory(dir) && isTrusted(dir) ? dir : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Not writable by group or others, and owned by the user running Gradus (where the system tells). */
    public static boolean isTrusted(Path dir) throws IOException {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(dir);
        } catch (UnsupportedOperationException e) {
            return true;                // not a POSIX file system: nothing to check
        }
        if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) return false;
        try {
            Object me = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            Object owner = Files.getAttribute(dir, "unix:uid");
            return me.equals(owner);
        } catch (UnsupportedOperationException | IOException | IllegalArgumentException e) {
            return true;                // no unix view or no /proc: the permission check above is what we have
        }
    }
}
