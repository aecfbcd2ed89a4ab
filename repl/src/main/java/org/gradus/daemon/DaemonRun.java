package org.gradus.daemon;

import org.gradus.cli.ClientTerminal;
import org.gradus.cli.Invocation;
import org.gradus.cli.Main;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Map;

/**
 * One client's request to the {@link DaemonServer}: a command run as {@code gradus} would run it in the
 * client's own process ({@link Main#run(String[], PrintStream, PrintStream, Map, Invocation)}: a fresh
 * session, the client's folder, environment and time limit), its stdout and stderr sent back as frames
 * ({@link Wire}) byte for byte, then its exit code. The client closing the connection (its Ctrl-C)
 * interrupts this thread, which cancels the run (exit code 130); the client saying its stdout was closed
 * makes the run's stdout fail, as a closed pipe does (exit code 141).
 */
final class DaemonRun {
    private final SocketChannel channel;
    private final DaemonServer daemon;
    private Frames frames;
    private volatile boolean outputClosed;

    DaemonRun(SocketChannel channel, DaemonServer daemon) {
        this.channel = channel;
        this.daemon = daemon;
    }

    void serve() {
        try {
            DataInputStream in = new DataInputStream(Wire.in(channel));
            frames = new Frames(channel);
            if (in.readInt() != Wire.MAGIC) return;
            byte request = in.readByte();
            switch (request) {
                case Wire.RUN -> run(in);
                case Wire.REPL -> DaemonRepl.serve(in, frames, daemon);
                case Wire.STATUS -> {
                    frames.data(Wire.OUT, daemon.status().getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, -1);
                    frames.exit(0);
                }
                case Wire.STOP -> {
                    frames.data(Wire.OUT, ("gradus daemon: stopped (pid " + ProcessHandle.current().pid() + ")\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, -1);
                    frames.exit(0);
                    daemon.retire("gradus daemon --stop");
                }
                default -> {
                    // unknown request: close
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private void run(DataInputStream in) throws IOException {
        Path cwd = Path.of(in.readUTF());
        String[] args = new String[in.readInt()];
        for (int i = 0; i < args.length; i++) args[i] = in.readUTF();
        Map<String, String> env = Wire.readEnvironment(in);
        boolean console = in.readBoolean();
        long start = in.readLong();
        String outCharset = in.readUTF(), errCharset = in.readUTF();
        ClientTerminal terminal = null;
        if (in.readBoolean()) {
            String type = in.readUTF(), colorterm = in.readUTF();
            int columns = in.readInt(), rows = in.readInt();
            try {
                terminal = new ClientTerminal(type, colorterm.isEmpty() ? null : colorterm, columns, rows);
            } catch (IllegalArgumentException e) {
                frames.fallback("the client's terminal: " + e.getMessage());
                return;
            }
        }
        if (args.length == 0 || !(args[0].equals("run") || args[0].equals("check"))) {
            frames.fallback("only run and check go to the daemon");
            return;
        }
        if (DaemonClient.drawsOnTerminal(args, console) && terminal == null) {
            frames.fallback("pictures on a terminal of unknown type or size are drawn by the client's own process");
            return;
        }
        if (daemon.retired()) {
            frames.fallback("the daemon is stopping");
            return;
        }
        Thread runner = Thread.currentThread();
        Thread listener = new Thread(() -> listen(in, runner), runner.getName() + "-client");
        listener.setDaemon(true);
        listener.start();
        int code;
        try (PrintStream out = stream(Wire.OUT, outCharset); PrintStream err = stream(Wire.ERR, errCharset)) {
            try {
                code = Main.run(args, out, err, env, new Invocation(cwd, console, start == Wire.NO_START ? null : start, true, terminal));
            } catch (Throwable t) {                   // what would end the client's JVM with a stack trace
                t.printStackTrace(err);
                code = 1;
                if (t instanceof OutOfMemoryError) daemon.retire("a run exhausted the heap");
            }
            out.flush();
            err.flush();
        }
        Thread.interrupted();                         // a late cancel is not this thread's next task's business
        frames.exit(code);
    }

    /** Reads what the client says during the run: stdout closed, or the end of the connection (cancel). */
    private void listen(DataInputStream in, Thread runner) {
        try {
            while (true) {
                int b = in.read();
                if (b < 0) break;
                if (b == Wire.OUTPUT_CLOSED) outputClosed = true;
            }
        } catch (IOException e) {
            // the connection is gone: the same as a cancel
        }
        runner.interrupt();
    }

    /** A print stream of the run whose bytes go to the client as {@code type} frames, in {@code charset}. */
    private PrintStream stream(byte type, String charset) throws UnsupportedEncodingException {
        OutputStream out = frames.stream(type, () -> type == Wire.OUT && outputClosed);
        return new PrintStream(new BufferedOutputStream(out, 128), true, charset);
    }
}
