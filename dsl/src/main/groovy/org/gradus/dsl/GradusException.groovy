package org.gradus.dsl

import groovy.transform.CompileStatic

/**
 * A script failure, located: which file, line and column, what is wrong, and the exit code the command
 * line uses for it (1 runtime error or failed assert, 3 syntax or compile error, 4 forbidden operation,
 * 124 time limit).
 */
@CompileStatic
class GradusException extends RuntimeException {
    static final int RUNTIME = 1, COMPILE = 3, FORBIDDEN = 4, TIMEOUT = 124

    final String file
    final int line
    final int column
    final String sourceLine
    final int exitCode

    GradusException(String message, String file, int line, int column, String sourceLine, int exitCode, Throwable cause = null) {
        super(message, cause)
        this.file = file
        this.line = line
        this.column = column
        this.sourceLine = sourceLine
        this.exitCode = exitCode
    }

    /** {@code FILE:LINE:COL: error: MESSAGE}, then the source line and a caret under the column. */
    String report() {
        StringBuilder sb = new StringBuilder()
        sb.append(file ?: 'script')
        if (line > 0) sb.append(':').append(line).append(':').append(Math.max(column, 1))
        sb.append(': error: ').append(message)
        if (sourceLine != null && line > 0) {
            sb.append('\n  ').append(sourceLine.replace('\t', ' '))
            sb.append('\n  ').append(' ' * Math.max(column - 1, 0)).append('^')
        }
        sb.toString()
    }
}
