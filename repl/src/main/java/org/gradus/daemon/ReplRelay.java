package org.gradus.daemon;

import org.gradus.cli.ClientTerminal;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;

/**
 * The client's half of a REPL run in the resident daemon ({@link DaemonRepl}): puts its terminal in raw mode
 * (no echo, no line editing, no signals from keys: each key goes to the daemon as typed, Ctrl-C included),
 * relays keys and window sizes to the daemon and the daemon's output to the terminal, and puts the terminal
 * back as it was when the REPL ends, the daemon goes away, or the client is ended by a signal.
 */
final class ReplRelay {
    /** The launcher's {@code stty -g}: the terminal's settings when the client started, to put back at the end. */
    static final String MODE = "GRADUS_CLIENT_TTY_MODE";

    /** Sets the client's terminal to raw mode and back, and reads its size: {@code stty} at this process's terminal. */
    interface TerminalMode {
        void raw() throws IOException;

        void restore();

        /** The terminal's size now, or null when it cannot be read. */
        ClientTerminal resized(ClientTerminal before);
    }

    private final SocketChannel channel;
    private final TerminalMode mode;
    private final InputStream keyboard;
    private final OutputStream screen;
    private DataOutputStream toDaemon;

    ReplRelay(SocketChannel channel, TerminalMode mode, InputStream keyboard, OutputStream screen) {
        this.channel = channel;
        this.mode = mode;
        this.keyboard = keyboard;
        this.screen = screen;
    }

    /**
     * Sends the REPL request and relays until the daemon's exit code; the exit code, or null (with why) when the
     * daemon asked the client to run the REPL itself or went away before answering (the terminal is as before).
     */
    DaemonClient.Result run(Map<String, String> env, Path cwd, ClientTerminal terminal, String charset, DaemonPlace place) {
        boolean answered = false, raw = false;
        try (channel) {
            synchronized (this) {                             // a resize (another thread) waits for the request
                toDaemon = new DataOutputStream(new java.io.BufferedOutputStream(Wire.out(channel), 4096));
                toDaemon.writeInt(Wire.MAGIC);
                toDaemon.writeByte(Wire.REPL);
                toDaemon.writeUTF(cwd.toString());
                Wire.writeEnvironment(toDaemon, DaemonClient.passed(env));
                toDaemon.writeUTF(terminal.type());
                toDaemon.writeUTF(terminal.colorterm() == null ? "" : terminal.colorterm());
                toDaemon.writeInt(terminal.columns());
                toDaemon.writeInt(terminal.rows());
                toDaemon.writeUTF(charset);
                toDaemon.flush();
            }
            mode.raw();                                       // while the daemon sets up the shell
            raw = true;
            startKeys();
            FrameReader from = new FrameReader(channel);
            while (true) {
                byte type = from.next();
                answered = true;
                switch (type) {
                    case Wire.OUT, Wire.ERR -> {
                        screen.write(from.bytes(), 0, from.length());
                        if (!from.more()) screen.flush();
                    }
                    case Wire.EXIT -> {
                        screen.flush();                       // the last output may have come in the exit code's read
                        return new DaemonClient.Result(from.code(), null);
                    }
                    case Wire.FALLBACK -> {
                        screen.flush();
                        return new DaemonClient.Result(null, "the daemon: " + from.reason());
                    }
                    default -> throw new IOException("unknown frame " + type);
                }
            }
        } catch (IOException e) {
            if (!answered) return new DaemonClient.Result(null, "the daemon went away: " + e);
            if (raw) mode.restore();
            raw = false;
            try {
                screen.write(("\ngradus: the daemon ended during the session (its log: " + place.log()
                        + "); start gradus again, or with GRADUS_DAEMON=0\n").getBytes(Charset.defaultCharset()));
                screen.flush();
            } catch (IOException ignored) {
                // nothing more to say
            }
            return new DaemonClient.Result(1, null);
        } finally {
            if (raw) mode.restore();
            try {
                keyboard.close();                             // the keys' thread leaves its read (see DaemonClient)
            } catch (IOException ignored) {
                // closed already
            }
        }
    }

    /** The terminal's new size, sent to the daemon (on SIGWINCH); nothing before the request was sent. */
    void resized(ClientTerminal terminal) {
        try {
            synchronized (this) {
                if (toDaemon == null) return;
                toDaemon.writeByte(Wire.RESIZE);
                toDaemon.writeInt(terminal.columns());
                toDaemon.writeInt(terminal.rows());
                toDaemon.flush();
            }
        } catch (IOException | RuntimeException e) {
            // the session is ending
        }
    }

    /** Relays the keyboard to the daemon on a thread of its own; its end (the terminal gone) ends the session. */
    private void startKeys() {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[1024];
            try {
                while (true) {
                    int n = keyboard.read(buf);
                    if (n < 0) break;
                    if (n == 0) continue;
                    synchronized (this) {
                        toDaemon.writeByte(Wire.KEYS);
                        toDaemon.writeInt(n);
                        toDaemon.write(buf, 0, n);
                        toDaemon.flush();
                    }
                }
                channel.shutdownOutput();
            } catch (IOException e) {
                // the session is ending
            }
        }, "gradus-keys");
        t.setDaemon(true);
        t.start();
    }
}
