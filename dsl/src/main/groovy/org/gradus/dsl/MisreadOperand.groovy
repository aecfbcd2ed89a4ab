package org.gradus.dsl

import groovy.transform.CompileStatic

/**
 * A script's operand that the operator it stands beside cannot read — an expression compared with {@code ==} or
 * used as a condition — at the column of that operator or condition, which the compiler knew when it inserted the
 * check. The message says what to write instead.
 */
@CompileStatic
class MisreadOperand extends IllegalArgumentException {
    /** 1-based column in the script's line; 0 when unknown. */
    final int column

    MisreadOperand(String message, int column) {
        super(message)
        this.column = column
    }
}
