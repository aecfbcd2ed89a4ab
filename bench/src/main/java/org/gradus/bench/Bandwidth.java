package org.gradus.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The memory-bandwidth yardstick: an array summed on {@code threads} threads, each a contiguous part,
 * with eight independent partial sums (so the loop is bound by memory, not by the latency of one
 * addition). Bytes read / time is the streaming rate a one-pass kernel can hope for.
 */
public final class Bandwidth {
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bandwidth");
        t.setDaemon(true);
        return t;
    });

    private Bandwidth() {
    }

    public static double sum(double[] a, int threads) {
        if (threads == 1) return sum(a, 0, a.length);
        try {
            @SuppressWarnings("unchecked")
            Future<Double>[] parts = new Future[threads - 1];
            int step = (a.length + threads - 1) / threads;
            for (int t = 1; t < threads; t++) {
                int lo = Math.min(a.length, t * step), hi = Math.min(a.length, lo + step);
                parts[t - 1] = POOL.submit(() -> sum(a, lo, hi));
            }
            double s = sum(a, 0, Math.min(a.length, step));
            for (Future<Double> f : parts) s += f.get();
            return s;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static double sum(double[] a, int lo, int hi) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = lo;
        for (; i + 7 < hi; i += 8) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
            s4 += a[i + 4];
            s5 += a[i + 5];
            s6 += a[i + 6];
            s7 += a[i + 7];
        }
        for (; i < hi; i++) s0 += a[i];
        return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
    }
}
