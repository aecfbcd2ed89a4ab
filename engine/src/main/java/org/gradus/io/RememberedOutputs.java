package org.gradus.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An {@link OutputLedger} that remembers across runs which files Gradus wrote, so running a script
 * again may replace its own pictures and traces (as {@code savefig} does) while a file Gradus did not
 * write — or one changed since Gradus wrote it — is still never replaced.
 *
 * <p>Each written file has one record in the ledger's folder: the file's real path and the SHA-256 of
 * the content Gradus wrote, named by the SHA-256 of the path. A file may be replaced only if its record
 * exists and its current content still has the recorded digest: a file the user edited, or one another
 * program put at that path, is kept. The folder is the user's own ({@code ~/.cache/gradus/outputs}
 * beside the script cache), created owner-only and refused (this ledger then remembers nothing beyond
 * the run) if it belongs to another user or others may write it, since whoever writes records could
 * let a script replace any file.
 */
public final class RememberedOutputs implements OutputLedger {
    private final Path dir;
    private final OutputLedger thisRun = OutputLedger.inMemory();

    private RememberedOutputs(Path dir) {
        this.dir = dir;
    }

    /**
     * The ledger whose records live in {@code dir} (created owner-only if missing); an in-memory ledger
     * (nothing remembered across runs) if {@code dir} is null or cannot be trusted.
     */
    public static OutputLedger in(Path dir) {
        Path own = OwnFolder.openOrNull(dir);
        return own == null ? OutputLedger.inMemory() : new RememberedOutputs(own);
    }

    @Override
    public boolean mayReplace(Path file) {
        if (thisRun.mayReplace(file)) return true;
        try {
            Path record = recordOf(file);
            if (!Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS)) return false;
            String[] lines = Files.readString(record, StandardCharsets.UTF_8).split("\n", -1);
            return lines.length >= 2 && lines[0].equals(file.toString()) && lines[1].equals(digestOf(file));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void written(Path file) {
        thisRun.written(file);
        try {
            Path record = recordOf(file);
            Path tmp = Files.createTempFile(dir, ".record.", ".tmp");
            try {
                Files.writeString(tmp, file + "\n" + digestOf(file) + "\n", StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, record, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // not remembered beyond this run: the next run will refuse to replace the file, as it would anyway
        }
    }

    private Path recordOf(Path file) {
        return dir.resolve(hex(sha256().digest(file.toString().getBytes(StandardCharsets.UTF_8))));
    }

    private static String digestOf(Path file) throws IOException {
        MessageDigest md = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buffer)) > 0; ) md.update(buffer, 0, n);
        }
        return hex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
