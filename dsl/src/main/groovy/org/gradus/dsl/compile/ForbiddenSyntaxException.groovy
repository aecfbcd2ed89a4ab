package org.gradus.dsl.compile

import groovy.transform.CompileStatic
import org.codehaus.groovy.syntax.SyntaxException

/** A script statement the sandbox refuses: exit code 4. */
@CompileStatic
class ForbiddenSyntaxException extends SyntaxException {
    ForbiddenSyntaxException(String message, int line, int column) {
        super(message, line, column)
    }
}
