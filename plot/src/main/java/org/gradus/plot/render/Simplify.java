package org.gradus.plot.render;

/**
 * Ramer–Douglas–Peucker simplification of a polyline in page coordinates: drops the points that lie
 * within {@code tolerance} pixels of the line through their neighbours that are kept, so a contour
 * line of a fine grid costs a few points per visible bend (smaller SVGs, faster drawing) and looks the
 * same.
 */
final class Simplify {
    private Simplify() {
    }

    /** Which points to keep; the ends are always kept. */
    static boolean[] keep(double[] x, double[] y, double tolerance) {
        int n = x.length;
        boolean[] keep = new boolean[n];
        if (n == 0) return keep;
        keep[0] = true;
        keep[n - 1] = true;
        int[] stack = new int[2 * n + 2];
        int top = 0;
        stack[top++] = 0;
        stack[top++] = n - 1;
        double tol2 = tolerance * tolerance;
        while (top > 0) {
            int b = stack[--top], a = stack[--top];
            double dx = x[b] - x[a], dy = y[b] - y[a], len2 = dx * dx + dy * dy;
            int worst = -1;
            double worstD = tol2;
            for (int i = a + 1; i < b; i++) {
                double d;
                if (len2 == 0) {
                    d = (x[i] - x[a]) * (x[i] - x[a]) + (y[i] - y[a]) * (y[i] - y[a]);
                } else {
                    double cross = (x[i] - x[a]) * dy - (y[i] - y[a]) * dx;
                    d = cross * cross / len2;
                }
                if (d > worstD) {
                    worstD = d;
                    worst = i;
                }
            }
            if (worst >= 0) {
                keep[worst] = true;
                stack[top++] = a;
                stack[top++] = worst;
                stack[top++] = worst;
                stack[top++] = b;
            }
        }
        return keep;
    }
}
