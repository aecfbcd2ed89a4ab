package org.gradus.dsl

import groovy.transform.CompileStatic

/**
 * A script failure, located: which file, line and column, what is wrong, and the exit code the command
 * line uses for it (1 runtime error or failed assert, 3 syntax or compile error, 4 forbidden operation,
 * 124 time limit, 130 cancelled by the host, 141 standard output closed). {@link #report()} is the text
 * {@code gradus run} prints: {@code FILE:LINE:COL: error: MESSAGE}, the source line and a caret.
 *
 * <p>Line and column are 1-based; both are 0 when the failure has no place in the script (a time limit
 * reached while compiling, say).
 */
@CompileStatic
class GradusException extends RuntimeException {
    public static final int RUNTIME = 1, COMPILE = 3, FORBIDDEN = 4, TIMEOUT = 124, CANCELLED = 130, OUTPUT_CLOSED = 141

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

    /** The script's file name as the error names it ({@code model.opt}; {@code script.opt} for text without a name). */
    String file() { file }

    /** The 1-based line of the failure in the script, or 0 when it has none. */
    int line() { line }

    /** The 1-based column of the failure, or 0 when it has none. */
    int column() { column }

    /** The text of the failing line, or null. */
    String sourceLine() { sourceLine }

    /** The exit code {@code gradus run} ends with for this failure (see the class comment). */
    int exitCode() { exitCode }

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
