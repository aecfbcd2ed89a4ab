package org.gradus.io;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which existing files a script may replace: the ones Gradus itself wrote. A {@link FilePolicy} asks
 * {@link #mayReplace} before an output would overwrite an existing file, and calls {@link #written}
 * after each output it committed.
 */
public interface OutputLedger {

    /** Whether the existing regular file {@code file} (a real path) was written by Gradus and may be replaced. */
    boolean mayReplace(Path file);

    /** Records that Gradus has just written {@code file} (a real path). */
    void written(Path file);

    /**
     * A ledger kept in memory: files written through it may be replaced as long as it lives (one run,
     * or one REPL or embedding session if the caller keeps it).
     */
    static OutputLedger inMemory() {
        Set<Path> files = ConcurrentHashMap.newKeySet();
        return new OutputLedger() {
            @Override
            public boolean mayReplace(Path file) {
                return files.contains(file);
            }

            @Override
            public void written(Path file) {
                files.add(file);
            }
        };
    }
}
