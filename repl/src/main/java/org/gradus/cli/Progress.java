package org.gradus.cli;

import org.gradus.repl.ProgressBar;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The progress line of long runs and of loading large data files for {@code gradus run}, drawn on stderr:
 * the REPL's {@link ProgressBar} (it appears after half a second of a run or a load and is erased when it
 * ends). None when stderr is not a terminal, and so never in what {@code --json} writes to stdout.
 */
final class Progress {
    private Progress() {
    }

    /** A bar on {@code err}, or null when the console is not a terminal; {@code env} gives $COLUMNS. */
    static ProgressBar forTerminal(PrintStream err, boolean console, Map<String, String> env) {
        if (!console) return null;
        PrintWriter w = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        return new ProgressBar(w, () -> columns(env), System::nanoTime);
    }

    /** The terminal's width: $COLUMNS when exported, else 80. */
    private static int columns(Map<String, String> env) {
        try {
            String c = env.get("COLUMNS");
            if (c != null) return Math.max(20, Integer.parseInt(c.strip()));
        } catch (NumberFormatException ignored) {
            // fall through
        }
        return 80;
    }
}
