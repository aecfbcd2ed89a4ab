package org.gradus.plot.figure;

import java.util.List;

/**
 * A picture as data: one or more panels side by side (left to right), an optional title and the names
 * of the series it shows (the {@code series} of the JSON kind {@code plot}). Built by the pictures from
 * engine results; drawn by a renderer to a file or a terminal.
 */
public record Figure(String title, List<Panel> panels, List<String> series) {
    public Figure {
        if (panels.isEmpty()) throw new IllegalArgumentException("a figure needs at least one panel");
        panels = List.copyOf(panels);
        series = List.copyOf(series);
    }
}
