package org.gradus.io;

import java.nio.file.Path;

/**
 * The files a running script may read and write. Every engine feature that touches a file a script
 * named — CSV data ({@code csv('houses.csv')}), trace files ({@code trace: 'run.csv'}), pictures
 * ({@code plot ..., file: 'rosen.png'}) — takes a {@code FileAccess} and goes through it, never through
 * {@link java.nio.file.Files} with the script's string directly:
 *
 * <pre>{@code
 * Path data = files.readable("houses.csv");          // checked; then read it as usual
 *
 * try (OutputFile out = files.create("run.csv")) {     // checked; a temporary file beside the target
 *     try (Writer w = Files.newBufferedWriter(out.temporary())) { ... }
 *     Path written = out.commit();                      // renamed onto the target atomically
 * }                                                     // not committed (an exception): temporary removed
 * }</pre>
 *
 * The policy a script runs under is a {@link FilePolicy} (its folder tree plus directories an embedder
 * names); {@link FilePolicy#unrestricted(Path)} is the policy of trusted code with the sandbox off. A
 * refusal is a {@link FileAccessDeniedException} (exit code 4); its message names only the path the
 * script gave, never the contents of a file the script may not read.
 */
public interface FileAccess {

    /**
     * The file to read for a name a script gave (relative names are relative to the script's folder).
     *
     * @param name the script's string, e.g. {@code "data/houses.csv"}
     * @return the real path of the file (symbolic links resolved), to be opened by the caller
     * @throws FileAccessDeniedException if the file lies outside the readable directories, or a part
     *                                   of its path is hidden (starts with a dot)
     * @throws java.nio.file.NoSuchFileException (wrapped in {@link java.io.UncheckedIOException}) if
     *                                   it is inside but does not exist
     */
    Path readable(String name);

    /**
     * Starts writing the output file a script named: the target must lie in a writable directory that
     * exists, and be a new file or one this policy's {@link OutputLedger} says Gradus wrote (so a script
     * never replaces a file it did not produce). The bytes go to a temporary file in the target's folder
     * that {@link OutputFile#commit()} renames onto the target atomically; closing without committing
     * removes it, and so does the JVM's shutdown ({@link TemporaryFiles}).
     *
     * @param name the script's string, e.g. {@code "trace.csv"}
     * @throws FileAccessDeniedException if the target may not be written
     * @throws java.io.UncheckedIOException if the temporary file cannot be created
     */
    OutputFile create(String name);
}
