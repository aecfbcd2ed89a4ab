package org.gradus.cli;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The terminal a client process sits at, as the resident daemon learns it: enough to draw terminal
 * pictures and progress bars for it exactly as the client's own process would (docs/daemon.md). The
 * terminal's later resizes during a run are not followed: a run draws at the size it started with.
 *
 * @param type      the terminal type ({@code $TERM} of the client), which names its terminfo entry
 *                  (the colours it reports); never blank or {@code dumb}
 * @param colorterm {@code $COLORTERM} of the client ({@code truecolor} or {@code 24bit} mean 24-bit
 *                  colour), or null when unset
 * @param columns   the width in character cells, at least 1
 * @param rows      the height in character cells, at least 1
 */
public record ClientTerminal(String type, String colorterm, int columns, int rows) {

    /** Checks the description; {@link IllegalArgumentException} for a blank or dumb type or a size below 1×1. */
    public ClientTerminal {
        if (type == null || type.isBlank() || type.startsWith(Terminal.TYPE_DUMB)) {
            throw new IllegalArgumentException("terminal type '" + type + "' cannot show pictures");
        }
        if (columns < 1 || rows < 1) throw new IllegalArgumentException("terminal size " + columns + "x" + rows);
    }

    /**
     * The description from the launcher's {@code stty size} output ("ROWS COLUMNS") and the client's
     * {@code $TERM} and {@code $COLORTERM}; null when any is missing or unreadable (then the run stays in the
     * client's own process, which asks its terminal itself).
     */
    public static ClientTerminal parse(String sttySize, String term, String colorterm) {
        if (sttySize == null || term == null || term.isBlank() || term.startsWith(Terminal.TYPE_DUMB)) return null;
        String[] parts = sttySize.strip().split("\\s+");
        if (parts.length != 2) return null;
        try {
            int rows = Integer.parseInt(parts[0]), columns = Integer.parseInt(parts[1]);
            return rows < 1 || columns < 1 ? null : new ClientTerminal(term, colorterm, columns, rows);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A JLine terminal with this type and size that reads and writes nothing: the capabilities (colours)
     * and size the picture code asks for, as the JLine system terminal at the client's terminal reports them.
     */
    Terminal open() throws IOException {
        return TerminalBuilder.builder()
                .system(false)
                .streams(InputStream.nullInputStream(), OutputStream.nullOutputStream())
                .type(type)
                .size(new Size(columns, rows))
                .paused(true)
                .build();
    }
}
