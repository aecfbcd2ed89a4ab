package org.gradus.daemon;

import org.gradus.eval.VectorUnit;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The resident process that runs {@code gradus run} and {@code gradus check} for the clients of one user and
 * one build (docs/daemon.md), as Gradle's daemon: its JIT and its loaded Groovy runtime outlive each run, so
 * a run costs the client's start (about as much as {@code java -version}) and the run itself.
 *
 * <p>It holds {@code KEY.lock} for its whole life (a second daemon of the same key exits at once), listens
 * on {@code KEY.sock} (owner-only folder, socket {@code rw-------}, and every peer's user checked), runs each
 * connection on a thread of its own ({@link DaemonRun}: runs from two terminals go on in parallel), and
 * exits after {@code GRADUS_DAEMON_IDLE} seconds without a run (default 600), on {@code gradus daemon
 * --stop}, when its socket file is removed, or after a run that left it unfit ({@link #retire}).
 */
public final class DaemonServer implements AutoCloseable {
    /** Seconds without a run before the daemon exits, when GRADUS_DAEMON_IDLE does not say. */
    static final long DEFAULT_IDLE_SECONDS = 600;
    /** How long no client must have been served before a step of the warm-up begins ({@link DaemonWarmUp}). */
    static final long QUIET_MILLIS = 400;

    private final DaemonPlace place;
    private final Duration idle;
    private final long started = System.currentTimeMillis();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong runs = new AtomicLong();
    private final AtomicBoolean warmed = new AtomicBoolean();
    /** The warm-up's thread, once started: its scripts' threads are its own, not a finished run's. */
    private volatile Thread warmUp;
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
    private final Object exitLock = new Object();
    private FileChannel lockFile;
    private FileLock lock;
    private ServerSocketChannel server;
    private Object socketKey;
    private volatile boolean retired;
    private final boolean exitsProcess;
    /** Script threads of this JVM from before the daemon started (a test's): not the daemon's to judge. */
    private final java.util.List<Thread> foreign = scriptThreads();

    /**
     * A daemon at {@code place} that exits after {@code idle} without a run; {@code exitsProcess} ends the JVM
     * when it stops (the daemon process), else only its threads end (tests).
     */
    DaemonServer(DaemonPlace place, Duration idle, boolean exitsProcess) {
        this.place = place;
        this.idle = idle;
        this.exitsProcess = exitsProcess;
    }

    /** The daemon process: {@code -Dgradus.daemon.dir=DIR -Dgradus.daemon.key=KEY}. */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        // the vector unit warms up in the daemon's quiet time (DaemonWarmUp), not beside a client's first data pass
        System.setProperty(VectorUnit.DEFER_WARM_UP, "true");
        ignoreTerminalSignals();
        Path dir = Path.of(System.getProperty("gradus.daemon.dir"));
        String problem = DaemonPlace.problem(dir);
        if (problem != null) {
            System.err.println("gradus daemon: " + problem);
            System.exit(1);
        }
        DaemonServer d = new DaemonServer(new DaemonPlace(dir, System.getProperty("gradus.daemon.key")),
                Duration.ofSeconds(idleSeconds(System.getenv("GRADUS_DAEMON_IDLE"))), true);
        if (!d.start()) {
            System.err.println("gradus daemon: another daemon of this build runs; exiting");
            System.exit(0);
        }
        log("started, pid " + ProcessHandle.current().pid() + ", socket " + d.place.socket());
        d.acceptLoop();
    }

    static long idleSeconds(String value) {
        try {
            if (value != null) return Math.max(1, Long.parseLong(value.strip()));
        } catch (NumberFormatException ignored) {
            // the default
        }
        return DEFAULT_IDLE_SECONDS;
    }

    /** Started with setsid it has no terminal; without setsid the terminal's Ctrl-C must not reach it. */
    private static void ignoreTerminalSignals() {
        try {
            for (String s : new String[]{"INT", "HUP"}) sun.misc.Signal.handle(new sun.misc.Signal(s), sun.misc.SignalHandler.SIG_IGN);
        } catch (RuntimeException | LinkageError ignored) {
            // not on this platform: setsid already detached it
        }
    }

    static void log(String line) {
        System.err.println(java.time.Instant.now() + " gradus daemon: " + line);
    }

    /**
     * Takes the lock and binds the socket (a stale socket file of a daemon that is gone is replaced); false when
     * another daemon of the key holds the lock. The files of other builds' daemons unused for a week go
     * ({@link DaemonLeftovers}). The idle watch starts.
     */
    boolean start() throws IOException {
        lockFile = FileChannel.open(place.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockFile.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException heldHere) {
            lock = null;                                     // this JVM holds it already
        }
        if (lock == null) {
            lockFile.close();
            return false;
        }
        Path socket = place.socket();
        Files.deleteIfExists(socket);                        // we hold the lock: any socket file there is stale
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        socketKey = Files.readAttributes(socket, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        int cleared = DaemonLeftovers.remove(place.dir(), place.key(), Instant.now());
        if (cleared > 0) log("removed the files of " + cleared + " daemon(s) of other builds, unused for a week");
        Thread watch = new Thread(this::watchIdle, "gradus-daemon-idle");
        watch.setDaemon(true);
        watch.start();
        return true;
    }

    /** Accepts connections until the daemon stops. */
    void acceptLoop() {
        while (!retired) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (IOException e) {
                if (!retired) retire("the socket failed: " + e);
                break;
            }
            if (!samePeerUser(ch)) {
                close(ch);
                continue;
            }
            lastActivity.set(System.nanoTime());
            inFlight.incrementAndGet();
            Thread t = new Thread(() -> {
                try {
                    new DaemonRun(ch, this).serve();
                    warmUp();
                } finally {
                    close(ch);
                    runs.incrementAndGet();
                    lastActivity.set(System.nanoTime());
                    boolean last = inFlight.decrementAndGet() == 0;
                    synchronized (exitLock) {
                        exitLock.notifyAll();                // finish() and the warm-up wait for no run in flight
                    }
                    if (last) checkFitness();
                }
            }, "gradus-daemon-run-" + runs.get());
            t.start();
        }
        finish();
    }

    /**
     * Once, after the first command served: {@link DaemonWarmUp} (the REPL, new scripts). Only in the
     * daemon process: a daemon inside another JVM (a test's, the archive's training) leaves that JVM's CPU alone.
     */
    private void warmUp() {
        if (exitsProcess && !warmed.getAndSet(true)) warmUp = DaemonWarmUp.start(place, this::awaitQuiet, DaemonServer::log);
    }

    /**
     * Returns once no command or REPL session has been served for {@link #QUIET_MILLIS} (or the daemon stops): a
     * script that runs commands one after another (each client's start is ~0.1 s) is not slowed by the warm-up.
     */
    private void awaitQuiet() throws InterruptedException {
        synchronized (exitLock) {
            while (!retired) {
                long quietFor = (System.nanoTime() - lastActivity.get()) / 1_000_000;
                if (inFlight.get() > 0) exitLock.wait();
                else if (quietFor < QUIET_MILLIS) exitLock.wait(QUIET_MILLIS - quietFor);
                else return;
            }
        }
    }

    /** Starts {@link #acceptLoop} on a thread of its own (tests). */
    void acceptInBackground() {
        Thread t = new Thread(this::acceptLoop, "gradus-daemon-accept");
        t.setDaemon(true);
        t.start();
    }

    /** The peer runs as our user (SO_PEERCRED); the owner-only folder already ensures it, this checks again. */
    private static boolean samePeerUser(SocketChannel ch) {
        try {
            jdk.net.UnixDomainPrincipal peer = ch.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED);
            String me = System.getProperty("user.name");
            return peer.user().getName().equals(me) || peer.user().getName().equals(String.valueOf(DaemonPlace.myUid()));
        } catch (IOException | UnsupportedOperationException e) {
            return true;                                     // not available: the folder's permissions stand
        }
    }

    /**
     * After a run (and after the warm-up, if it still runs): a heap still mostly full after a collection (the
     * run exhausted memory), or a script thread that did not stop, makes the daemon unfit: it retires and the next client starts a fresh one.
     */
    private void checkFitness() {
        Runtime rt = Runtime.getRuntime();
        if (rt.totalMemory() - rt.freeMemory() > rt.maxMemory() * 0.6) {
            System.gc();
            if (rt.totalMemory() - rt.freeMemory() > rt.maxMemory() * 0.6) {
                retire("the heap stays " + (rt.totalMemory() - rt.freeMemory()) / (1 << 20) + " MB full after a run");
                return;
            }
        }
        try {
            Thread w = warmUp;
            if (w != null) w.join(60_000);                  // the warm-up's script threads are not a finished run's
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (Thread t : scriptThreads()) {
            if (foreign.contains(t)) continue;
            try {
                t.join(2000);                                // a finished run's thread may still be on its way out
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (t.isAlive()) {
                retire("a script's thread did not stop: " + t.getName());
                return;
            }
        }
    }

    /** The threads that run scripts ({@code BoundedRun}'s), alive now. */
    private static java.util.List<Thread> scriptThreads() {
        Thread[] threads = new Thread[Thread.activeCount() + 16];
        int n = Thread.enumerate(threads);
        java.util.List<Thread> found = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (threads[i].getName().startsWith("gradus-script-") && threads[i].isAlive()) found.add(threads[i]);
        }
        return found;
    }

    /** Stops accepting runs (the socket goes; the next client starts a new daemon); exits once none is in flight. */
    void retire(String why) {
        synchronized (exitLock) {
            if (retired) return;
            retired = true;
            exitLock.notifyAll();
        }
        log("stopping: " + why);
        try {
            if (ownsSocketFile()) Files.deleteIfExists(place.socket());
            server.close();                                  // ends accept()
        } catch (IOException ignored) {
            // exiting anyway
        }
    }

    private boolean ownsSocketFile() {
        try {
            Object k = Files.readAttributes(place.socket(), java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS).fileKey();
            return k != null && k.equals(socketKey);
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits for the runs in flight (at most 10 s), frees the lock, and ends the process if it is the daemon's. */
    private void finish() {
        long until = System.nanoTime() + 10_000_000_000L;
        synchronized (exitLock) {
            while (inFlight.get() > 0 && System.nanoTime() < until) {
                try {
                    exitLock.wait(100);
                } catch (InterruptedException e) {
                    break;
                }
            }
        }
        try {
            lock.release();
            lockFile.close();
        } catch (IOException ignored) {
            // the process ends: the lock goes with it
        }
        if (exitsProcess) {
            log("exited");
            System.exit(0);
        }
    }

    /** Every second: idle long enough, or the socket file removed or replaced, retires the daemon. */
    private void watchIdle() {
        while (!retired) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            if (inFlight.get() == 0 && System.nanoTime() - lastActivity.get() > idle.toNanos()) {
                retire("idle for " + idle.toSeconds() + " s");
            } else if (!ownsSocketFile()) {
                retire("its socket file was removed or replaced");
            }
        }
    }

    /** What {@code gradus daemon --status} prints. */
    String status() {
        return "gradus daemon: running, pid " + ProcessHandle.current().pid() + ", up "
                + (System.currentTimeMillis() - started) / 1000 + " s, " + runs.get() + " runs done, " + (inFlight.get() - 1)
                + " other runs now, exits after " + idle.toSeconds() + " s idle (GRADUS_DAEMON_IDLE); socket "
                + place.socket() + ", log " + place.log() + "\n";
    }

    boolean retired() {
        return retired;
    }

    /** The commands and REPL sessions being served now. */
    int inFlight() {
        return inFlight.get();
    }

    DaemonPlace place() {
        return place;
    }

    @Override
    public void close() {
        retire("closed");
    }

    private static void close(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // gone already
        }
    }
}
