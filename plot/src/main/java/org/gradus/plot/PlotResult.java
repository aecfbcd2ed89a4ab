package org.gradus.plot;

import org.gradus.plot.terminal.TerminalPicture;
import org.gradus.result.Shown;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code plot} and {@code animate} show: the file written (as the script named it, relative to
 * the script's folder), its format ({@code png}, {@code svg}, {@code gif}; {@code terminal} for a
 * picture drawn in the terminal), its size (pixels; terminal cells) and the names of the series drawn.
 * JSON kind {@code plot}. A terminal picture carries its cells, which the host prints in colour.
 */
public final class PlotResult implements Shown {
    private final String file;
    private final String format;
    private final int width, height;
    private final List<String> series;
    private final String note;
    private final TerminalPicture picture;

    /**
     * @param file    the file as named (null for a terminal picture)
     * @param note    a sentence for people (why a file was written without {@code file:}), or null
     * @param picture the terminal picture, or null for a file
     */
    public PlotResult(String file, String format, int width, int height, List<String> series, String note, TerminalPicture picture) {
        this.file = file;
        this.format = format;
        this.width = width;
        this.height = height;
        this.series = List.copyOf(series);
        this.note = note;
        this.picture = picture;
    }

    public String file() {
        return file;
    }

    public String format() {
        return format;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public List<String> series() {
        return series;
    }

    /** The picture to print in a terminal, or null when a file was written. */
    public TerminalPicture picture() {
        return picture;
    }

    @Override
    public String kind() {
        return "plot";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("format", format);
        m.put("width", width);
        m.put("height", height);
        m.put("series", series);
        if (note != null) m.put("note", note);
        return m;
    }

    /** The terminal picture in plain text, or one line naming the file written. */
    @Override
    public String toText() {
        if (picture != null) return picture.plainText();
        String what = "gif".equals(format) ? "animation" : "picture";
        String s = what + " written to " + file + " (" + format.toUpperCase() + ", " + width + "×" + height
                + (series.isEmpty() ? "" : "; " + String.join(", ", series)) + ")";
        return note == null ? s : s + "\n  " + note;
    }

    @Override
    public String toString() {
        return toText();
    }
}
