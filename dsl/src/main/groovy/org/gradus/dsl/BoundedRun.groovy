package org.gradus.dsl

import groovy.transform.CompileStatic
import org.gradus.dsl.run.RunControl
import org.gradus.dsl.run.StopReason

import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/**
 * One script run on a thread of its own, waited for within the session's time limit. When the limit is
 * reached (or the waiting thread is interrupted) the run is stopped through its {@link RunControl}, its
 * thread is given {@link GradusSession#STOP_GRACE_MILLIS} to end, and the error says where the script
 * was. A thread still running after the grace period is stopped by force ({@link #forceStop}). The thread
 * is a daemon: a run that cannot be stopped never keeps the JVM alive.
 */
@CompileStatic
final class BoundedRun {
    private static final AtomicInteger COUNT = new AtomicInteger()

    private final RunControl control
    private final ErrorLocator locator
    private final GradusSession session

    BoundedRun(RunControl control, ErrorLocator locator, GradusSession session) {
        this.control = control
        this.locator = locator
        this.session = session
    }

    void run(Runnable work) {
        CountDownLatch done = new CountDownLatch(1)
        Throwable[] failure = new Throwable[1]
        Thread worker = new Thread({
            try {
                work.run()
            } catch (Throwable t) {
                failure[0] = t
            } finally {
                done.countDown()
            }
        } as Runnable, 'gradus-script-' + COUNT.incrementAndGet())
        long start = session.limitCountsFrom != null ? session.limitCountsFrom : System.nanoTime()
        worker.daemon = true
        worker.start()
        double limit = session.timeLimit
        boolean finished
        try {
            if (limit > 0) {
                long left = start + (long) Math.ceil(limit * 1e9d) - System.nanoTime()
                finished = done.await(Math.max(left, 1L), TimeUnit.NANOSECONDS)
            } else {
                done.await()
                finished = true
            }
        } catch (InterruptedException e) {
            throw stop(StopReason.CANCELLED, worker, done, true)
        }
        if (!finished) throw stop(StopReason.TIMEOUT, worker, done, false)
        if (failure[0] != null) throw session.failure(failure[0], control, locator)
    }

    private GradusException stop(StopReason why, Thread worker, CountDownLatch done, boolean interrupted) {
        StackTraceElement[] where = worker.stackTrace
        control.stop(why)
        long grace = session.stopGraceMillis
        try {
            if (grace > 0 && !done.await(grace, TimeUnit.MILLISECONDS) && forceStop(worker)) {
                done.await(grace, TimeUnit.MILLISECONDS)
            }
        } catch (InterruptedException ignored) {
            interrupted = true
        }
        if (interrupted) Thread.currentThread().interrupt()
        session.stopped(why, locator, where)
    }

    /**
     * The last resort for a script thread that did not end at its checks within the grace period: it is
     * in the Groovy compiler, or in one long call into the Groovy runtime that never looks at its thread
     * ({@code (1..10**12).sum()}, a huge {@code toList()} or {@code sort()}). {@link Thread#stop} throws a
     * {@link ThreadDeath} there, as Jenkins does for a build that ignores its abort. Everything the thread
     * was working on belongs to the stopped run and is dropped with it. Returns false where the JVM no longer
     * supports it (Java 20 and later): the thread is then a daemon that ends at its next check.
     */
    @SuppressWarnings('deprecation')
    private static boolean forceStop(Thread worker) {
        try {
            worker.stop()
            true
        } catch (UnsupportedOperationException ignored) {
            false
        }
    }
}
