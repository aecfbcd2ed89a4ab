package org.gradus.repl;

import org.gradus.plot.PlotHost;
import org.gradus.plot.terminal.TerminalPicture;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedCharSequence;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.ArrayList;
import java.util.List;

/**
 * Terminal pictures through JLine: each cell's 24-bit foreground and background become an
 * {@link AttributedStyle}, and JLine writes the escape sequences the terminal understands (lowering
 * true colour to 256 or 16 colours where the terminal has fewer). A dumb terminal gets the plain text.
 */
public final class PicturePrinter {
    private PicturePrinter() {
    }

    /** The terminal's size and whether it shows colours, for drawing pictures in it. */
    public static PlotHost.Screen screen(Terminal terminal) {
        int columns = terminal.getWidth() > 0 ? terminal.getWidth() : 80;
        int rows = terminal.getHeight() > 0 ? terminal.getHeight() : 24;
        return new PlotHost.Screen(columns, rows, colours(terminal));
    }

    /** Whether the terminal shows colours (not dumb, and it reports at least 8). */
    public static boolean colours(Terminal terminal) {
        if (terminal.getType().startsWith(Terminal.TYPE_DUMB)) return false;
        Integer n = terminal.getNumericCapability(org.jline.utils.InfoCmp.Capability.max_colors);
        return n == null || n >= 8;
    }

    /**
     * The picture's rows as escape-coded text for this terminal: as many colours as it reports (true
     * colour where {@code COLORTERM} says so), and box-drawing characters as themselves (not through the
     * terminal's alternate character set, which would turn │ into x in a log or a pane capture).
     */
    public static List<String> lines(TerminalPicture picture, Terminal terminal) {
        return lines(picture, terminal, System.getenv("COLORTERM"));
    }

    /** {@link #lines(TerminalPicture, Terminal)} for a terminal whose {@code $COLORTERM} is {@code colorterm} (null: unset). */
    public static List<String> lines(TerminalPicture picture, Terminal terminal, String colorterm) {
        int colours = colourCount(terminal, colorterm);
        List<String> out = new ArrayList<>();
        for (AttributedString row : attributed(picture)) {
            out.add(row.toAnsi(colours, AttributedCharSequence.ForceMode.None, terminal.getPalette(), null, null));
        }
        return out;
    }

    /** The colours to write: 24-bit when COLORTERM is truecolor or 24bit, else what the terminal reports (256 if it says nothing). */
    static int colourCount(Terminal terminal, String colorterm) {
        if ("truecolor".equalsIgnoreCase(colorterm) || "24bit".equalsIgnoreCase(colorterm)) return AttributedCharSequence.TRUE_COLORS;
        Integer n = terminal.getNumericCapability(org.jline.utils.InfoCmp.Capability.max_colors);
        return n == null ? 256 : n;
    }

    /** The picture's rows with their colours as JLine attributed strings. */
    public static List<AttributedString> attributed(TerminalPicture picture) {
        List<AttributedString> out = new ArrayList<>();
        for (int r = 0; r < picture.rows(); r++) {
            AttributedStringBuilder b = new AttributedStringBuilder();
            int last = picture.columns();
            while (last > 0 && picture.charAt(r, last - 1) == ' ' && picture.background(r, last - 1) == TerminalPicture.DEFAULT) last--;
            for (int c = 0; c < last; c++) {
                AttributedStyle style = AttributedStyle.DEFAULT;
                int fg = picture.foreground(r, c), bg = picture.background(r, c);
                if (fg != TerminalPicture.DEFAULT) style = style.foreground((fg >> 16) & 255, (fg >> 8) & 255, fg & 255);
                if (bg != TerminalPicture.DEFAULT) style = style.background((bg >> 16) & 255, (bg >> 8) & 255, bg & 255);
                b.style(style).append(picture.charAt(r, c));
            }
            out.add(b.toAttributedString());
        }
        return out;
    }
}
