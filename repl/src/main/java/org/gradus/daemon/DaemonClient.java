package org.gradus.daemon;

import org.gradus.cli.ClientTerminal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The launcher's main class for {@code gradus run}, {@code gradus check} and {@code gradus daemon}: sends
 * the command to the user's resident daemon of this build ({@link DaemonServer}; started on the first run)
 * and copies its stdout, stderr and exit code back exactly. When the daemon is turned off ({@code
 * --no-daemon}, {@code GRADUS_DAEMON=0}), cannot be used (its folder is refused: see {@link DaemonPlace}) or
 * cannot be reached, the command runs in this process as before ({@link org.gradus.cli.Main}), silently
 * unless {@code --debug}.
 *
 * <p>This class and what it uses load only JDK classes: the client starts about as fast as {@code java
 * -version}; Groovy is loaded only when the command runs here.
 */
public final class DaemonClient {
    /** How long a client waits for a daemon it started to listen, before it runs the command itself. */
    private static final long START_WAIT_NANOS = 20_000_000_000L;
    /** The variables a run reads from its environment (besides GRADUS_*), sent with each command. */
    private static final String[] PASSED = {"HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR", "COLUMNS"};
    /** The launcher's {@code stty size} ("ROWS COLUMNS") of the terminal of a {@code run} whose stdin and stdout are one. */
    static final String SIZE = "GRADUS_CLIENT_TTY_SIZE";

