package org.gradus.api;

import java.util.List;

/** A picture a script wrote ({@code plot}, {@code animate}; JSON kind {@code plot}). */
public final class PlotResult extends Result {
    PlotResult(Record record) {
        super(record);
    }

    /** The file written, as the script named it (relative to the script's folder), or null when drawn in a terminal. */
    public String file() {
        return text("file");
    }

    /** {@code png}, {@code svg} or {@code gif}. */
    public String format() {
        return text("format");
    }

    /** Width in pixels. */
    public int width() {
        return (int) count("width");
    }

    /** Height in pixels. */
    public int height() {
        return (int) count("height");
    }

    /** The names of the series drawn (a function, the methods of the paths, ...). */
    public List<String> series() {
        return JsonValues.strings(field("series"));
    }
}
