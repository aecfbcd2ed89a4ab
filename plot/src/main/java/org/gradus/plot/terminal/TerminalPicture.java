package org.gradus.plot.terminal;

import java.util.ArrayList;
import java.util.List;

/**
 * A picture for a terminal: rows of character cells, each with a foreground and a background colour
 * (0xRRGGBB, or {@link #DEFAULT} for the terminal's own). The host turns it into escape sequences for
 * its terminal (the REPL through JLine, which lowers 24-bit colours to what the terminal shows);
 * {@link #plainText()} is the picture without colours.
 */
public final class TerminalPicture {
    /** The terminal's own colour. */
    public static final int DEFAULT = -1;

    private final char[][] chars;
    private final int[][] fg;
    private final int[][] bg;

    public TerminalPicture(int columns, int rows) {
        chars = new char[rows][columns];
        fg = new int[rows][columns];
        bg = new int[rows][columns];
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(chars[r], ' ');
            java.util.Arrays.fill(fg[r], DEFAULT);
            java.util.Arrays.fill(bg[r], DEFAULT);
        }
    }

    public int rows() {
        return chars.length;
    }

    public int columns() {
        return chars.length == 0 ? 0 : chars[0].length;
    }

    public char charAt(int row, int column) {
        return chars[row][column];
    }

    public int foreground(int row, int column) {
        return fg[row][column];
    }

    public int background(int row, int column) {
        return bg[row][column];
    }

    /** Sets one cell; a colour of {@link #DEFAULT} leaves that colour as it is. Cells outside are ignored. */
    public void set(int row, int column, char c, int foreground, int background) {
        if (row < 0 || row >= rows() || column < 0 || column >= columns()) return;
        chars[row][column] = c;
        if (foreground != DEFAULT) fg[row][column] = foreground;
        if (background != DEFAULT) bg[row][column] = background;
    }

    /** Writes text from (row, column) to the right, clipped at the edge. */
    public void text(int row, int column, String text, int foreground) {
        for (int i = 0; i < text.length(); i++) set(row, column + i, text.charAt(i), foreground, DEFAULT);
    }

    public void background(int row, int column, int colour) {
        if (row < 0 || row >= rows() || column < 0 || column >= columns()) return;
        bg[row][column] = colour;
    }

    /** The rows as text, trailing blanks removed. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (char[] row : chars) out.add(new String(row).stripTrailing());
        return out;
    }

    public String plainText() {
        return String.join("\n", lines());
    }
}
