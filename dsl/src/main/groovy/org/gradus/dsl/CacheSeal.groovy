package org.gradus.dsl

import groovy.transform.CompileStatic
import groovy.transform.stc.POJO

import java.nio.file.FileAlreadyExistsException
import java.nio.file.Files
import java.nio.file.LinkOption
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermission
import java.nio.file.attribute.PosixFilePermissions
import java.security.MessageDigest
import java.security.SecureRandom

/**
 * The seal of a compiled-script cache: every entry ends with an HMAC-SHA256 of its contents under a
 * secret key kept in the cache directory ({@value #FILE}, 32 random bytes, owner-only), so an entry is
 * loaded only if Gradus wrote it with that key. A class file dropped into the cache by anything else — a
 * script that found a way to write there, another program — fails the seal and is never defined. (Whoever
 * can read the key can forge entries; the key is as private as the directory, which must be the user's
 * own and closed to group and others: see {@link ScriptCache}.)
 */
@CompileStatic
@POJO       // no metaclass: one less to make on every cached run (docs/benchmarks.md, "Start-up")
final class CacheSeal {
    /** The key's file name in the cache directory. */
    static final String FILE = 'seal.key'
    static final int KEY_BYTES = 32
    /** Bytes of a seal at the end of an entry. */
    static final int SEAL_BYTES = 32

    private final byte[] key

    private CacheSeal(byte[] key) {
        this.key = key
    }

    /**
     * The seal of the cache in {@code dir}: its key, made (random, owner-only, atomically: the first
     * process to make it wins) when there is none. Null when the key cannot be read or made, or its file
     * is not the user's private one; the cache is then off.
     */
    static CacheSeal open(Path dir) {
        Path file = dir.resolve(FILE)
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !private_(file)) return null
                    byte[] k = Files.readAllBytes(file)
                    return k.length == KEY_BYTES ? new CacheSeal(k) : null
                }
                byte[] fresh = new byte[KEY_BYTES]
                new SecureRandom().nextBytes(fresh)
                Path tmp = Files.createTempFile(dir, 'seal', '.tmp')          // rw------- on POSIX
                try {
                    Files.write(tmp, fresh)
                    Files.createLink(file, tmp)                              // fails if another process made one first
                    return new CacheSeal(fresh)
                } catch (FileAlreadyExistsException ignored) {
                    // someone else made it: read theirs
                } catch (UnsupportedOperationException ignored) {
                    return null                                              // no hard links here: no cache
                } finally {
                    Files.deleteIfExists(tmp)
                }
            } catch (IOException | SecurityException ignored) {
                return null
            }
        }
        null
    }

    /** Not readable or writable by group or others (where the file system tells). */
    private static boolean private_(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)
            return PosixFilePermissions.toString(p).substring(3) == '------'
        } catch (UnsupportedOperationException ignored) {
            return true
        }
    }

    /** The seal of {@code length} bytes of {@code data} from {@code offset}: their HMAC-SHA256 under the key. */
    byte[] seal(byte[] data, int offset, int length) {
        hmacSha256(key, data, offset, length)
    }

    private static final int BLOCK = 64     // SHA-256's block size in bytes

    /**
     * HMAC-SHA256 (RFC 2104, FIPS 198-1) of {@code length} bytes of {@code data} from {@code offset}, written
     * out over the JDK's SHA-256: H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)). The same bytes as {@code javax.crypto.Mac}
     * gives (CacheSealSpec checks both against RFC 4231's vectors), without starting the JCE framework and its
     * providers, which cost a noticeable part of every cached run's start-up (docs/benchmarks.md, "Start-up").
     */
    static byte[] hmacSha256(byte[] key, byte[] data, int offset, int length) {
        MessageDigest sha = MessageDigest.getInstance('SHA-256')
        byte[] k = key.length > BLOCK ? sha.digest(key) : key
        byte[] inner = new byte[BLOCK], outer = new byte[BLOCK]
        for (int i = 0; i < BLOCK; i++) {
            int b = i < k.length ? k[i] : 0
            inner[i] = (byte) (b ^ 0x36)
            outer[i] = (byte) (b ^ 0x5c)
        }
        sha.update(inner)
        sha.update(data, offset, length)
        byte[] innerHash = sha.digest()
        sha.update(outer)
        sha.update(innerHash)
        sha.digest()
    }

    /** Whether {@code entry} ends with the seal of the rest of it (compared in constant time). */
    boolean sealed(byte[] entry) {
        if (entry.length < SEAL_BYTES) return false
        byte[] expected = seal(entry, 0, entry.length - SEAL_BYTES)
        MessageDigest.isEqual(expected, Arrays.copyOfRange(entry, entry.length - SEAL_BYTES, entry.length))
    }
}
