package org.gradus.eval;

/**
 * Reductions: LOOP instruction i of a program runs its body over the index range, or over the
 * current mini-batch rows of its data set (then scaled by range/rows so that the sum is still an
 * estimate of the whole). A compiled kernel runs the loop when {@link LoopKernels} has one; otherwise
 * the body program is interpreted per index.
 */
final class Loops {
    private Loops() {
    }

    /** The mini-batch rows of LOOP i, or null for its whole range. */
    private static int[] rows(Program p, int i) {
        String key = p.tape.dataRows[i];
        return key == null ? null : p.subsets.get(key);
    }

    /** Range length over rows used: the factor that turns a sum over a batch into an estimate of the whole sum. */
    private static double batchScale(Tape t, int i, int[] rows) {
        return (double) (t.to[i] - t.from[i]) / rows.length;
    }

    /** The value of LOOP i. */
    static double sum(Program p, int i, double[] x) {
        Tape t = p.tape;
        Program body = p.body[i];
        int slot = t.a[i];
        int[] rows = rows(p, i);
        LoopKernel kernel = p.kernels.get(p, i, rows);
        if (kernel != null) {
            return rows == null ? kernel.sum(x, t.from[i], t.to[i]) : kernel.sumRows(x, rows) * (t.to[i] - t.from[i]) / rows.length;
        }
        int out = body.tape.output();
        double s = 0;
        if (rows != null) {
            for (int r : rows) {
                p.env[slot] = r;
                Sweeps.forward(body, x, null, Double.NaN);
                s += body.val[out];
            }
            return s * (t.to[i] - t.from[i]) / rows.length;
        }
        for (int r = t.from[i]; r < t.to[i]; r++) {
            p.env[slot] = r;
            Sweeps.forward(body, x, null, Double.NaN);
            s += body.val[out];
        }
        return s;
    }

    /** One pass over the range: each body value, and at once its gradient times seed into grad. */
    static double sumFused(Program p, int i, double[] x, double[] grad, double seed) {
        Tape t = p.tape;
        Program body = p.body[i];
        int slot = t.a[i];
        int[] rows = rows(p, i);
        LoopKernel kernel = p.kernels.get(p, i, rows);
        double s = 0;
        if (rows != null) {
            double scale = batchScale(t, i, rows);
            if (kernel != null) return kernel.sumRowsFused(x, grad, seed * scale, rows) * scale;
            for (int r : rows) {
                p.env[slot] = r;
                s += Sweeps.valueAndGradient(body, x, grad, seed * scale);
            }
            return s * scale;
        }
        if (kernel != null) return kernel.sumFused(x, grad, seed, t.from[i], t.to[i]);
        for (int r = t.from[i]; r < t.to[i]; r++) {
            p.env[slot] = r;
            s += Sweeps.valueAndGradient(body, x, grad, seed);
        }
        return s;
    }

    /** Adds g·∇(LOOP i) into grad (re-running the body forward and backward per index). */
    static void backward(Program p, int i, double[] x, double[] grad, double g) {
        Tape t = p.tape;
        Program body = p.body[i];
        int slot = t.a[i];
        int[] rows = rows(p, i);
        LoopKernel kernel = p.kernels.get(p, i, rows);
        if (rows != null) {
            double scale = batchScale(t, i, rows);
            if (kernel != null) {
                kernel.sumRowsFused(x, grad, g * scale, rows);
                return;
            }
            for (int r : rows) {
                p.env[slot] = r;
                Sweeps.valueAndGradient(body, x, grad, g * scale);
            }
            return;
        }
        if (kernel != null) {
            kernel.sumFused(x, grad, g, t.from[i], t.to[i]);
            return;
        }
        for (int r = t.from[i]; r < t.to[i]; r++) {
            p.env[slot] = r;
            Sweeps.valueAndGradient(body, x, grad, g);
        }
    }
}
