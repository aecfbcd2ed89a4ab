package org.gradus.plot.figure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The curves where a gridded function equals a level, by marching squares: in each grid cell the level
 * crosses the edges whose ends lie on opposite sides, at the linearly interpolated point; an ambiguous
 * cell (opposite corners on the same side) is resolved by the value at its centre. The pieces are joined
 * into polylines, each as {x[], y[]}. Cells with a NaN corner are skipped.
 */
public final class Contours {
    private Contours() {
    }

    /** The polylines of {@code grid = level}. */
    public static List<double[][]> trace(Grid grid, double level) {
        double[] xs = grid.xs(), ys = grid.ys();
        double[][] z = grid.z();
        int nx = xs.length, ny = ys.length;
        int edges = 2 * (ny + 1) * (nx + 1);
        double[] ex = new double[edges], ey = new double[edges];
        int[] first = new int[edges], second = new int[edges];
        Arrays.fill(first, -1);
        Arrays.fill(second, -1);
        int[] segA = new int[64], segB = new int[64];
        int segments = 0;
        for (int j = 0; j < ny - 1; j++) {
            for (int i = 0; i < nx - 1; i++) {
                double a = z[j][i], b = z[j][i + 1], c = z[j + 1][i + 1], d = z[j + 1][i];   // counter-clockwise from lower left
                if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(d)) continue;
                int code = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
                if (code == 0 || code == 15) continue;
                int bottom = edge(i, j, 0, nx), right = edge(i + 1, j, 1, nx), top = edge(i, j + 1, 0, nx), left = edge(i, j, 1, nx);
                int[] pairs = switch (code) {
                    case 1, 14 -> new int[]{left, bottom};
                    case 2, 13 -> new int[]{bottom, right};
                    case 3, 12 -> new int[]{left, right};
                    case 4, 11 -> new int[]{right, top};
                    case 6, 9 -> new int[]{bottom, top};
                    case 7, 8 -> new int[]{left, top};
                    default -> {                                        // 5, 10: a saddle cell
                        boolean centreAbove = (a + b + c + d) / 4 > level;
                        yield centreAbove == (code == 5) ? new int[]{left, top, bottom, right} : new int[]{left, bottom, right, top};
                    }
                };
                for (int k = 0; k < pairs.length; k += 2) {
                    if (segments == segA.length) {
                        segA = Arrays.copyOf(segA, segments * 2);
                        segB = Arrays.copyOf(segB, segments * 2);
                    }
                    segA[segments] = pairs[k];
                    segB[segments] = pairs[k + 1];
                    for (int e : new int[]{pairs[k], pairs[k + 1]}) {
                        if (first[e] < 0) first[e] = segments;
                        else second[e] = segments;
                    }
                    segments++;
                }
                crossing(ex, ey, bottom, xs[i], ys[j], xs[i + 1], ys[j], a, b, level);
                crossing(ex, ey, right, xs[i + 1], ys[j], xs[i + 1], ys[j + 1], b, c, level);
                crossing(ex, ey, top, xs[i], ys[j + 1], xs[i + 1], ys[j + 1], d, c, level);
                crossing(ex, ey, left, xs[i], ys[j], xs[i], ys[j + 1], a, d, level);
            }
        }
        return join(segments, segA, segB, first, second, ex, ey);
    }

    /** An index for the horizontal (dir 0) or vertical (dir 1) grid edge starting at node (i, j). */
    private static int edge(int i, int j, int dir, int nx) {
        return (j * (nx + 1) + i) * 2 + dir;
    }

    private static void crossing(double[] ex, double[] ey, int e, double x0, double y0, double x1, double y1, double v0, double v1, double level) {
        double t = v1 == v0 ? 0.5 : (level - v0) / (v1 - v0);
        ex[e] = x0 + t * (x1 - x0);
        ey[e] = y0 + t * (y1 - y0);
    }

    private static List<double[][]> join(int segments, int[] segA, int[] segB, int[] first, int[] second, double[] ex, double[] ey) {
        boolean[] used = new boolean[segments];
        List<double[][]> lines = new ArrayList<>();
        int[] forward = new int[segments + 2], backward = new int[segments + 2];
        for (int s = 0; s < segments; s++) {
            if (used[s]) continue;
            used[s] = true;
            int nf = walk(segB[s], used, segA, segB, first, second, forward);
            int nb = walk(segA[s], used, segA, segB, first, second, backward);
            int n = nb + 2 + nf;
            double[][] line = new double[2][n];
            int k = 0;
            for (int i = nb - 1; i >= 0; i--) put(line, k++, backward[i], ex, ey);
            put(line, k++, segA[s], ex, ey);
            put(line, k++, segB[s], ex, ey);
            for (int i = 0; i < nf; i++) put(line, k++, forward[i], ex, ey);
            lines.add(line);
        }
        return lines;
    }

    /** Follows unused segments from edge {@code end}; writes the edges reached into {@code out}, returns how many. */
    private static int walk(int end, boolean[] used, int[] segA, int[] segB, int[] first, int[] second, int[] out) {
        int n = 0;
        while (true) {
            int next = first[end] >= 0 && !used[first[end]] ? first[end] : second[end] >= 0 && !used[second[end]] ? second[end] : -1;
            if (next < 0) return n;
            used[next] = true;
            end = segA[next] == end ? segB[next] : segA[next];
            out[n++] = end;
        }
    }

    private static void put(double[][] line, int k, int e, double[] ex, double[] ey) {
        line[0][k] = ex[e];
        line[1][k] = ey[e];
    }
}
