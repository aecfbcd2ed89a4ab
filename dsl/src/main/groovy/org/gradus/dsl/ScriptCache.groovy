package org.gradus.dsl

import groovy.transform.CompileStatic
import groovy.transform.stc.POJO
import org.gradus.io.OwnFolder

import java.nio.charset.StandardCharsets
import java.nio.file.AtomicMoveNotSupportedException
import java.nio.file.DirectoryStream
import java.nio.file.Files
import java.nio.file.LinkOption
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.nio.file.attribute.FileTime
import java.security.MessageDigest
import java.util.regex.Pattern
import java.util.stream.Stream

/**
 * The compiled-script cache of {@code gradus run}, like Python's {@code .pyc} files: the classes a script
 * compiles to (the script class and one class per closure) are stored under a key that covers everything
 * the bytecode depends on, and a later run of the same, unchanged script loads them instead of compiling.
 * The compiler is not touched on that path, which saves most of a short run's start-up.
 *
 * <p>The key is a SHA-256 over the source text, the name the script is compiled under
 * ({@link GradusSession#compiledName}), the sandbox and interactive flags, the Gradus version, the Groovy
 * and Java versions and an identity of the Gradus build (path, size and time of the jar holding the DSL
 * classes, or of the class files when run from a build directory), so a rebuilt jar invalidates every
 * entry. An entry is one file {@code KEY.gsc} holding the key, the script class's name, every class's bytes
 * and a seal: an HMAC-SHA256 of all that under the directory's secret key ({@link CacheSeal}), so that only
 * what Gradus wrote is ever loaded; an entry that fails the seal, belongs to another key or holds a class
 * other than the script's own and its closures is deleted. It is written to a temporary file in the same
 * directory and moved into place atomically, so a reader sees a whole entry or none. Only scripts that compiled without error (with the
 * sandbox on, when the key says so) are stored. The directory keeps the {@link #MAX_ENTRIES} most recently
 * used entries.
 *
 * <p>Every failure (unreadable, unwritable, corrupt, truncated, foreign entry, no directory) makes the
 * cache miss or skip the write silently; the caller then compiles as it would without a cache.
 *
 * <p><b>Trust.</b> The loaded classes run in the Gradus process unchecked, so the directory is trusted like
 * {@code ~/.gradus_history} or the Gradus jar itself: whoever can write to it can run code as the user.
 * It is created owner-only ({@code rwx------}); a directory owned by another user, or writable by group or
 * others, is not used at all.
 */
@CompileStatic
@POJO       // no metaclass: one less to make on every cached run (docs/benchmarks.md, "Start-up")
final class ScriptCache {
    /** Entries kept; the least recently used beyond this are deleted after each write. */
    static final int MAX_ENTRIES = 200
    /** Entries larger than this are not read (a script's classes are a few kilobytes). */
    static final long MAX_ENTRY_BYTES = 32L << 20
    private static final String MAGIC = 'gradus-script-cache'
    private static final int FORMAT = 2
    static final String SUFFIX = '.gsc'
    private static final String TMP_SUFFIX = '.tmp'

    /** The directory of the entries. */
    final Path dir
    private final CacheSeal seal

    private ScriptCache(Path dir, CacheSeal seal) {
        this.dir = dir
        this.seal = seal
    }

