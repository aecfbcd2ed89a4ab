package org.gradus.plot.figure;

/**
 * Values of a function of two coordinates on a regular grid: {@code z[j][i] = f(xs[i], ys[j])}, the xs
 * and ys increasing. Non-finite values (outside the function's domain) are kept as NaN. Between the
 * nodes the grid is read by bilinear interpolation, as an image of the function.
 */
public record Grid(double[] xs, double[] ys, double[][] z) {

    /**
     * @throws IllegalArgumentException when the sizes disagree or fewer than two nodes are given per axis
     */
    public Grid {
        if (xs.length < 2 || ys.length < 2) throw new IllegalArgumentException("a grid needs at least 2×2 nodes");
        if (z.length != ys.length) throw new IllegalArgumentException("a grid needs one row of values per y");
        for (double[] row : z) {
            if (row.length != xs.length) throw new IllegalArgumentException("a grid needs one value per x in every row");
        }
    }

    /** n evenly spaced numbers from a to b, both included. */
    public static double[] linspace(double a, double b, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = i == n - 1 ? b : a + (b - a) * i / (n - 1);
        return out;
    }

    public int columns() {
        return xs.length;
    }

    public int rows() {
        return ys.length;
    }

    /** The finite values, in no particular order. */
    public double[] finiteValues() {
        double[] out = new double[xs.length * ys.length];
        int n = 0;
        for (double[] row : z) {
            for (double v : row) if (Double.isFinite(v)) out[n++] = v;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** f at (x, y) by bilinear interpolation between the four surrounding nodes; NaN outside the grid. */
    public double valueAt(double x, double y) {
        double fi = fractionalIndex(xs, x);
        double fj = fractionalIndex(ys, y);
        if (Double.isNaN(fi) || Double.isNaN(fj)) return Double.NaN;
        int i = Math.min((int) fi, xs.length - 2);
        int j = Math.min((int) fj, ys.length - 2);
        double tx = fi - i, ty = fj - j;
        double a = z[j][i], b = z[j][i + 1], c = z[j + 1][i], d = z[j + 1][i + 1];
        return (1 - ty) * ((1 - tx) * a + tx * b) + ty * ((1 - tx) * c + tx * d);
    }

    /** The position of v among the (evenly spaced) nodes as a fractional index; NaN outside. */
    static double fractionalIndex(double[] nodes, double v) {
        double lo = nodes[0], hi = nodes[nodes.length - 1];
        if (!(v >= lo && v <= hi)) return Double.NaN;
        return (v - lo) / (hi - lo) * (nodes.length - 1);
    }
}
