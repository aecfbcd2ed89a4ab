package org.gradus.cli;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.ExecHelper;
import org.jline.utils.InfoCmp;
import org.jline.utils.OSUtils;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The REPL's own terminal, opened without the two processes JLine's default lookup starts on the prompt's
 * path (docs/benchmarks.md, "The REPL's prompt, eighth session"):
 * <ul>
 *   <li>JLine asks every terminal provider whether standard output is a terminal, and the {@code exec}
 *       provider answers by running {@code test -t 1}; the REPL names the {@code jni} provider (tcgetattr,
 *       ioctl), which JLine would pick first anyway, and falls back to JLine's own choice if it fails;</li>
 *   <li>JLine reads the terminal's capabilities by running {@code infocmp -x $TERM}; here that process is
 *       started as soon as the REPL starts, on a thread of its own, and its answer handed to JLine when the
 *       terminal is opened, so the fork overlaps the rest of the set-up instead of adding to it.</li>
 * </ul>
 * The terminal is the same as JLine's default one: the same provider, the same capabilities (JLine runs the
 * same command when it has none, and its built-in descriptions when that fails).
 */
final class SystemTerminal {
    /** How long opening the terminal waits for the capabilities asked ahead before JLine asks again. */
    private static final long CAPABILITIES_WAIT_MS = 500;

    private final String type;
    private final FutureTask<String> capabilities;

    private SystemTerminal(String type) {
        this.type = type;
        this.capabilities = type == null ? null : new FutureTask<>(() -> describe(type));
        if (capabilities != null) {
            Thread t = new Thread(capabilities, "gradus-terminal-capabilities");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Starts looking up the capabilities of the terminal type {@code $TERM} (none for a dumb or unset one). */
    static SystemTerminal lookAhead() {
        String type = System.getenv("TERM");
        boolean usable = type != null && !type.isBlank() && !type.startsWith(Terminal.TYPE_DUMB);
        return new SystemTerminal(usable ? type : null);
    }

    /** Opens the process's terminal, named {@code name}, with the capabilities looked up ahead when they came. */
    Terminal open(String name) throws IOException {
        handOver();
        try {
            return TerminalBuilder.builder().system(true).name(name).provider(TerminalBuilder.PROP_PROVIDER_JNI).build();
        } catch (IOException | RuntimeException | LinkageError e) {
            return TerminalBuilder.builder().system(true).name(name).build();   // JLine's own choice of provider
        }
    }

    /** Gives JLine the capabilities if the lookup succeeded in time; otherwise JLine looks them up itself. */
    private void handOver() {
        if (capabilities == null) return;
        try {
            String caps = capabilities.get(CAPABILITIES_WAIT_MS, TimeUnit.MILLISECONDS);
            if (caps != null) InfoCmp.setLoadedInfoCmp(type, caps);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // JLine runs the lookup (or uses its built-in description) itself
        }
    }

    /** {@code infocmp -x TYPE}'s output, as JLine reads it, or null when the command fails. */
    private static String describe(String type) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(OSUtils.INFOCMP_COMMAND, "-x", type).start();
        String caps = ExecHelper.waitAndCapture(p);
        return p.exitValue() == 0 ? caps : null;
    }
}
