package org.gradus.eval;

/**
 * Reductions: LOOP instruction i of a program runs its body over the index range, or over the
 * current mini-batch rows of its data set (then scaled by range/rows so that the sum is still an
 * estimate of the whole). A data reduction of a top-level program over all its rows, or over a mini-batch
 * of more rows than one chunk, runs as a {@link DataPass} (fixed chunks, both cores); everything else runs here in one piece, through a
 * compiled kernel when {@link LoopKernels} has one, else by interpreting the body per index. A reduction
 * over a partitioned data set runs where its rows are ({@link RemotePass}).
 */
final class Loops {
    private Loops() {
    }

    /** The value of LOOP i. */
    static double sum(Program p, int i, double[] x) {
        RowWindow rows = rows(p, i);
        double s = reduce(p, i, x, null, Double.NaN, rows);
        return rows == null ? s : s * batchScale(p.tape, i, rows);
    }

    /** One pass over the range: each body value, and at once its gradient times seed into grad. */
    static double sumFused(Program p, int i, double[] x, double[] grad, double seed) {
        RowWindow rows = rows(p, i);
        if (rows == null) return reduce(p, i, x, grad, seed, null);
        double scale = batchScale(p.tape, i, rows);
        return reduce(p, i, x, grad, seed * scale, rows) * scale;
    }

    /** Adds g·∇(LOOP i) into grad (running the body forward and backward per index). */
    static void backward(Program p, int i, double[] x, double[] grad, double g) {
        sumFused(p, i, x, grad, g);
    }

    /** The mini-batch rows of LOOP i, or null for its whole range. */
    private static RowWindow rows(Program p, int i) {
        String key = p.tape.dataRows[i];
        return key == null ? null : p.subsets.get(key);
    }

    /** Range length over rows used: the factor that turns a sum over a batch into an estimate of the whole sum. */
    private static double batchScale(Tape t, int i, RowWindow rows) {
        return (double) (t.to[i] - t.from[i]) / rows.count();
    }

    /** Σ body over the whole range or all of rows; with grad != null, seed·∇body added into grad. */
    private static double reduce(Program p, int i, double[] x, double[] grad, double seed, RowWindow rows) {
        Tape t = p.tape;
        if (t.remote[i] != null) return p.remotePass(i).run(x, grad, seed, rows);
        int count = rows == null ? t.to[i] - t.from[i] : rows.count();
        // a pass over all rows goes through the chunks even when there is one: its gradient is summed from zero and
        // then added, whatever grad already holds — the arithmetic of a pass over partitions (RemotePass), bit for bit
        if (p.passes != null && t.dataRows[i] != null && (rows == null || count > DataPass.chunkRows(count))) {
            return p.pass(i).run(x, grad, seed, rows);
        }
        if (rows == null) return chunk(p, i, x, grad, seed, null, t.from[i], t.to[i]);
        p.prefetch(i).touch(rows.rows, rows.lo, rows.hi);
        return chunk(p, i, x, grad, seed, rows.rows, rows.lo, rows.hi);
    }

    /**
     * Σ body over loop indices [lo, hi), or over rows[lo..hi) when rows != null, summed from 0 in order;
     * with g != null, seed·∇body added into g. Through the compiled kernel when there is one.
     */
    static double chunk(Program q, int i, double[] x, double[] g, double seed, int[] rows, int lo, int hi) {
        LoopKernel kernel = q.kernels.get(q, i, rows, lo, hi);
        if (kernel != null) {
            if (rows == null) return g == null ? kernel.sum(x, lo, hi) : kernel.sumFused(x, g, seed, lo, hi);
            return g == null ? kernel.sumRows(x, rows, lo, hi) : kernel.sumRowsFused(x, g, seed, rows, lo, hi);
        }
        Program body = q.body[i];
        int slot = q.tape.a[i], out = body.tape.output();
        double s = 0;
        for (int pos = lo; pos < hi; pos++) {
            q.env[slot] = rows == null ? pos : rows[pos];
            if (g == null) {
                Sweeps.forward(body, x, null, Double.NaN);
                s += body.val[out];
            } else {
                s += Sweeps.valueAndGradient(body, x, g, seed);
            }
        }
        return s;
    }

    // ---- array-valued reductions (a gradient summed over rows, inside a gradient program) ---------

    /** The value of ALOOP i: Σ of the body's array over the range or the current rows, into out. */
    static void arraySum(Program p, int i, double[] x, double[] out) {
        Tape t = p.tape;
        Program body = p.body[i];
        int slot = t.a[i], o = body.tape.output(), n = t.len[i];
        java.util.Arrays.fill(out, 0);
        RowWindow rows = rows(p, i);
        int lo = rows == null ? t.from[i] : rows.lo, hi = rows == null ? t.to[i] : rows.hi;
        for (int pos = lo; pos < hi; pos++) {
            p.env[slot] = rows == null ? pos : rows.rows[pos];
            Sweeps.forward(body, x, null, Double.NaN);
            double[] v = body.aref[o];
            int vo = body.aoff[o];
            for (int k = 0; k < n; k++) out[k] += v[vo + k];
        }
        if (rows != null) {
            double scale = batchScale(t, i, rows);
            for (int k = 0; k < n; k++) out[k] *= scale;
        }
    }

    /** Adds gᵀ·∂(ALOOP i)/∂x into grad: the body's reverse sweep per index, seeded with g. */
    static void arrayBackward(Program p, int i, double[] x, double[] grad, double[] g) {
        Tape t = p.tape;
        Program body = p.body[i];
        Tape bt = body.tape;
        int slot = t.a[i], o = bt.output(), n = t.len[i];
        if (!bt.needsGradient[o]) return;
        RowWindow rows = rows(p, i);
        double scale = rows == null ? 1 : batchScale(t, i, rows);
        int lo = rows == null ? t.from[i] : rows.lo, hi = rows == null ? t.to[i] : rows.hi;
        for (int pos = lo; pos < hi; pos++) {
            p.env[slot] = rows == null ? pos : rows.rows[pos];
            Sweeps.forward(body, x, null, Double.NaN);
            java.util.Arrays.fill(body.adj, 0);
            body.clearArrayAdjoints();
            if (bt.op[o] == Opcode.AVAR) {
                for (int k = 0; k < n; k++) grad[bt.a[o] + k] += scale * g[k];
                continue;
            }
            double[] seed = body.aadj[o];
            for (int k = 0; k < n; k++) seed[k] = scale * g[k];
            Sweeps.backward(body, x, grad, false);
        }
    }
}
