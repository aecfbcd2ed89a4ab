package org.gradus.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The file policy of a script run (see {@link FileAccess}):
 * <ul>
 *   <li><b>reads</b> only inside the script's folder tree and the extra folders given with
 *       {@link Builder#allowRead}: the path, with symbolic links resolved, must lie inside one of them
 *       (so {@code /etc/passwd}, {@code ../../x} and a link beside the script that points out are
 *       refused), and no part of it below that folder may be hidden (start with a dot:
 *       {@code .ssh}, {@code .cache}, {@code .git});</li>
 *   <li><b>writes</b> only inside the script's folder tree and the folders given with
 *       {@link Builder#allowWrite}, under the same rules, into a folder that already exists (no
 *       folders are created), to a name that is not hidden, either new or a file the
 *       {@link OutputLedger} says Gradus wrote; never through a symbolic link; always atomically
 *       ({@link OutputFile}).</li>
 * </ul>
 * A refusal is a {@link FileAccessDeniedException}. {@link #unrestricted(Path)} is the policy of
 * trusted code (the sandbox off): any path, relative ones against a folder, missing folders created;
 * writes are still atomic.
 */
public final class FilePolicy implements FileAccess {
    private final Path base;
    private final Path outputBase;
    private final List<Root> readRoots;
    private final List<Root> writeRoots;
    private final OutputLedger ledger;
    private final boolean restricted;

    /** A folder granted to a script: as named (absolute, normalized) and with links resolved. */
    private record Root(Path lexical, Path real) {
    }

    private FilePolicy(Path base, Path outputBase, List<Root> readRoots, List<Root> writeRoots, OutputLedger ledger, boolean restricted) {
        this.base = base;
        this.outputBase = outputBase;
        this.readRoots = List.copyOf(readRoots);
        this.writeRoots = List.copyOf(writeRoots);
        this.ledger = ledger;
        this.restricted = restricted;
    }

    /**
     * A policy for a script in {@code scriptDir}: that folder's tree is readable and writable; relative
     * names resolve against it.
     */
    public static Builder forScript(Path scriptDir) {
        return new Builder(scriptDir);
    }

    /** No restriction: relative names resolve against {@code baseDir}; writes are atomic and may replace anything. */
    public static FilePolicy unrestricted(Path baseDir) {
        return unrestricted(baseDir, null);
    }

    /**
     * No restriction, as {@link #unrestricted(Path)}, but relative names of outputs resolve against
     * {@code outputDir} (when not null).
     */
    public static FilePolicy unrestricted(Path baseDir, Path outputDir) {
        Path b = baseDir == null ? Path.of("").toAbsolutePath() : baseDir.toAbsolutePath().normalize();
        Path o = outputDir == null ? b : outputDir.toAbsolutePath().normalize();
        return new FilePolicy(b, o, List.of(), List.of(), OutputLedger.inMemory(), false);
    }

    /** The folder relative names resolve against. */
    public Path baseDir() {
        return base;
    }

    /** The folder relative names of outputs resolve against: {@link #baseDir()} unless an output folder was given. */
    public Path outputDir() {
        return outputBase;
    }

    /** The readable folders (real paths), the script's own first; empty when unrestricted. */
    public List<Path> readRoots() {
        return readRoots.stream().map(Root::real).toList();
    }

    /** The writable folders (real paths), the script's own first; empty when unrestricted. */
    public List<Path> writeRoots() {
        return writeRoots.stream().map(Root::real).toList();
    }

    @Override
    public Path readable(String name) {
        Path lexical = lexical(name, "reading", base);
        if (!restricted) return lexical;
        if (rootOf(lexical, readRoots, false) == null) throw denied("reading", name, "it is outside the script's folder", "--allow-read");
        if (!Files.exists(lexical)) return lexical;      // inside, missing: the reader reports "no data file"
        Path real = real(lexical, name);
        Path root = rootOf(real, readRoots, true);
        if (root == null) {
            throw denied("reading", name, "it leads outside the script's folder through a symbolic link", "--allow-read");
        }
        if (hidden(root, real)) throw denied("reading", name, "hidden files and folders (names starting with a dot) are not read", null);
        if (!Files.isRegularFile(real)) throw denied("reading", name, "it is not a regular file", null);
        return real;
    }

    @Override
    public OutputFile create(String name) {
        Path lexical = lexical(name, "writing", outputBase);
        Path target;
        boolean existed;
        if (restricted) {
            if (rootOf(lexical, writeRoots, false) == null) throw denied("writing", name, "it is outside the script's folder", "--allow-write");
            Path parent = lexical.getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw denied("writing", name, "its folder does not exist (outputs never create folders)", null);
            }
            Path realParent = real(parent, name);
            Path root = rootOf(realParent, writeRoots, true);
            if (root == null) throw denied("writing", name, "its folder lies outside the script's folder through a symbolic link", "--allow-write");
            String file = lexical.getFileName().toString();
            target = realParent.resolve(file);
            if (file.startsWith(".") || hidden(root, realParent)) {
                throw denied("writing", name, "hidden files and folders (names starting with a dot) are not written", null);
            }
            existed = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            if (existed) {
                if (Files.isSymbolicLink(target)) throw denied("writing", name, "it is a symbolic link", null);
                if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) throw denied("writing", name, "it is not a regular file", null);
                if (!ledger.mayReplace(target)) {
                    throw denied("writing", name, "the file exists and was not written by Gradus in this session; "
                            + "a script writes new files only (delete it or choose another name)", null);
                }
            }
        } else {
            target = lexical;
            existed = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        }
        Path dir = target.getParent();
        try {
            if (!restricted) Files.createDirectories(dir);    // trusted code may name new folders

            Path tmp = newTemporary(dir, target.getFileName().toString());
            return new OutputFile(tmp, target, name, restricted ? ledger : null, existed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * A new empty file ".NAME.RANDOM.tmp" in {@code dir}, created exclusively (never through a link, never
     * over an existing file) with the permissions any new file gets from the user's umask, so the output
     * renamed onto its target is as readable as a file the user would have written (a temporary file of
     * {@link Files#createTempFile} is owner-only). It is registered with {@link TemporaryFiles} before it is
     * created, so a signal at any moment after its creation leaves nothing behind.
     */
    private static Path newTemporary(Path dir, String targetName) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + targetName + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            TemporaryFiles.register(tmp);       // before it exists: a signal right after creation still removes it
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                TemporaryFiles.release(tmp);    // someone else's file: never delete it
                if (attempt == 16) throw e;
            } catch (IOException | RuntimeException e) {
                TemporaryFiles.release(tmp);
                throw e;
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The absolute, normalized path for a script's string, relative to {@code base} (no file system access). */
    private static Path lexical(String name, String what, Path base) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException(what + " needs a file name");
        if (name.indexOf('\0') >= 0) throw denied(what, name.replace('\0', '?'), "the name contains a NUL character", null);
        try {
            Path p = Path.of(name);
            return (p.isAbsolute() ? p : base.resolve(p)).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + name + "' is not a valid file name: " + e.getReason());
        }
    }

    private static Path real(Path p, String name) {
        try {
            return p.toRealPath();
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + name + ": " + e.getMessage(), e);
        }
    }

    /** The root that contains p, comparing with the roots' lexical or real forms; null if none. */
    private static Path rootOf(Path p, List<Root> roots, boolean realForm) {
        for (Root r : roots) {
            Path root = realForm ? r.real() : r.lexical();
            if (p.startsWith(root)) return root;
        }
        return null;
    }

    /** Whether a part of p below root starts with a dot. */
    private static boolean hidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }

    private static FileAccessDeniedException denied(String what, String name, String why, String flag) {
        StringBuilder sb = new StringBuilder(what).append(" '").append(name).append("' is not allowed: ").append(why);
        if (flag != null) {
            sb.append("; a script ").append(what.equals("reading") ? "reads" : "writes")
                    .append(" only inside its own folder and its subfolders (grant another folder with ").append(flag).append(" DIR)");
        }
        return new FileAccessDeniedException(sb.toString());
    }

    /** Builds a {@link FilePolicy}; see {@link FilePolicy#forScript}. */
    public static final class Builder {
        private final Path scriptDir;
        private final List<Path> extraRead = new ArrayList<>();
        private final List<Path> extraWrite = new ArrayList<>();
        private OutputLedger ledger;
        private Path outputDir;

        private Builder(Path scriptDir) {
            if (scriptDir == null) throw new IllegalArgumentException("a file policy needs the script's folder");
            this.scriptDir = scriptDir;
        }

        /** Also allows reading inside {@code dir} (it must exist). */
        public Builder allowRead(Path dir) {
            extraRead.add(dir);
            return this;
        }

        /** Also allows writing inside {@code dir} (it must exist); it is not made readable by this. */
        public Builder allowWrite(Path dir) {
            extraWrite.add(dir);
            return this;
        }

        /**
         * Writes outputs named by relative paths ({@code trace: 'run.csv'}, {@code file: 'rosen.png'}) into
         * {@code dir} (it must exist; it becomes writable) instead of the script's folder; data files are
         * still read relative to the script's folder.
         */
        public Builder outputDirectory(Path dir) {
            this.outputDir = dir;
            return this;
        }

        /** Which existing files may be replaced; default: those written through this policy ({@link OutputLedger#inMemory()}). */
        public Builder ledger(OutputLedger ledger) {
            this.ledger = ledger;
            return this;
        }

        /**
         * The policy.
         *
         * @throws IllegalArgumentException if the script's folder or a granted folder does not exist
         */
        public FilePolicy build() {
            Path base = scriptDir.toAbsolutePath().normalize();
            List<Root> read = new ArrayList<>(), write = new ArrayList<>();
            read.add(root(base));
            write.add(root(base));
            for (Path d : extraRead) read.add(root(d));
            for (Path d : extraWrite) write.add(root(d));
            Path outputs = base;
            if (outputDir != null) {
                Root out = root(outputDir);
                write.add(out);
                outputs = out.lexical();
            }
            return new FilePolicy(base, outputs, read, write, ledger != null ? ledger : OutputLedger.inMemory(), true);
        }

        private static Root root(Path dir) {
            Path abs = dir.toAbsolutePath().normalize();
            try {
                Path real = abs.toRealPath();
                if (!Files.isDirectory(real)) throw new IllegalArgumentException(dir + " is not a folder");
                return new Root(abs, real);
            } catch (IOException e) {
                throw new IllegalArgumentException("the folder " + dir + " does not exist", e);
            }
        }
    }
}
