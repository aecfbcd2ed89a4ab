package org.gradus.plot;

import java.nio.file.Path;

/**
 * What {@code plot} needs from where the script runs: permission and a place to write the files the
 * script names, the terminal to draw in (if any), and names for pictures written without {@code file:}.
 */
public interface PlotHost {
    /** A terminal's size in character cells and whether it shows colours. */
    record Screen(int columns, int rows, boolean colour) {
    }

    /**
     * The path to write the file the script named (relative to the script's folder).
     *
     * @throws SecurityException        when the script may not write there
     * @throws IllegalArgumentException when the name is not usable
     */
    Path fileForWriting(String name);

    /** The terminal pictures are drawn in, or null when the output is not a terminal. */
    Screen terminal();

    /** A name for the next picture written without {@code file:} ({@code NAME-N.png} beside the script). */
    String nextDefaultName();
}
