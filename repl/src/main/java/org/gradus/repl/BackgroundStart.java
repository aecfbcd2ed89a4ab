package org.gradus.repl;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A value made on a daemon thread of its own, started at once, and waited for where it is first needed. The
 * REPL makes its session this way: the first session starts Groovy's runtime (its metaclass registry and
 * extension methods), most of the time to the prompt otherwise, and it can overlap with setting up the
 * terminal and showing the prompt (docs/benchmarks.md, "Start-up").
 *
 * @param <T> the value's type
 */
final class BackgroundStart<T> {
    private final FutureTask<T> task;

    /** Starts {@code make} on a daemon thread named {@code threadName}. */
    BackgroundStart(String threadName, Callable<T> make) {
        this.task = new FutureTask<>(make);
        Thread t = new Thread(task, threadName);
        t.setDaemon(true);
        t.start();
    }

    /**
     * The value, waiting for it if it is not made yet. An interrupt while waiting does not end the wait (the
     * value is needed); the thread's interrupt flag is set again afterwards. If making it failed, that failure
     * is thrown here (a checked one wrapped in an {@link IllegalStateException}).
     */
    T get() {
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
