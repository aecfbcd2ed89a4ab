package org.gradus.dsl.vocabulary

import org.codehaus.groovy.runtime.DefaultGroovyMethods
import org.codehaus.groovy.runtime.InvokerHelper
import org.gradus.dsl.ScriptContext

/**
 * {@code println}, {@code print} and {@code printf}, written to the run's text stream
 * ({@link ScriptContext#out}: stdout, or stderr under {@code gradus run --json} so that stdout carries
 * only the JSON records). Unlike Groovy's own, they never look up a variable named {@code out}: a script
 * may use that name for anything.
 */
trait PrintingVocabulary implements ScriptAccess {
    void println() {
        textOut().println()
        textOut().flush()
    }

    void println(Object value) {
        textOut().println(InvokerHelper.toString(value))
        textOut().flush()
    }

    void print(Object value) {
        textOut().print(InvokerHelper.toString(value))
        textOut().flush()
    }

    void printf(String format, Object value) {
        textOut().print(DefaultGroovyMethods.sprintf(this, format, value))
        textOut().flush()
    }

    void printf(String format, Object[] values) {
        textOut().print(DefaultGroovyMethods.sprintf(this, format, values))
        textOut().flush()
    }

    private PrintStream textOut() {
        ScriptContext ctx = context()
        ctx?.out ?: System.out
    }
}
