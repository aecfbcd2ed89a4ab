package org.gradus.plot.figure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        List<long[]> segments = new ArrayList<>();          // each: edge id of both ends
        Map<Long, double[]> points = new HashMap<>();
        for (int j = 0; j < ny - 1; j++) {
            for (int i = 0; i < nx - 1; i++) {
                double a = z[j][i], b = z[j][i + 1], c = z[j + 1][i + 1], d = z[j + 1][i];   // counter-clockwise from lower left
                if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(d)) continue;
                int code = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
                if (code == 0 || code == 15) continue;
                long bottom = edge(i, j, 0, nx), right = edge(i + 1, j, 1, nx), top = edge(i, j + 1, 0, nx), left = edge(i, j, 1, nx);
                if (!points.containsKey(bottom)) points.put(bottom, cross(xs[i], ys[j], xs[i + 1], ys[j], a, b, level));
                if (!points.containsKey(right)) points.put(right, cross(xs[i + 1], ys[j], xs[i + 1], ys[j + 1], b, c, level));
                if (!points.containsKey(top)) points.put(top, cross(xs[i], ys[j + 1], xs[i + 1], ys[j + 1], d, c, level));
                if (!points.containsKey(left)) points.put(left, cross(xs[i], ys[j], xs[i], ys[j + 1], a, d, level));
                switch (code) {
                    case 1, 14 -> segments.add(new long[]{left, bottom});
                    case 2, 13 -> segments.add(new long[]{bottom, right});
                    case 3, 12 -> segments.add(new long[]{left, right});
                    case 4, 11 -> segments.add(new long[]{right, top});
                    case 6, 9 -> segments.add(new long[]{bottom, top});
                    case 7, 8 -> segments.add(new long[]{left, top});
                    case 5, 10 -> {
                        boolean centreAbove = (a + b + c + d) / 4 > level;
                        boolean lowerLeftAbove = code == 5;          // a and c above
                        if (centreAbove == lowerLeftAbove) {
                            segments.add(new long[]{left, top});
                            segments.add(new long[]{bottom, right});
                        } else {
                            segments.add(new long[]{left, bottom});
                            segments.add(new long[]{right, top});
                        }
                    }
                    default -> throw new AssertionError(code);
                }
            }
        }
        return join(segments, points);
    }

    /** An id for the horizontal (dir 0) or vertical (dir 1) grid edge starting at node (i, j). */
    private static long edge(int i, int j, int dir, int nx) {
        return ((long) j * (nx + 1) + i) * 2 + dir;
    }

    private static double[] cross(double x0, double y0, double x1, double y1, double v0, double v1, double level) {
        double t = v1 == v0 ? 0.5 : (level - v0) / (v1 - v0);
        return new double[]{x0 + t * (x1 - x0), y0 + t * (y1 - y0)};
    }

    private static List<double[][]> join(List<long[]> segments, Map<Long, double[]> points) {
        Map<Long, List<Integer>> byEnd = new HashMap<>();
        for (int s = 0; s < segments.size(); s++) {
            for (long e : segments.get(s)) byEnd.computeIfAbsent(e, k -> new ArrayList<>(2)).add(s);
        }
        boolean[] used = new boolean[segments.size()];
        List<double[][]> lines = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            if (used[s]) continue;
            used[s] = true;
            List<Long> chain = new ArrayList<>(List.of(segments.get(s)[0], segments.get(s)[1]));
            extend(chain, byEnd, segments, used, false);
            extend(chain, byEnd, segments, used, true);
            double[][] line = new double[2][chain.size()];
            for (int k = 0; k < chain.size(); k++) {
                double[] p = points.get(chain.get(k));
                line[0][k] = p[0];
                line[1][k] = p[1];
            }
            lines.add(line);
        }
        return lines;
    }

    /** Grows the chain at its end (or, with atStart, its start) through unused segments sharing an edge. */
    private static void extend(List<Long> chain, Map<Long, List<Integer>> byEnd, List<long[]> segments, boolean[] used, boolean atStart) {
        while (true) {
            long end = atStart ? chain.get(0) : chain.get(chain.size() - 1);
            int next = -1;
            for (int s : byEnd.get(end)) {
                if (!used[s]) {
                    next = s;
                    break;
                }
            }
            if (next < 0) return;
            used[next] = true;
            long[] seg = segments.get(next);
            long other = seg[0] == end ? seg[1] : seg[0];
            if (atStart) chain.add(0, other);
            else chain.add(other);
        }
    }
}
