package org.gradus.daemon;

import org.gradus.cli.ClientTerminal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The daemon's part of the launcher's class-data-sharing training ({@code org.gradus.cli.CdsTraining}): a daemon
 * in a throw-away folder of this process, a {@code check} and a REPL session ({@code :quit}) sent to it by the
 * client's code, so that the archive also holds the classes a client loads on its way to the daemon (the Unix
 * socket, the wire, the relay) and those the daemon loads to serve it. Nothing is printed; nothing is left behind.
 */
public final class DaemonTraining {
    private DaemonTraining() {
    }

    /** Runs the session with {@code script} as the checked script; any failure only makes the archive smaller. */
    public static void run(Path script) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("gradus-cds-daemon");
            if (DaemonPlace.problem(dir) != null) return;
            Map<String, String> env = System.getenv();
            DaemonLaunch.ofThisJvm(env);
            DaemonClient.replReasonToRunHere(env, false);
            new sun.misc.Signal("WINCH");
            try (DaemonServer server = new DaemonServer(new DaemonPlace(dir, "training"), Duration.ofMinutes(1), false)) {
                if (!server.start()) return;
                server.acceptInBackground();
                Path cwd = script.toAbsolutePath().getParent();
                SocketChannel ch = DaemonClient.connect(server.place());
                if (ch == null) return;
                DaemonClient.send(ch, new String[]{"check", script.toString()}, env, cwd, false, null, Wire.NO_START,
                        OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), server.place());
                ch = DaemonClient.connect(server.place());
                if (ch == null) return;
                ReplRelay relay = new ReplRelay(ch, new Untouched(),
                        new ByteArrayInputStream(":quit\r".getBytes(StandardCharsets.UTF_8)), OutputStream.nullOutputStream());
                relay.run(Map.of("HOME", dir.toString()), cwd, new ClientTerminal("xterm-256color", null, 80, 24), "UTF-8", server.place());
            }
        } catch (IOException | RuntimeException e) {
            // only training
        } finally {
            if (dir != null) delete(dir);
        }
    }

    /** No terminal to set: the training's standard input is not one. */
    private static final class Untouched implements ReplRelay.TerminalMode {
        @Override
        public void raw() {
        }

        @Override
        public void restore() {
        }

        @Override
        public ClientTerminal resized(ClientTerminal before) {
            return before;
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}
