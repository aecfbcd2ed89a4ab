package org.gradus.eval;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this JVM's data passes run their dot products and chain rules on the processor's vector unit
 * ({@link VectorDots}), and the warm-up that must come first.
 *
 * <p>The vector code gives the same bits as the scalar code, so a pass may use either, and the switch from
 * one to the other may come at any time, even in the middle of a pass. That is how the warm-up works: until
 * C2 has compiled it, vector code runs many times slower than scalar code (a first pass over 10⁵ rows took
 * 676 ms instead of 94 in a fresh JVM, docs/benchmarks.md "Thirteenth session"), so the sums stay scalar while
 * a thread of low priority runs the vector code alone until it is compiled (about 0.3 s of one core for the
 * sums over tables of doubles, then as long again for tables of floats, once per JVM), and only then do the
 * passes take it: {@link #warm} for doubles, {@link #warmFloats} for floats. The warm-up starts when a sum is
 * first needed, or, in the daemon, in its quiet time after its first command ({@link #DEFER_WARM_UP}).
 */
public final class VectorUnit {
    /** The module of JDK 17's incubating Vector API, resolved only when the JVM is started with {@code --add-modules} it. */
    public static final String MODULE = "jdk.incubator.vector";
    /**
     * A system property: when {@code true}, the first sum does not start the warm-up ({@link #warmUpOnFirstUse});
     * the daemon sets it and warms up in its quiet time, so that the warm-up does not take a core from a client's pass.
     */
    public static final String DEFER_WARM_UP = "gradus.simd.deferWarmUp";
    /** Rounds of the warm-up: C2 had compiled the sums after 30,000 under the launcher's JIT thresholds. */
    private static final int ROUNDS = 60_000;

    /**
     * True when the JVM was started with {@code --add-modules jdk.incubator.vector}, the processor has vectors
     * of at least four doubles (AVX2 or AVX-512) and the system property {@code gradus.simd} is not
     * {@code off} (to measure what the vector unit gains).
     */
    static final boolean AVAILABLE = detect();
    /** Set once the warm-up of the sums over tables of doubles is done: from then on they run on the vector unit. */
    static volatile boolean warm;
    /** The same for tables of 32-bit floats, warmed up second (the usual table is of doubles). */
    static volatile boolean warmFloats;

    /** Why the warm-up failed (the sums then stay scalar), or null. */
    private static volatile String failure;
    private static final AtomicBoolean started = new AtomicBoolean();
    private static final CountDownLatch finished = new CountDownLatch(1);

    private VectorUnit() {
    }

    private static boolean detect() {
        if ("off".equals(System.getProperty("gradus.simd"))) return false;
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) return false;
        return VectorDots.LANES >= 4;
    }

    /** Whether the sums now run on the vector unit (available, and warmed up). */
    public static boolean inUse() {
        return warm;
    }

    /** For a log: "vectors of 8 doubles", or why the vector unit is not used. */
    public static String describe() {
        if (AVAILABLE && failure != null) {
            return (warm ? "vectors of " + VectorDots.LANES + " doubles for tables of doubles; tables of floats stay scalar"
                    : "not in use") + " (its warm-up failed: " + failure + ")";
        }
        if (AVAILABLE) return "vectors of " + VectorDots.LANES + " doubles" + (warmFloats ? "" : ", warming up");
        if ("off".equals(System.getProperty("gradus.simd"))) return "off (gradus.simd=off)";
        return ModuleLayer.boot().findModule(MODULE).isEmpty() ? "not in use (no --add-modules " + MODULE + ")"
                : "not in use (vectors of " + VectorDots.LANES + " doubles only)";
    }

    /** What the first use of the sums does: starts the warm-up, unless {@link #DEFER_WARM_UP} says it comes later. */
    static void warmUpOnFirstUse() {
        if (!Boolean.getBoolean(DEFER_WARM_UP)) warmUpInBackground();
    }

    /** Starts the warm-up on a thread of its own, once per JVM; nothing when the vector unit is not available. */
    public static void warmUpInBackground() {
        if (!AVAILABLE || !started.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> {
            try {
                VectorDots.warmUp(ROUNDS);
                warm = true;
                VectorDots.warmUpFloats(ROUNDS);
                warmFloats = true;
            } catch (RuntimeException | LinkageError e) { // no stack trace on a user's stderr: the sums stay scalar
                failure = e.toString();
            } finally {
                finished.countDown();
            }
        }, "gradus-vector-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * Starts the warm-up if need be and waits for all of it, doubles and floats (tests, benchmarks); true when
     * the vector unit is then in use.
     */
    public static boolean awaitWarm(long millis) throws InterruptedException {
        warmUpInBackground();
        return AVAILABLE && finished.await(millis, TimeUnit.MILLISECONDS) && warm;
    }
}
