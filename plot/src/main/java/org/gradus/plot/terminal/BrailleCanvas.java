package org.gradus.plot.terminal;

/**
 * A drawing surface of Unicode braille dots: each character cell holds 2 × 4 dots (U+2800 + one bit
 * per dot), so a terminal of 80 × 24 cells draws 160 × 96 dots. Each cell remembers the colour of the
 * last dot set in it (a cell has one foreground colour).
 */
public final class BrailleCanvas {
    /** Bit of the dot at (column 0..1, row 0..3) of a cell, in the Unicode braille order. */
    private static final int[][] BITS = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};

    private final int columns, rows;
    private final int[][] bits;
    private final int[][] colour;

    public BrailleCanvas(int columns, int rows) {
        this.columns = columns;
        this.rows = rows;
        this.bits = new int[rows][columns];
        this.colour = new int[rows][columns];
        for (int[] r : colour) java.util.Arrays.fill(r, TerminalPicture.DEFAULT);
    }

    /** Width in dots. */
    public int width() {
        return columns * 2;
    }

    /** Height in dots. */
    public int height() {
        return rows * 4;
    }

    /** Sets the dot at (x, y), dots from the upper left; dots outside are ignored. */
    public void dot(int x, int y, int rgb) {
        if (x < 0 || y < 0 || x >= width() || y >= height()) return;
        bits[y / 4][x / 2] |= BITS[x % 2][y % 4];
        colour[y / 4][x / 2] = rgb;
    }

    /** A straight line of dots from (x0, y0) to (x1, y1) (Bresenham). */
    public void line(double x0, double y0, double x1, double y1, int rgb) {
        if (!Double.isFinite(x0) || !Double.isFinite(y0) || !Double.isFinite(x1) || !Double.isFinite(y1)) return;
        double lim = 4.0 * (width() + height());
        if (Math.abs(x0) > lim || Math.abs(x1) > lim || Math.abs(y0) > lim || Math.abs(y1) > lim) {
            double[] c = clip(x0, y0, x1, y1);
            if (c == null) return;
            x0 = c[0];
            y0 = c[1];
            x1 = c[2];
            y1 = c[3];
        }
        int ax = (int) Math.floor(x0), ay = (int) Math.floor(y0), bx = (int) Math.floor(x1), by = (int) Math.floor(y1);
        int dx = Math.abs(bx - ax), dy = -Math.abs(by - ay), sx = ax < bx ? 1 : -1, sy = ay < by ? 1 : -1, err = dx + dy;
        while (true) {
            dot(ax, ay, rgb);
            if (ax == bx && ay == by) return;
            int e2 = 2 * err;
            if (e2 >= dy) {
                err += dy;
                ax += sx;
            }
            if (e2 <= dx) {
                err += dx;
                ay += sy;
            }
        }
    }

    /** The segment cut to the canvas widened by one dot (Liang–Barsky), or null when it misses. */
    private double[] clip(double x0, double y0, double x1, double y1) {
        double t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
        double[] p = {-dx, dx, -dy, dy}, q = {x0 + 1, width() - x0, y0 + 1, height() - y0};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) return null;
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) t0 = Math.max(t0, t);
                else t1 = Math.min(t1, t);
            }
        }
        return t0 > t1 ? null : new double[]{x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy};
    }

    /** Whether the cell holds any dot. */
    public boolean inked(int row, int column) {
        return bits[row][column] != 0;
    }

    /** The braille character of a cell (U+2800 when empty). */
    public char cell(int row, int column) {
        return (char) (0x2800 + bits[row][column]);
    }

    public int colour(int row, int column) {
        return colour[row][column];
    }

    /** Copies the inked cells onto the picture with its upper left at (top, left). */
    public void drawOn(TerminalPicture picture, int top, int left) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (bits[r][c] != 0) picture.set(top + r, left + c, cell(r, c), colour[r][c], TerminalPicture.DEFAULT);
            }
        }
    }
}
