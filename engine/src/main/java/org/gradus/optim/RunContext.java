package org.gradus.optim;

import java.nio.file.Path;

/** Where a run happens: the directory relative trace files are written to, and who hears of progress. */
public final class RunContext {
    private final Path baseDir;
    private final ProgressListener listener;

    /** @param baseDir directory for relative trace file names (null: the working directory)
     *  @param listener told about every iteration; may be null */
    public RunContext(Path baseDir, ProgressListener listener) {
        this.baseDir = baseDir == null ? Path.of("").toAbsolutePath() : baseDir;
        this.listener = listener;
    }

    /** The working directory, no listener. */
    public static RunContext defaults() {
        return new RunContext(null, null);
    }

    public Path baseDir() {
        return baseDir;
    }

    /** May be null. */
    public ProgressListener listener() {
        return listener;
    }
}
