package org.gradus.daemon;

import org.gradus.cli.ClientTerminal;

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
 * The launcher's main class for {@code gradus run}, {@code gradus check}, {@code gradus daemon} and the REPL at
 * a terminal ({@code gradus}): sends the command to the user's resident daemon of this build ({@link
 * DaemonServer}; started on the first run) and copies its stdout, stderr and exit code back exactly (for the
 * REPL, relays the terminal: {@link ReplRelay}). When the daemon is turned off ({@code
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
        if (args.length == 0) return replReasonToRunHere(env, System.console() != null);
        if (!(args[0].equals("run") || args[0].equals("check"))) return "not a run, check or REPL";
        for (String a : args) {
            if (a.equals("--no-daemon")) return "--no-daemon";
            if (a.equals("--master")) return "--master runs Spark in this process";
        }
        if (drawsOnTerminal(args, System.console() != null) && terminal(env) == null) {
            return "on a terminal whose type or size is unknown (TERM unset or dumb, or no " + SIZE + " from the launcher)";
        }
        return null;
    }

    /**
     * Why the REPL runs in this process, or null when the daemon may run it: it needs a terminal (else the
     * input runs as a script, in this process), whose type, size ({@value #SIZE}) and settings ({@link
     * ReplRelay#MODE}, to put back at the end) the launcher passed.
     */
    static String replReasonToRunHere(Map<String, String> env, boolean console) {
        if (!console) return "the input or output is not a terminal";
        if (terminal(env) == null) return "on a terminal whose type or size is unknown (TERM unset or dumb, or no " + SIZE + " from the launcher)";
        if (!SttyMode.valid(env.get(ReplRelay.MODE))) return "the terminal's settings are unknown (no " + ReplRelay.MODE + " from the launcher)";
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
        if (args.length == 0) return repl(ch, env, place);
        boolean console = System.console() != null;
        return send(ch, args, env, Path.of("").toAbsolutePath(), console, console ? terminal(env) : null, processStart(),
                new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err), place);
    }

    /**
     * The REPL in the daemon, relayed through this process's terminal (raw mode while it runs, its settings
     * put back at the end, also when this process is ended by a signal; window changes followed).
     */
    private static Result repl(SocketChannel ch, Map<String, String> env, DaemonPlace place) {
        ClientTerminal terminal = terminal(env);
        SttyMode mode = new SttyMode(env.get(ReplRelay.MODE));
        Runtime.getRuntime().addShutdownHook(new Thread(mode::restore, "gradus-terminal-restore"));
        ReplRelay relay = new ReplRelay(ch, mode, keyboard(),
                new java.io.BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 14));
        followResizes(relay, mode, terminal);
        return relay.run(env, Path.of("").toAbsolutePath(), terminal, charset("sun.stdout.encoding"), place);
    }

    /**
     * The terminal's keys, read through a file channel where {@code /dev/stdin} can be opened: closing the channel
     * wakes a thread blocked reading it. A thread left blocked in a native read would delay the JVM's exit by
     * 300 ms (HotSpot's exit waits that long for threads in native code); a {@link java.io.FileInputStream}'s
     * read cannot be woken.
     */
    private static java.io.InputStream keyboard() {
        try {
            return java.nio.channels.Channels.newInputStream(java.nio.channels.FileChannel.open(Path.of("/dev/stdin")));
        } catch (IOException | RuntimeException e) {
            return new java.io.FileInputStream(FileDescriptor.in);
        }
    }

    /** On SIGWINCH, the terminal's new size goes to the daemon (nothing where the signal cannot be handled). */
    private static void followResizes(ReplRelay relay, SttyMode mode, ClientTerminal first) {
        ClientTerminal[] last = {first};
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), s -> {
                ClientTerminal now = mode.resized(last[0]);
                if (now != null && !now.equals(last[0])) {
                    last[0] = now;
                    relay.resized(now);
                }
            });
        } catch (RuntimeException | LinkageError e) {
            // the session keeps its first size
        }
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

    /**
     * Starts the daemon, detached (its own session, stdio in its log), and connects once it listens. The daemon is
     * started by a shell that puts it in the background and exits at once: this client's JVM never has it as a
     * child, so no thread of the JDK's stays blocked waiting for it to end, which would make this JVM's exit wait
     * 300 ms (HotSpot's exit waits that long for threads in native code). The shell says the daemon's pid, which
     * is watched instead.
     */
    static SocketChannel startAndConnect(DaemonPlace place, DaemonLaunch launch) throws IOException {
        Path log = place.log();
        if (Files.exists(log) && Files.size(log) > (1 << 20)) Files.delete(log);     // keep the log small
        var command = new java.util.ArrayList<String>(
                java.util.List.of("/bin/sh", "-c", "\"$@\" < /dev/null >> \"$GRADUS_DAEMON_LOG\" 2>&1 & echo $!", "sh"));
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
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("GRADUS_DAEMON_LOG", log.toString());
        ProcessHandle daemon = spawn(pb);
        int spawned = 1;
        long until = System.nanoTime() + START_WAIT_NANOS;
        while (System.nanoTime() < until) {
            SocketChannel ch = connect(place);
            if (ch != null) return ch;
            if (daemon == null || !daemon.isAlive()) {
                // ours found the lock held: by a daemon starting (it binds soon) or one stopping (gone soon)
                if (spawned == 3) return null;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return null;
                }
                if ((ch = connect(place)) != null) return ch;
                daemon = spawn(pb);
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

    /** Runs the starting shell; the daemon's process as the shell named it, or null when it did not say. */
    private static ProcessHandle spawn(ProcessBuilder pb) throws IOException {
        Process shell = pb.start();
        String pid = new String(shell.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
        try {
            shell.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            return ProcessHandle.of(Long.parseLong(pid)).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
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
            Wire.writeEnvironment(to, passed(env));
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
            FrameReader from = new FrameReader(ch);
            boolean outClosed = false;
            while (true) {
                byte type = from.next();
                answered = true;
                switch (type) {
                    case Wire.OUT, Wire.ERR -> {
                        if (type == Wire.ERR) {
                            err.write(from.bytes(), 0, from.length());
                        } else if (!outClosed) {
                            try {
                                out.write(from.bytes(), 0, from.length());
                            } catch (IOException closed) {            // our reader went away (| head -1)
                                outClosed = true;
                                to.writeByte(Wire.OUTPUT_CLOSED);
                                to.flush();
                            }
                        }
                    }
                    case Wire.EXIT -> {
                        return new Result(from.code(), null);
                    }
                    case Wire.FALLBACK -> {
                        return new Result(null, "the daemon: " + from.reason());
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

    /** The client's variables a command sees in the daemon: GRADUS_* and {@link #PASSED}. */
    static Map<String, String> passed(Map<String, String> env) {
        Map<String, String> passed = new TreeMap<>();
        for (var e : env.entrySet()) if (e.getKey().startsWith("GRADUS_")) passed.put(e.getKey(), e.getValue());
        for (String k : PASSED) if (env.get(k) != null) passed.put(k, env.get(k));
        return passed;
    }

    /** The charset this JVM's System.out / System.err would print in (the console's, else the default). */
    static String charset(String property) {
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
