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
 * was. The thread is a daemon: a run that cannot be stopped never keeps the JVM alive.
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
        try {
            if (session.stopGraceMillis > 0) done.await(session.stopGraceMillis, TimeUnit.MILLISECONDS)
        } catch (InterruptedException ignored) {
            interrupted = true
        }
        if (interrupted) Thread.currentThread().interrupt()
        session.stopped(why, locator, where)
    }
}
