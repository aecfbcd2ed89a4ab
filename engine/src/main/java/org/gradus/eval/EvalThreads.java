package org.gradus.eval;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that evaluate data passes: one pool for the whole JVM (daemon threads, created when
 * first needed, reused, ended after a minute idle). How many a pass uses is the program's setting
 * ({@link Program#threads(int)}), by default {@link #defaultThreads()}.
 */
public final class EvalThreads {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static volatile ExecutorService pool;

    private EvalThreads() {
    }

    private static final int DEFAULT_THREADS = fromEnvironment();

    /**
     * The environment variable {@code GRADUS_THREADS} when it is a positive whole number, else the
     * number of processors the JVM may use (read once: asking the JVM reads the container's limits).
     */
    public static int defaultThreads() {
        return DEFAULT_THREADS;
    }

    private static int fromEnvironment() {
        String env = System.getenv("GRADUS_THREADS");
        if (env != null) {
            try {
                int n = Integer.parseInt(env.trim());
                if (n >= 1) return n;
            } catch (NumberFormatException ignored) {
                // not a number: fall back to the processors
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** Runs the task on a thread of the pool (a data pass's chunks, a method's share of a step over the coordinates). */
    public static void execute(Runnable task) {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (EvalThreads.class) {
                if (pool == null) {
                    pool = Executors.newCachedThreadPool(r -> {
                        Thread th = new Thread(r, "gradus-eval-" + NAMES.incrementAndGet());
                        th.setDaemon(true);
                        return th;
                    });
                }
                p = pool;
            }
        }
        p.execute(task);
    }
}