    /**
     * The directory the command line uses, from the environment: {@code GRADUS_CACHE=0} turns the cache
     * off (null), {@code GRADUS_CACHE_DIR} names the directory, otherwise
     * {@code ${XDG_CACHE_HOME:-$HOME/.cache}/gradus/scripts}.
     */
    static Path defaultDir(Map<String, String> env) {
        try {
            String onOff = env.get('GRADUS_CACHE')
            if (onOff != null && '0'.equals(onOff.trim())) return null
            String own = env.get('GRADUS_CACHE_DIR')
            if (own != null && !own.isEmpty()) return Path.of(own)
            String xdg = env.get('XDG_CACHE_HOME')
            Path base
            if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
                base = Path.of(xdg)
            } else {
                String home = env.get('HOME')
                if (home == null || home.isEmpty()) home = System.getProperty('user.home')
                if (home == null || home.isEmpty()) return null
                base = Path.of(home, '.cache')
            }
            return base.resolve('gradus').resolve('scripts')
        } catch (RuntimeException ignored) {
            return null
        }
    }

    /**
     * The cache in {@code dir}, created (owner-only) if missing; null when the directory cannot be used
     * (cannot be created, is not a directory, belongs to another user, or is writable by group or others)
     * or the Gradus build cannot be identified.
     */
    static ScriptCache open(Path dir) {
        if (dir == null || BuildIdentity.VALUE == null) return null
        try {
            if (OwnFolder.openOrNull(dir) == null) return null
            CacheSeal seal = CacheSeal.open(dir)
            return seal == null ? null : new ScriptCache(dir, seal)
        } catch (Exception ignored) {
            return null
        }
    }

    /** The key of a compilation: lower-case hex SHA-256 of everything the bytecode depends on. */
    String key(String source, String compiledName, boolean sandboxed, boolean interactive) {
        MessageDigest md = MessageDigest.getInstance('SHA-256')
        field(md, MAGIC.concat('/').concat(Integer.toString(FORMAT)))
        field(md, BuildIdentity.VALUE)
        field(md, compiledName)
        field(md, (sandboxed ? 'sandboxed' : 'not sandboxed').concat(interactive ? ', interactive' : ', not interactive'))
        field(md, source)
        hex(md.digest())
    }

    private static void field(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8)
        int n = b.length
        md.update([(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n] as byte[])
        md.update(b)
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2)
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16))
        }
        sb.toString()
    }

    Path entry(String key) {
        dir.resolve(key.concat(SUFFIX))
    }

    /**
     * The classes stored under {@code key}, or null. An entry that is not exactly what Gradus wrote for this
     * key — a wrong or missing seal ({@link CacheSeal}), another key's, truncated, or holding a class whose
     * name is not the script's own class or one of its closures — is never defined, and is deleted.
     */
    Compiled load(String key) {
        Path p = entry(key)
        try {
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) return null
            if (Files.size(p) > MAX_ENTRY_BYTES) return discard(p)
            byte[] all = Files.readAllBytes(p)
            if (!seal.sealed(all)) return discard(p)
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, 0, all.length - CacheSeal.SEAL_BYTES))
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT || !key.equals(in.readUTF())) return discard(p)
            String main = in.readUTF()
            int n = in.readInt()
            if (n <= 0 || n > 100_000) return discard(p)
            Map<String, byte[]> classes = new LinkedHashMap<>()
            for (int i = 0; i < n; i++) {
                String name = in.readUTF()
                int len = in.readInt()
                if (len <= 0 || len > in.available()) return discard(p)
                byte[] bytes = new byte[len]
                in.readFully(bytes)
                classes.put(name, bytes)
            }
            if (in.available() != 0 || !ownClasses(main, classes.keySet())) return discard(p)
            touch(p)
            return new Compiled(main, classes)
        } catch (Exception ignored) {
            return discard(p)
        }
    }

    /**
     * Whether the names are those a script compiles to: its class {@code Gradus_NAME} (see
     * {@link GradusSession#compiledName}) and classes nested in it ({@code Gradus_NAME$_run_closure1}).
     */
    static boolean ownClasses(String main, Set<String> names) {
        if (!MAIN_NAME.matcher(main).matches() || !names.contains(main)) return false
        for (String n : names) {            // a loop, not a closure: this runs on every cached run
            if (!(n == main || n.startsWith(main + '$') && NESTED_SUFFIX.matcher(n.substring(main.length())).matches())) return false
        }
        true
    }

    // java.util.regex directly: Groovy's ==~ initialises its FormatHelper, which makes the compiler's
    // ResolveVisitor scan the JDK's packages for default imports, about a third of a cached run's time
    private static final Pattern MAIN_NAME = Pattern.compile('Gradus_[A-Za-z0-9_]+')
    private static final Pattern NESTED_SUFFIX = Pattern.compile('[A-Za-z0-9_$]+')

    /** Deletes an entry that Gradus did not write as it is; returns null (no classes). */
    private static Compiled discard(Path p) {
        try {
            Files.deleteIfExists(p)
        } catch (Exception ignored) {
        }
        null
    }

    /** Stores {@code compiled} under {@code key} (atomically), then trims the directory; never throws. */
    boolean store(String key, Compiled compiled) {
        Path tmp = null
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream(4096)
            DataOutputStream out = new DataOutputStream(buf)
            out.writeUTF(MAGIC)
            out.writeInt(FORMAT)
            out.writeUTF(key)
            out.writeUTF(compiled.mainClass)
            out.writeInt(compiled.classes.size())
            for (Map.Entry<String, byte[]> e : compiled.classes.entrySet()) {
                out.writeUTF(e.key)
                out.writeInt(e.value.length)
                out.write(e.value)
            }
            out.flush()
            byte[] body = buf.toByteArray()
            if (!ownClasses(compiled.mainClass, compiled.classes.keySet())) return false
            byte[] sum = seal.seal(body, 0, body.length)
            tmp = Files.createTempFile(dir, key, TMP_SUFFIX)          // rw------- on POSIX
            OutputStream os = Files.newOutputStream(tmp)
            try {
                os.write(body)
                os.write(sum)
            } finally {
                os.close()
            }
            Files.move(tmp, entry(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING)
            tmp = null
            prune()
            return true
        } catch (AtomicMoveNotSupportedException ignored) {
            return false
        } catch (Exception ignored) {
            return false
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp)
                } catch (Exception ignored) {
                }
            }
        }
    }

    /** Marks an entry as just used (the directory keeps the most recently used ones). */
    private static void touch(Path p) {
        try {
            Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis()))
        } catch (Exception ignored) {
        }
    }

    /** Deletes the least recently used entries beyond {@link #MAX_ENTRIES} and temporary files an hour old. */
    void prune() {
        try {
            List<Path> entries = []
            long hourAgo = System.currentTimeMillis() - 3_600_000L
            DirectoryStream<Path> ds = Files.newDirectoryStream(dir)
            try {
                for (Path p : ds) {
                    String n = p.fileName.toString()
                    if (n.endsWith(SUFFIX)) {
                        entries << p
                    } else if (n.endsWith(TMP_SUFFIX) && mtime(p) < hourAgo) {
                        Files.deleteIfExists(p)
                    }
                }
            } finally {
                ds.close()
            }
            if (entries.size() <= MAX_ENTRIES) return
            Map<Path, Long> times = entries.collectEntries { Path p -> [(p): mtime(p)] }
            entries.sort { Path a, Path b -> times[b] <=> times[a] }
            for (Path p : entries.subList(MAX_ENTRIES, entries.size())) {
                try {
                    Files.deleteIfExists(p)
                } catch (Exception ignored) {
                }
            }
        } catch (Exception ignored) {
        }
    }

    private static long mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis()
        } catch (Exception ignored) {
            return 0L
        }
    }

    /** A script compiled to classes: the script class's name and every class's bytes, by name. */
    @POJO
    static final class Compiled {
        final String mainClass
        final Map<String, byte[]> classes

        Compiled(String mainClass, Map<String, byte[]> classes) {
            this.mainClass = mainClass
            this.classes = classes
        }

        /** Defines the classes in one new loader under {@code parent}; returns the script class. */
        Class<?> define(ClassLoader parent) {
            ScriptLoader loader = new ScriptLoader(parent, classes)
            Class<?> main = null
            for (String name : classes.keySet()) {
                Class<?> c = loader.loadClass(name)
                if (name.equals(mainClass)) main = c
            }
            main
        }
    }

    /** Defines a compiled script's classes; everything else comes from the Gradus class loader. */
    @POJO
    static final class ScriptLoader extends ClassLoader {
        private final Map<String, byte[]> classes

        ScriptLoader(ClassLoader parent, Map<String, byte[]> classes) {
            super(parent)
            this.classes = classes
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name)
            if (b == null) throw new ClassNotFoundException(name)
            defineClass(name, b, 0, b.length)
        }
    }

    /**
     * What identifies this Gradus build: the versions that shape the bytecode, and the location, size and
     * time of the jar that holds the DSL classes (the launcher touches the jar on every build), or, when
     * running from a build directory, the count, total size and newest time of its class files. Null when it
     * cannot be told; the cache is then off.
     */
    static final class BuildIdentity {
        static final String VALUE = compute()

        private static String compute() {
            try {
                URL location = ScriptCache.protectionDomain?.codeSource?.location
                if (location == null) return null
                Path p = Path.of(location.toURI())
                StringBuilder sb = new StringBuilder()
                sb.append('gradus ').append(version()).append('; groovy ').append(GroovySystem.version)
                        .append('; java ').append(System.getProperty('java.specification.version')).append('; ')
                if (Files.isRegularFile(p)) {
                    sb.append(p.toAbsolutePath()).append(' ').append(Files.size(p)).append(' ')
                            .append(Files.getLastModifiedTime(p).to(java.util.concurrent.TimeUnit.NANOSECONDS))
                } else if (Files.isDirectory(p)) {
                    long count = 0, size = 0, newest = 0
                    Stream<Path> files = Files.walk(p)
                    try {
                        Iterator<Path> it = files.iterator()
                        while (it.hasNext()) {
                            Path f = it.next()
                            if (!f.toString().endsWith('.class')) continue
                            count++
                            size += Files.size(f)
                            newest = Math.max(newest, Files.getLastModifiedTime(f).to(java.util.concurrent.TimeUnit.NANOSECONDS))
                        }
                    } finally {
                        files.close()
                    }
                    sb.append(p.toAbsolutePath()).append(' ').append(count).append(' ').append(size).append(' ').append(newest)
                } else {
                    return null
                }
                return sb.toString()
            } catch (Exception ignored) {
                return null
            }
        }

        /** The version in the jar's manifest or Maven descriptor, if any. */
        private static String version() {
            Package pkg = ScriptCache.getPackage()
            String v = pkg == null ? null : pkg.implementationVersion
            if (v != null && !v.isEmpty()) return v
            InputStream in = ScriptCache.getResourceAsStream('/META-INF/maven/org.gradus/gradus-dsl/pom.properties')
            if (in == null) return 'dev'
            try {
                Properties props = new Properties()
                props.load(in)
                return props.getProperty('version', 'dev')
            } finally {
                in.close()
            }
        }
    }
}
