package org.gradus.plot;

import org.gradus.io.FileAccess;

/**
 * What {@code plot} needs from where the script runs: the file policy the files the script names are
 * written through, the terminal to draw in (if any), and names for pictures written without {@code file:}.
 */
public interface PlotHost {
    /** A terminal's size in character cells and whether it shows colours. */
    record Screen(int columns, int rows, boolean colour) {
    }

    /** The files the script may write (its sandbox policy; relative names against the script's folder). */
    FileAccess files();

    /** The terminal pictures are drawn in, or null when the output is not a terminal. */
    Screen terminal();

    /** A name for the next picture written without {@code file:} ({@code NAME-N.png} beside the script). */
    String nextDefaultName();
}
