package org.gradus.optim;

import org.gradus.io.FileAccess;
import org.gradus.io.OutputFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes the trace file a script asked for ({@code trace: 'run.csv'}). The minimizer does no I/O; the
 * caller that passed the option writes the file through its own file policy after the run — a
 * temporary file in the target's folder, renamed onto the target ({@link OutputFile}), so the file is
 * either the old one or the whole new trace.
 */
public final class TraceFiles {
    private TraceFiles() {
    }

    /**
     * The result, after writing its trace to the file the script named (relative to the policy's folder);
     * the result itself when no file was asked for.
     *
     * @throws org.gradus.io.FileAccessDeniedException when the policy refuses the file
     * @throws IllegalArgumentException when it cannot be written (the message names the file and why)
     */
    public static OptimizationResult write(OptimizationResult result, FileAccess files) {
        String name = result.traceFileName();
        if (name == null || result.trace() == null) return result;
        Path written;
        try (OutputFile out = files.create(name)) {
            result.trace().writeCsv(out.temporary());
            written = out.commit();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot write the trace file " + name + ": " + e.getMessage(), e);
        }
        return result.withTraceFile(written);
    }
}
