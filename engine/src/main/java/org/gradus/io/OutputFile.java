package org.gradus.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output being written atomically (from {@link FileAccess#create}): write everything to
 * {@link #temporary()}, a file in the target's own folder, then {@link #commit()} renames it onto the
 * target in one step, so readers see the old file or the complete new one, never half of it. Closing
 * without committing (an exception while writing) deletes the temporary file. Use it in
 * try-with-resources.
 */
public final class OutputFile implements AutoCloseable {
    private final Path temporary;
    private final Path target;
    private final String name;
    private final OutputLedger ledger;
    private final boolean existedBefore;
    private boolean done;

    OutputFile(Path temporary, Path target, String name, OutputLedger ledger, boolean existedBefore) {
        this.temporary = temporary;
        this.target = target;
        this.name = name;
        this.ledger = ledger;
        this.existedBefore = existedBefore;
        TemporaryFiles.register(temporary);
    }

    /** Where to write the bytes (an empty file, in the target's folder). */
    public Path temporary() {
        return temporary;
    }

    /** The file the output becomes (a real path). */
    public Path target() {
        return target;
    }

    /**
     * Renames the temporary file onto the target atomically and records the target as written by
     * Gradus; returns the target.
     *
     * @throws FileAccessDeniedException if another file appeared at the target meanwhile and may not
     *                                   be replaced
     * @throws UncheckedIOException      if the rename fails (the temporary file is then removed)
     */
    public Path commit() {
        if (done) throw new IllegalStateException("output " + name + " was already committed or closed");
        try {
            if (!existedBefore && ledger != null && Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !ledger.mayReplace(target)) {
                throw new FileAccessDeniedException("writing '" + name + "' is not allowed: the file appeared while it was being "
                        + "written, and a script never replaces a file Gradus did not write");
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            TemporaryFiles.release(temporary);
            if (ledger != null) ledger.written(target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + ": " + e.getMessage(), e);
        } finally {
            if (!done) close();
        }
    }

    /** Deletes the temporary file unless {@link #commit()} succeeded; never throws. */
    @Override
    public void close() {
        if (done) return;
        done = true;
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // the shutdown hook of TemporaryFiles tries again
            return;
        }
        TemporaryFiles.release(temporary);
    }
}