    private DaemonClient() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        if (args.length > 0 && args[0].equals("daemon")) System.exit(DaemonControl.command(args, env));
        boolean debug = Arrays.asList(args).contains("--debug");
        String why = reasonToRunHere(args, env);
        if (why == null) {
            Result r = viaDaemon(args, env);
            if (r.code != null) {
                System.exit(r.code);
            }
            why = r.why;
        }
        if (debug) System.err.println("gradus: running in this process: " + why);
        org.gradus.cli.Main.main(args);
    }

    /** Why this command runs in this process, or null when the daemon may run it. */
    static String reasonToRunHere(String[] args, Map<String, String> env) {
        if ("0".equals(env.get("GRADUS_DAEMON"))) return "GRADUS_DAEMON=0";
        if (args.length == 0 || !(args[0].equals("run") || args[0].equals("check"))) return "not a run or check";
        for (String a : args) {
            if (a.equals("--no-daemon")) return "--no-daemon";
            if (a.equals("--master")) return "--master runs Spark in this process";
        }
        if (drawsOnTerminal(args, System.console() != null) && terminal(env) == null) {
            return "on a terminal whose type or size is unknown (TERM unset or dumb, or no " + SIZE + " from the launcher)";
        }
        return null;
    }

    /** Whether {@code run} with these arguments would draw pictures and progress on the client's terminal. */
    static boolean drawsOnTerminal(String[] args, boolean console) {
        return console && args[0].equals("run") && !Arrays.asList(args).contains("--json");
    }

    /** The client's terminal described from the launcher's {@value #SIZE}, TERM and COLORTERM; null if unknown. */
    static ClientTerminal terminal(Map<String, String> env) {
        return ClientTerminal.parse(env.get(SIZE), env.get("TERM"), env.get("COLORTERM"));
    }

    /** An exit code from the daemon, or null and why the command must run here. */
    record Result(Integer code, String why) {
    }

    private static Result viaDaemon(String[] args, Map<String, String> env) {
        var launch = DaemonLaunch.ofThisJvm(env);
        if (launch.isEmpty()) return new Result(null, "this JVM's command line cannot be read");
        Path dir = DaemonPlace.folder(env);
        String problem = DaemonPlace.problem(dir);
        if (problem != null) return new Result(null, problem);
        DaemonPlace place = new DaemonPlace(dir, launch.get().key());
        SocketChannel ch = connect(place);
        if (ch == null) {
            try {
                ch = startAndConnect(place, launch.get());
            } catch (IOException e) {
                return new Result(null, "cannot start the daemon: " + e.getMessage());
            }
            if (ch == null) return new Result(null, "the daemon did not start (see " + place.log() + ")");
        }
        boolean console = System.console() != null;
        return send(ch, args, env, Path.of("").toAbsolutePath(), console, console ? terminal(env) : null, processStart(),
                new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err), place);
    }

    /** A connection to the daemon at {@code place}, or null when none listens there. */
    static SocketChannel connect(DaemonPlace place) {
        if (!Files.exists(place.socket())) return null;
        try {
            return SocketChannel.open(UnixDomainSocketAddress.of(place.socket()));
        } catch (IOException | RuntimeException e) {
            return null;                                        // refused: a stale socket; the new daemon replaces it
        }
    }

    /** Starts the daemon, detached (its own session, stdio in its log), and connects once it listens. */
    static SocketChannel startAndConnect(DaemonPlace place, DaemonLaunch launch) throws IOException {
        Path log = place.log();
        if (Files.exists(log) && Files.size(log) > (1 << 20)) Files.delete(log);     // keep the log small
        var command = new java.util.ArrayList<String>();
        for (String setsid : new String[]{"/usr/bin/setsid", "/bin/setsid"}) {
            if (Files.isExecutable(Path.of(setsid))) {
                command.add(setsid);
                break;
            }
        }
        command.addAll(launch.command().subList(0, 1));
        command.add("-Dgradus.daemon.dir=" + place.dir());
        command.add("-Dgradus.daemon.key=" + place.key());
        command.addAll(launch.command().subList(1, launch.command().size()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(place.dir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        Process p = pb.start();
        int spawned = 1;
        long until = System.nanoTime() + START_WAIT_NANOS;
        while (System.nanoTime() < until) {
            SocketChannel ch = connect(place);
            if (ch != null) return ch;
            if (!p.isAlive()) {
                // ours found the lock held: by a daemon starting (it binds soon) or one stopping (gone soon)
                if (spawned == 3) return null;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return null;
                }
                if ((ch = connect(place)) != null) return ch;
                p = pb.start();
                spawned++;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * Sends the command and copies the daemon's frames to {@code out} and {@code err}; the exit code, or null
     * (with why) when the daemon asked the client to run it itself or went away before answering.
     */
    static Result send(SocketChannel ch, String[] args, Map<String, String> env, Path cwd, boolean console,
                       ClientTerminal terminal, long start, OutputStream out, OutputStream err, DaemonPlace place) {
        boolean answered = false;
        try (ch) {
            DataOutputStream to = new DataOutputStream(new java.io.BufferedOutputStream(Wire.out(ch), 4096));
            to.writeInt(Wire.MAGIC);
            to.writeByte(Wire.RUN);
            to.writeUTF(cwd.toString());
            to.writeInt(args.length);
            for (String a : args) to.writeUTF(a);
            Map<String, String> passed = new TreeMap<>();
            for (var e : env.entrySet()) if (e.getKey().startsWith("GRADUS_")) passed.put(e.getKey(), e.getValue());
            for (String k : PASSED) if (env.get(k) != null) passed.put(k, env.get(k));
            to.writeInt(passed.size());
            for (var e : passed.entrySet()) {
                to.writeUTF(e.getKey());
                to.writeUTF(e.getValue());
            }
            to.writeBoolean(console);
            to.writeLong(start);
            to.writeUTF(charset("sun.stdout.encoding"));
            to.writeUTF(charset("sun.stderr.encoding"));
            to.writeBoolean(terminal != null);
            if (terminal != null) {
                to.writeUTF(terminal.type());
                to.writeUTF(terminal.colorterm() == null ? "" : terminal.colorterm());
                to.writeInt(terminal.columns());
                to.writeInt(terminal.rows());
            }
            to.flush();
            DataInputStream from = new DataInputStream(new java.io.BufferedInputStream(Wire.in(ch), 1 << 14));
            boolean outClosed = false;
            byte[] buf = new byte[8192];
            while (true) {
                byte type = from.readByte();
                answered = true;
                switch (type) {
                    case Wire.OUT, Wire.ERR -> {
                        int len = from.readInt();
                        if (len > buf.length) buf = new byte[Math.max(len, 2 * buf.length)];
                        from.readFully(buf, 0, len);
                        if (type == Wire.ERR) {
                            err.write(buf, 0, len);
                        } else if (!outClosed) {
                            try {
                                out.write(buf, 0, len);
                            } catch (IOException closed) {            // our reader went away (| head -1)
                                outClosed = true;
                                to.writeByte(Wire.OUTPUT_CLOSED);
                                to.flush();
                            }
                        }
                    }
                    case Wire.EXIT -> {
                        return new Result(from.readInt(), null);
                    }
                    case Wire.FALLBACK -> {
                        return new Result(null, "the daemon: " + from.readUTF());
                    }
                    default -> throw new IOException("unknown frame " + type);
                }
            }
        } catch (IOException e) {
            if (!answered) return new Result(null, "the daemon went away: " + e);
            try {
                err.write(("gradus: the daemon ended during the run (its log: " + place.log()
                        + "); run again, or with --no-daemon\n").getBytes(Charset.defaultCharset()));
            } catch (IOException ignored) {
                // nothing more to say
            }
            return new Result(1, null);
        }
    }

    /** The charset this JVM's System.out / System.err would print in (the console's, else the default). */
    private static String charset(String property) {
        String c = System.getProperty(property);
        return c != null && Charset.isSupported(c) ? c : Charset.defaultCharset().name();
    }

    /** The start of this JVM on the {@link System#nanoTime()} clock, as {@code Main} takes it for {@code --timeout}. */
    private static long processStart() {
        long now = System.nanoTime();
        return ProcessHandle.current().info().startInstant()
                .map(t -> now - Math.max(0, java.time.Duration.between(t, java.time.Instant.now()).toNanos()))
                .orElse(now);
    }
}
