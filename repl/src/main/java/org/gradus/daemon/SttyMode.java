package org.gradus.daemon;

import org.gradus.cli.ClientTerminal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's terminal set with {@code stty} (on this process's standard input, the terminal): raw mode for a
 * REPL in the daemon, the settings the launcher read ({@code stty -g}) put back at the end, and the size read
 * again when the window changes. The client loads no JLine (its start is a {@code java -version}'s), so the
 * terminal's settings are changed by the same command the launcher reads them with.
 */
final class SttyMode implements ReplRelay.TerminalMode {
    private final String saved;
    private boolean raw;

    /** {@code saved}: {@code stty -g}'s output (hexadecimal fields and colons), the settings to put back. */
    SttyMode(String saved) {
        if (!valid(saved)) throw new IllegalArgumentException("not stty -g settings: " + saved);
        this.saved = saved.strip();
    }

    /** Whether {@code saved} looks like {@code stty -g}'s output: the only argument {@link #restore} passes on. */
    static boolean valid(String saved) {
        return saved != null && saved.strip().matches("[0-9a-fA-F]+(:[0-9a-fA-F]+)+");
    }

    @Override
    public synchronized void raw() throws IOException {
        stty("raw", "-echo");
        raw = true;
    }

    @Override
    public synchronized void restore() {
        if (!raw) return;
        raw = false;
        try {
            stty(saved);
        } catch (IOException e) {
            System.err.println("gradus: could not put the terminal back (" + e.getMessage() + "); type: stty sane");
        }
    }

    @Override
    public ClientTerminal resized(ClientTerminal before) {
        try {
            return ClientTerminal.parse(stty("size"), before.type(), before.colorterm());
        } catch (IOException e) {
            return null;
        }
    }

    /** Runs {@code stty ARGS} at this process's terminal; its output, or an exception when it fails. */
    private static String stty(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("stty"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        try {
            if (p.waitFor() != 0) throw new IOException("stty " + String.join(" ", args) + " failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        return out;
    }
}
