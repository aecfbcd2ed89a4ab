package org.gradus.dsl.sandbox

import groovy.transform.CompileStatic

/**
 * A script tried something the sandbox does not allow, found at run time by {@link Guard}: exit code 4,
 * at the line and column of the refused call. An {@link Error}, not an exception, so that a script's own
 * {@code try/catch} (which may catch exceptions only) cannot swallow it and try the next route.
 */
@CompileStatic
class SandboxViolation extends Error {
    final int line
    final int column

    SandboxViolation(String message, int line, int column) {
        super(message)
        this.line = line
        this.column = column
    }

    /** No stack trace: the script's position is the whole story, and filling it costs time. */
    @Override
    synchronized Throwable fillInStackTrace() {
        this
    }
}
