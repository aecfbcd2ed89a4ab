package org.gradus.eval;

/**
 * An evaluation stopped because its thread was interrupted (Ctrl-C in the REPL) between two chunks of
 * a data pass. The thread's interrupt flag stays set; the value was not computed.
 */
public final class EvaluationInterruptedException extends RuntimeException {
    public EvaluationInterruptedException() {
        super("interrupted during a pass over the data", null, false, false);
    }
}
