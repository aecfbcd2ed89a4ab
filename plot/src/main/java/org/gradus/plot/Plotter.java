package org.gradus.plot;

import org.gradus.io.OutputFile;
import org.gradus.plot.figure.Figure;
import org.gradus.plot.output.Format;
import org.gradus.plot.output.PictureFiles;
import org.gradus.plot.pictures.PlotOptions;
import org.gradus.plot.terminal.TerminalPicture;
import org.gradus.plot.terminal.TerminalRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a picture goes: the file named by {@code file:} (PNG or SVG by extension; width × height pixels,
 * default 800 × 600; written through the script's file policy, atomically), else the terminal when there is one (braille and colours), else a PNG named
 * {@code NAME-N.png} beside the script — and the {@link PlotResult} that says which.
 */
public final class Plotter {
    public static final int DEFAULT_WIDTH = 800, DEFAULT_HEIGHT = 600, MAX_SIZE = 10000;

    private Plotter() {
    }

    /**
     * Writes or draws the figure as the options and the host say.
     *
     * @throws IllegalArgumentException for a bad size or file name
     * @throws UncheckedIOException     when the file cannot be written
     */
    public static PlotResult show(Figure figure, PlotOptions o, PlotHost host) {
        int width = o.integer("width", DEFAULT_WIDTH, 16), height = o.integer("height", DEFAULT_HEIGHT, 16);
        if (width > MAX_SIZE || height > MAX_SIZE) throw new IllegalArgumentException("width and height are at most " + MAX_SIZE + " pixels");
        if (o.has("file")) return write(figure, o.text("file", null), width, height, host, null);
        PlotHost.Screen screen = host.terminal();
        if (screen != null) {
            TerminalPicture pic = terminal(figure, screen);
            return new PlotResult(null, "terminal", pic.columns(), pic.rows(), figure.series(), null, pic);
        }
        String name = host.nextDefaultName();
        return write(figure, name, width, height, host, "the output is not a terminal, so the picture went to a file; name one with file: '...'");
    }

    /** The figure drawn for a terminal of the screen's size (a little shorter, so the prompt stays). */
    public static TerminalPicture terminal(Figure figure, PlotHost.Screen screen) {
        int columns = Math.max(30, Math.min(screen.columns(), 160));
        int rows = Math.max(10, Math.min(screen.rows() - 2, (int) Math.round(columns * 0.45)));
        return TerminalRenderer.render(figure, columns, rows, screen.colour());
    }

    /** Writes through the host's file policy: a temporary file beside the target, renamed onto it when complete. */
    private static PlotResult write(Figure figure, String name, int width, int height, PlotHost host, String note) {
        Format format = Format.of(Path.of(name));
        if (format == Format.GIF) throw new IllegalArgumentException("a .gif file is an animation: use animate f, ..., path: [r1, r2], file: '" + name + "'");
        try (OutputFile out = host.files().create(name)) {
            PictureFiles.write(figure, format, out.temporary(), width, height);
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the picture " + name + ": " + e.getMessage(), e);
        }
        return new PlotResult(name, format.text(), width, height, figure.series(), note, null);
    }

    /** Files and terminal pictures alike: the names of the series, for tests and tools. */
    static List<String> series(Figure f) {
        return f.series();
    }
}
