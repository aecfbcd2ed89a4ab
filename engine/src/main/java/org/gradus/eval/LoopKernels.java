package org.gradus.eval;

/**
 * When to compile a program's loop bodies to bytecode: a body is compiled once the loop has run for
 * {@link #threshold} iterations in all (so one-off evaluations and small loops never pay for code
 * generation). A body the compiler declines stays interpreted. The system property {@code gradus.jit}
 * sets the default: {@code off}, {@code always}, or a number of iterations.
 */
final class LoopKernels {
    static final long DEFAULT_THRESHOLD = parse(System.getProperty("gradus.jit", "4096"));

    private static final byte UNTRIED = 0, COMPILED = 1, DECLINED = 2;

    long threshold = DEFAULT_THRESHOLD;
    private final LoopKernel[] kernels;
    private final byte[] state;
    private final long[] iterations;

    LoopKernels(int size) {
        kernels = new LoopKernel[size];
        state = new byte[size];
        iterations = new long[size];
    }

    /**
     * The compiled kernel of LOOP instruction i of owner for a run over loop indices [lo, hi) or over
     * rows[lo..hi), or null to interpret this run (also when a row lies outside the loop's range: the
     * interpreter reports it).
     */
    LoopKernel get(Program owner, int i, int[] rows, int lo, int hi) {
        byte s = state[i];
        if (s == DECLINED) return null;
        Tape t = owner.tape;
        int from = t.from[i], to = t.to[i];
        if (rows != null && !inRange(rows, lo, hi, from, to)) return null;
        if (s == UNTRIED) {
            iterations[i] += hi - lo;
            if (iterations[i] < threshold) return null;
            kernels[i] = KernelCompiler.compile(owner.body[i], t.a[i], from, to);
            state[i] = kernels[i] == null ? DECLINED : COMPILED;
        }
        return kernels[i];
    }

    int compiledCount() {
        int n = 0;
        for (LoopKernel k : kernels) if (k != null) n++;
        return n;
    }

    private static boolean inRange(int[] rows, int lo, int hi, int from, int to) {
        for (int k = lo; k < hi; k++) if (rows[k] < from || rows[k] >= to) return false;
        return true;
    }

    private static long parse(String s) {
        if (s.equals("off")) return Long.MAX_VALUE;
        if (s.equals("always")) return 0;
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 4096;
        }
    }
}
