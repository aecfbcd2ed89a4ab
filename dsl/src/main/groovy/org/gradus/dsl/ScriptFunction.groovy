package org.gradus.dsl

import groovy.transform.CompileStatic
import org.codehaus.groovy.runtime.InvokerHelper
import org.gradus.dsl.run.FailureSite

/**
 * A function a script defines ({@code def sq(t) { t * t }}) as a value: the variable {@code sq}, set when the
 * script starts ({@link org.gradus.dsl.compile.ScriptFunctions}). Calling it calls the script's own function
 * (any of its overloads and default values), so a function defined in one REPL input is there in the next, a
 * JSR-223 engine keeps it from one {@code eval} to the next (and {@code invokeFunction} calls it), and a script
 * can pass it as a value ({@code [1, 2].collect(sq)}). {@link #signature} is how it was written: {@code sq(t)}.
 */
@CompileStatic
final class ScriptFunction extends Closure<Object> {
    final String name
    final String signature

    ScriptFunction(Script owner, String name, String signature) {
        super(owner)
        this.name = name
        this.signature = signature
    }

    /**
     * Calls the function through the script's meta-class, not {@link Script#invokeMethod}, whose fallback for
     * arguments that fit none of its overloads would find this variable again: those are refused here.
     */
    Object doCall(Object... arguments) {
        Object script = getOwner()
        MetaClass meta = InvokerHelper.getMetaClass(script)
        if (meta.respondsTo(script, name, arguments).isEmpty()) {
            String given = arguments.collect { Object a -> InvokerHelper.format(a, true, 40) }.join(', ')
            throw new IllegalArgumentException("the function ${signature} cannot be called with (${given}): " +
                    "give it ${arguments.length == 1 ? 'other arguments' : 'the arguments it names'}")
        }
        try {
            meta.invokeMethod(script, name, arguments)
        } catch (Throwable t) {
            FailureSite.passing(ErrorLocator.unwrap(t), script.getClass())   // located in the script that defined the function
            throw t
        }
    }

    @Override
    String toString() {
        "function ${signature}"
    }
}
