package org.gradus.cli;

import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The launcher's training run for its class-data-sharing archive (see {@code ./gradus}, {@code make_cds}): the
 * command in {@code args} as {@link Main} runs it (a representative {@code gradus run}), then a short REPL
 * session typed into an in-memory terminal ({@link Repl#warmUp}), so that the archive also holds the classes the REPL loads before
 * its first prompt (JLine's line reader, the shell, its highlighter and completer) and later starts skip
 * parsing and verifying them; then the same through a daemon of this process ({@link
 * org.gradus.daemon.DaemonTraining}: the client's classes, which the clients of {@code run} and the REPL load). What
 * the sessions print goes nowhere; they keep no history.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) {
        int code = Main.run(args, System.out, System.err);
        try {
            shell();
        } catch (IOException | RuntimeException e) {
            // only training: the archive then lacks the REPL's classes
        }
        if (args.length >= 2) org.gradus.daemon.DaemonTraining.run(Path.of(args[1]));
        System.exit(code);
    }

    private static void shell() throws IOException {
        // the system terminal's providers, as the REPL looks them up (without a terminal: a dumb one)
        TerminalBuilder.builder().system(true).dumb(true).build().close();
        Repl.warmUp();
    }
}
