package org.gradus.eval;

import org.gradus.data.Chunks;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One data reduction of a top-level program evaluated in fixed chunks, on several threads.
 *
 * <p>The rows (the loop's range, or the mini-batch rows) are cut into chunks of
 * {@link #chunkRows(int)} rows, a size that depends on the number of rows only ({@link Chunks}: a pass
 * over partitions elsewhere follows the same order and gives the same bits). Each chunk is summed
 * from zero — its value into its own slot, its gradient into its own zeroed array — and the chunks are
 * then combined in chunk order. So the result does not depend on which thread ran which chunk, nor on
 * how many threads there were: one thread and two give the same bits, run after run, and the
 * interpreter gives the same bits as the compiled kernels.
 *
 * <p>The calling thread works too and checks its interrupt flag between chunks: an interrupted pass
 * stops handing out chunks and throws {@link EvaluationInterruptedException} (the flag stays set).
 * Worker threads come from {@link EvalThreads}; each has its own copy of the program (working arrays,
 * loop index environment, kernels), created on first use and kept.
 */
final class DataPass {
    /**
     * Unused doubles after each chunk's gradient (two cache lines). The arrays of consecutive chunks lie
     * next to each other in memory and two threads fill them at once, row after row: without this gap the
     * line holding the end of one and the start of the next went back and forth between the cores on
     * every row, and a 10⁶-row pass took longer on two threads than on one.
     */
    static final int PAD = 16;

    private final Program owner;
    private final int i;
    /** Per worker, the program it evaluates its chunks with: 0 is the owner itself. */
    private Program[] workers = new Program[1];
    private double[][] partial = new double[0][];
    private double[] chunkValue = new double[0];

    DataPass(Program owner, int i) {
        this.owner = owner;
        this.i = i;
        workers[0] = owner;
    }

    /** The rows in each chunk of a pass over {@code count} rows (the last chunk may be shorter). */
    static int chunkRows(int count) {
        return Chunks.rowsPerChunk(count);
    }

    /** Σ body over the range (rows == null) or the rows; with grad != null, seed·∇body added into grad. */
    double run(double[] x, double[] grad, double seed, RowWindow window) {
        Tape t = owner.tape;
        int count = window == null ? t.to[i] - t.from[i] : window.count();
        int[] rows = window == null ? null : window.rows;
        int size = chunkRows(count), chunks = (count + size - 1) / size;
        prepare(chunks, grad == null ? 0 : grad.length);
        int threads = Math.max(1, Math.min(owner.threads, chunks));
        int first = window == null ? t.from[i] : window.lo;
        double[][] partials = grad == null ? null : partial;
        if (threads == 1) { // on the calling thread alone: nothing allocated (a mini-batch step is one such pass)
            for (int c = 0; c < chunks; c++) chunk(owner, c, x, partials, seed, rows, size, count, first);
        } else {
            parallel(new Job(x, partials, seed, rows, size, count, first), threads);
        }
        double s = 0;
        for (int c = 0; c < chunks; c++) s += chunkValue[c];
        if (grad != null) {
            for (int c = 0; c < chunks; c++) {
                double[] pc = partial[c];
                for (int k = 0; k < grad.length; k++) grad[k] += pc[k];
            }
        }
        return s;
    }

    /**
     * Chunk c of a pass: its value into its slot, its gradient (when partial != null) into its own
     * zeroed array. On the calling thread, an interrupt seen after a chunk that is not the last throws
     * {@link EvaluationInterruptedException}.
     */
    private void chunk(Program q, int c, double[] x, double[][] partial, double seed, int[] rows, int size, int count, int first) {
        int lo = c * size, hi = Math.min(count, lo + size);
        double[] g = null;
        if (partial != null) {
            g = partial[c];
            Arrays.fill(g, 0);
        }
        if (rows != null) q.prefetch(i).touch(rows, first + lo, first + hi);
        chunkValue[c] = Loops.chunk(q, i, x, g, seed, rows, first + lo, first + hi);
        if (q == owner && hi < count && Thread.currentThread().isInterrupted()) throw new EvaluationInterruptedException();
    }

    private void prepare(int chunks, int dimension) {
        if (chunkValue.length < chunks) chunkValue = new double[chunks];
        if (dimension > 0 && (partial.length < chunks || partial[0].length != dimension + PAD)) {
            partial = new double[chunks][dimension + PAD];
        }
    }

    private void parallel(Job job, int threads) {
        if (workers.length < threads) {
            Program[] w = Arrays.copyOf(workers, threads);
            for (int k = workers.length; k < threads; k++) w[k] = owner.copy();
            workers = w;
        }
        CountDownLatch helpers = new CountDownLatch(threads - 1);
        for (int k = 1; k < threads; k++) {
            Program worker = workers[k];
            EvalThreads.execute(() -> {
                try {
                    job.work(worker);
                } catch (Throwable e) {
                    job.fail(e);
                } finally {
                    helpers.countDown();
                }
            });
        }
        try {
            job.work(owner);
        } catch (Throwable e) {
            job.fail(e);
        }
        boolean interrupted = false;
        while (true) {
            try {
                helpers.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                job.stop = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        Throwable failure = job.failure.get();
        if (failure instanceof RuntimeException r) throw r;
        if (failure instanceof Error e) throw e;
        if (failure != null) throw new IllegalStateException(failure);
    }

    /** The chunks of one pass, handed out in order to whichever thread asks next. */
    private final class Job {
        final double[] x;
        final double[][] partial;
        final double seed;
        final int[] rows;
        final int size;
        final int count;
        final int first;
        final AtomicInteger next = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        volatile boolean stop;

        Job(double[] x, double[][] partial, double seed, int[] rows, int size, int count, int first) {
            this.x = x;
            this.partial = partial;
            this.seed = seed;
            this.rows = rows;
            this.size = size;
            this.count = count;
            this.first = first;
        }

        void work(Program q) {
            int c;
            while (!stop && (c = next.getAndIncrement()) * (long) size < count) {
                try {
                    chunk(q, c, x, partial, seed, rows, size, count, first);
                } catch (EvaluationInterruptedException e) {
                    stop = true;
                    throw e;
                }
            }
        }

        void fail(Throwable e) {
            failure.compareAndSet(null, e);
            stop = true;
        }
    }
}
