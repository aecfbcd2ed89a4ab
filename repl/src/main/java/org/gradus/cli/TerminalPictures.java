package org.gradus.cli;

import org.gradus.plot.PlotHost;
import org.gradus.plot.PlotResult;
import org.gradus.repl.PicturePrinter;
import org.gradus.result.Shown;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.PrintStream;

/**
 * Pictures of {@code gradus run} on a terminal: the JLine system terminal (or, in the daemon, one made from
 * the client's {@link ClientTerminal} description) is opened when the first picture needs its size, and
 * pictures are printed in its colours. Closed when the run ends.
 */
final class TerminalPictures implements AutoCloseable {
    private final ClientTerminal described;
    private Terminal terminal;
    private boolean failed;

    /** Pictures for the client's terminal {@code described}, or for this process's own one when null. */
    TerminalPictures(ClientTerminal described) {
        this.described = described;
    }

    /** The screen, or null when no terminal can be opened (then pictures go to files). */
    synchronized PlotHost.Screen screen() {
        Terminal t = terminal();
        return t == null ? null : PicturePrinter.screen(t);
    }

    private Terminal terminal() {
        if (terminal == null && !failed) {
            try {
                terminal = described != null ? described.open()
                        : TerminalBuilder.builder().system(true).streams(System.in, System.out).dumb(false).build();
            } catch (IOException | RuntimeException e) {
                failed = true;
            }
        }
        return terminal;
    }

    /** Prints a terminal picture in colour; returns false for any other value. */
    synchronized boolean print(Shown s, PrintStream out) {
        if (!(s instanceof PlotResult p) || p.picture() == null || terminal == null) return false;
        if (!PicturePrinter.colours(terminal)) return false;
        for (String line : PicturePrinter.lines(p.picture(), terminal, colorterm())) out.println(line);
        out.flush();
        return true;
    }

    /** {@code $COLORTERM} of the terminal the pictures are for. */
    private String colorterm() {
        return described != null ? described.colorterm() : System.getenv("COLORTERM");
    }

    @Override
    public synchronized void close() {
        if (terminal != null) {
            try {
                terminal.close();
            } catch (IOException ignored) {
                // nothing to do at exit
            }
        }
    }
}
