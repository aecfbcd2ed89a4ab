package org.gradus.daemon;

import org.gradus.cli.ClientTerminal;
import org.gradus.cli.Repl;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.LineDisciplineTerminal;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A client's REPL, run in the resident daemon: the client's terminal is in raw mode and only relays bytes
 * ({@link ReplRelay}); here a JLine terminal does what the terminal's line discipline would (echo, Ctrl-C as
 * an interrupt, a new line as carriage return and line feed) for the shell, which runs as in the client's own
 * process ({@link Repl#atTerminal}: the client's folder, its history file, its terminal type, size and
 * colours). The daemon's JVM is warm, so the prompt costs the client's start and not Groovy's
 * (docs/daemon.md).
 *
 * <p>What the client sends while the shell runs: the keys typed ({@link Wire#KEYS}), the terminal's new size
 * ({@link Wire#RESIZE}: the shell redraws at the next prompt, a picture takes the new width); the connection
 * closing (the terminal gone) interrupts the running input and ends the shell.
 */
final class DaemonRepl {
    private DaemonRepl() {
    }

    /** Reads the rest of a {@link Wire#REPL} request from {@code in} and runs the shell until the person leaves. */
    static void serve(DataInputStream in, Frames frames, DaemonServer daemon) throws IOException {
        Path cwd = Path.of(in.readUTF());
        Map<String, String> env = Wire.readEnvironment(in);
        String type = in.readUTF(), colorterm = in.readUTF();
        int columns = in.readInt(), rows = in.readInt();
        String charsetName = in.readUTF();
        ClientTerminal described;
        try {
            described = new ClientTerminal(type, colorterm.isEmpty() ? null : colorterm, columns, rows);
        } catch (IllegalArgumentException e) {
            frames.fallback("the client's terminal: " + e.getMessage());
            return;
        }
        if (daemon.retired()) {
            frames.fallback("the daemon is stopping");
            return;
        }
        Charset charset = Charset.isSupported(charsetName) ? Charset.forName(charsetName) : StandardCharsets.UTF_8;
        // the line discipline writes byte by byte: frames are made of what it wrote until its flush
        OutputStream screen = new BufferedOutputStream(frames.stream(Wire.OUT, () -> false), 1 << 13);
        RelayedTerminal terminal = new RelayedTerminal(described.type(), screen, charset);
        terminal.setSize(new Size(described.columns(), described.rows()));
        Thread keys = new Thread(() -> relayKeys(in, terminal), Thread.currentThread().getName() + "-keys");
        keys.setDaemon(true);
        keys.start();
        int code;
        try {
            code = Repl.atTerminal(terminal, home(env), cwd, described.colorterm());
        } finally {
            terminal.close();
        }
        frames.exit(code);
    }

    /** The client's home folder (where its history file is): its {@code HOME}, else this process's. */
    private static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home != null && home.startsWith("/") ? home : System.getProperty("user.home"));
    }

    /**
     * Hands what the client sends to the terminal: keys as typed (the terminal's line discipline raises Ctrl-C
     * as an interrupt), a resize as the terminal's new size and a window-change signal. When the connection
     * ends, the running input is interrupted and the terminal's input ends: the shell leaves as on Ctrl-D.
     */
    private static void relayKeys(DataInputStream in, RelayedTerminal terminal) {
        byte[] buf = new byte[4096];
        try {
            while (true) {
                int type = in.read();
                if (type < 0) break;
                if (type == Wire.KEYS) {
                    int len = in.readInt();
                    if (len < 0) break;
                    while (len > 0) {
                        int n = Math.min(len, buf.length);
                        in.readFully(buf, 0, n);
                        terminal.processInputBytes(buf, 0, n);
                        len -= n;
                    }
                } else if (type == Wire.RESIZE) {
                    int columns = in.readInt(), rows = in.readInt();
                    if (columns > 0 && rows > 0) {
                        terminal.setSize(new Size(columns, rows));
                        terminal.raise(Terminal.Signal.WINCH);
                    }
                } else {
                    break;                                   // not this protocol: treat as gone
                }
            }
        } catch (IOException e) {
            // the connection is gone
        }
        terminal.raise(Terminal.Signal.INT);                 // the running input, if any, stops
        terminal.endInput();                                 // and the next prompt reads the end of input
    }

    /** The shell's terminal: a line discipline over the client's bytes, whose input can be ended. */
    private static final class RelayedTerminal extends LineDisciplineTerminal {
        RelayedTerminal(String type, OutputStream screen, Charset charset) throws IOException {
            super("gradus", type, screen, charset);
        }

        /** What was typed is read, then the end of input (the shell leaves as on Ctrl-D); output still goes out. */
        void endInput() {
            try {
                slaveInputPipe.close();
            } catch (IOException ignored) {
                // ended already
            }
        }
    }
}
