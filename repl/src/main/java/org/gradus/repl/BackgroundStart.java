package org.gradus.repl;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A value made on a daemon thread of its own, started when asked (or when first needed), and waited for where
 * it is first needed. The REPL makes its session this way: the first session starts Groovy's runtime (its
 * metaclass registry and extension methods), about a second of CPU; it starts once the prompt is on the screen,
 * so that it overlaps with the person typing, not with setting up the terminal (docs/benchmarks.md, "The REPL's
 * prompt, eighth session").
 *
 * @param <T> the value's type
 */
final class BackgroundStart<T> {
    private final FutureTask<T> task;

    private final Thread thread;

    /** Makes ready to run {@code make} on a daemon thread named {@code threadName}: it starts at {@link #start()} or the first {@link #get()}. */
    BackgroundStart(String threadName, Callable<T> make) {
        this.task = new FutureTask<>(make);
        this.thread = new Thread(task, threadName);
        thread.setDaemon(true);
    }

    /** Starts making the value, if it was not started yet. */
    synchronized void start() {
        if (thread.getState() == Thread.State.NEW) thread.start();
    }

    /** The value if it is made (and making it did not fail), else {@code fallback}; never waits, never starts it. */
    T now(T fallback) {
        if (!task.isDone()) return fallback;
        try {
            return task.get();
        } catch (InterruptedException | ExecutionException | java.util.concurrent.CancellationException e) {
            return fallback;
        }
    }

    /**
     * The value, waiting for it if it is not made yet. An interrupt while waiting does not end the wait (the
     * value is needed); the thread's interrupt flag is set again afterwards. If making it failed, that failure
     * is thrown here (a checked one wrapped in an {@link IllegalStateException}).
     */
    T get() {
        start();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) throw (RuntimeException) cause;
            if (cause instanceof Error) throw (Error) cause;
            throw new IllegalStateException("could not be made: " + cause, cause);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
