package org.gradus.dsl.run;

/**
 * The stop switch of one script run. The thread that runs a script {@linkplain #attach attaches} the run's
 * control; anyone may then {@linkplain #stop stop} it (time limit reached, the host cancelled, standard
 * output closed) or {@linkplain #interrupt interrupt} it (Ctrl-C in the REPL).
 *
 * <p>Stopping is cooperative and sticky: {@link #stop} records the reason and interrupts the thread, so an
 * optimizer ends its loop at the next iteration (the engine's optimizers check for interruption), and the
 * checks the compiler puts into every script ({@code StopChecks}: at the top of every loop body, closure
 * and method, and before every top-level statement) throw {@link ScriptStopped} from then on. An
 * interruption is one-shot: the optimizer that sees it ends with status {@code interrupted} and clears it;
 * a plain loop that sees it throws {@link InterruptedException}; the script then goes on (the REPL's
 * Ctrl-C keeps the best point so far).
 *
 * <p>The sandbox's run-time checker, which sees every call a script makes, also calls {@link #check()}.
 */
public final class RunControl {
    private static final ThreadLocal<RunControl> CURRENT = new ThreadLocal<>();

    private volatile StopReason stopped;
    private volatile Thread thread;
    private volatile boolean interruptPending;
    private volatile boolean running;

    /** The control attached to the calling thread, or null when no script runs on it. */
    public static RunControl current() {
        return CURRENT.get();
    }

    /**
     * Makes this the control of the calling thread (the thread that compiles and then runs the script);
     * returns the previous one, for {@link #detach}.
     */
    public RunControl attach() {
        RunControl previous = CURRENT.get();
        CURRENT.set(this);
        thread = Thread.currentThread();
        if (stopped != null) thread.interrupt();
        return previous;
    }

    /**
     * The script is compiled and starts running now: an {@link #interrupt} that came while it compiled is
     * delivered (the compiler itself is never interrupted).
     */
    public synchronized void started() {
        running = true;
        if (interruptPending) {
            interruptPending = false;
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Detaches this control from the calling thread and restores {@code previous}. An interrupt aimed at
     * this run that nothing consumed (it came during a statement without a loop) is cleared, so that it
     * does not reach the thread's next run.
     */
    public synchronized void detach(RunControl previous) {
        thread = null;
        running = false;
        interruptPending = false;
        Thread.interrupted();
        if (previous == null) CURRENT.remove();
        else CURRENT.set(previous);
    }

    /** The thread running the script, or null before it starts and after it ends. */
    public Thread thread() {
        return thread;
    }

    /**
     * Tells the run to stop for {@code reason} (the first reason given wins) and interrupts its thread.
     * Returns at once; the script stops at its next check.
     */
    public void stop(StopReason reason) {
        if (stopped == null) stopped = reason;
        Thread t = thread;
        if (t != null) t.interrupt();
    }

    /** Interrupts the run once, as Ctrl-C does in the REPL; if it has not started yet, it is interrupted when it does. */
    public synchronized void interrupt() {
        Thread t = thread;
        if (running && t != null) t.interrupt();
        else interruptPending = true;
    }

    /** Why the run was told to stop, or null while it may go on. */
    public StopReason stopReason() {
        return stopped;
    }

    /**
     * Called at the top of every loop body, closure and method of a script: throws {@link ScriptStopped}
     * when the run has been stopped, and {@link InterruptedException} when its thread has been interrupted.
     */
    public static void check() {
        RunControl c = CURRENT.get();
        if (c != null && c.stopped != null) throw new ScriptStopped(c.stopped);
        if (Thread.currentThread().isInterrupted()) throw RunControl.<RuntimeException>sneaky(new InterruptedException("interrupted"));
    }

    /** Called before every top-level statement of a script: throws {@link ScriptStopped} when the run has been stopped. */
    public static void checkStopped() {
        RunControl c = CURRENT.get();
        if (c != null && c.stopped != null) throw new ScriptStopped(c.stopped);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
