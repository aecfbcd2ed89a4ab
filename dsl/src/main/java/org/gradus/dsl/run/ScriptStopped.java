package org.gradus.dsl.run;

/**
 * Thrown inside a running script when it has been told to stop ({@link RunControl#stop}). It is an
 * {@link Error}, not an exception, so that a script's {@code catch (e)} (which catches exceptions) does not
 * swallow it; a script that catches {@code Throwable} is stopped again at its next loop iteration.
 */
public final class ScriptStopped extends Error {
    private final StopReason reason;

    public ScriptStopped(StopReason reason) {
        super("the script was stopped: " + reason.name().toLowerCase().replace('_', ' '), null, false, false);
        this.reason = reason;
    }

    /** Why the script was stopped. */
    public StopReason reason() {
        return reason;
    }
}
