package org.gradus.optim;

import org.gradus.io.FileAccess;
import org.gradus.io.FilePolicy;

import java.nio.file.Path;

/**
 * Where a run happens: who hears of progress, and the files its caller may write for it (a trace file,
 * through a {@link FileAccess}: see {@link TraceFiles}; the minimizer itself writes nothing).
 */
public final class RunContext {
    private final FileAccess files;
    private final Path baseDir;
    private final ProgressListener listener;

    private RunContext(FileAccess files, Path baseDir, ProgressListener listener) {
        this.files = files;
        this.baseDir = baseDir;
        this.listener = listener;
    }

    /**
     * Trusted code: trace files anywhere, relative names against baseDir.
     *
     * @param baseDir  directory for relative trace file names (null: the working directory)
     * @param listener told about every iteration; may be null
     */
    public RunContext(Path baseDir, ProgressListener listener) {
        this(FilePolicy.unrestricted(baseDir), baseDir == null ? Path.of("").toAbsolutePath() : baseDir, listener);
    }

    /**
     * A script's run: every trace file goes through {@code files} (the script's {@link FilePolicy}).
     *
     * @param files    the file policy (not null)
     * @param listener told about every iteration; may be null
     */
    public static RunContext of(FileAccess files, ProgressListener listener) {
        if (files == null) throw new IllegalArgumentException("a run needs a file policy");
        Path base = files instanceof FilePolicy p ? p.baseDir() : Path.of("").toAbsolutePath();
        return new RunContext(files, base, listener);
    }

    /** The working directory, no listener, no file restriction. */
    public static RunContext defaults() {
        return new RunContext((Path) null, null);
    }

    /** The folder relative names resolve against. */
    public Path baseDir() {
        return baseDir;
    }

    /** The policy trace files are written through. */
    public FileAccess files() {
        return files;
    }

    /** May be null. */
    public ProgressListener listener() {
        return listener;
    }
}
