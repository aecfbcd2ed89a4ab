package org.gradus.dsl.sandbox

import groovy.transform.CompileStatic
import org.codehaus.groovy.runtime.InvokerHelper
import org.gradus.dsl.sandbox.Permissions.Decision

/**
 * The script object as a receiver: its variables live in the binding (any name but the never-allowed
 * ones, such as {@code binding}, {@code metaClass} and {@code out}); its methods are the vocabulary, the
 * script's own {@code def}s, {@code println}/{@code print}/{@code printf}/{@code sprintf}, and closures
 * stored in variables.
 */
@CompileStatic
final class Scripts {
    private Scripts() {
    }

    /** A closure stored in the script variable {@code name}, or null. */
    static Closure boundClosure(Script s, String name) {
        Binding b = s.binding
        if (!b.hasVariable(name)) return null
        Object v = b.getVariable(name)
        v instanceof Closure ? (Closure) v : null
    }

    /** Whether {@code name(...)} means something on this script (a method of it, or a closure variable). */
    static boolean hasMethod(Script s, String name) {
        !Permissions.of(s.getClass()).method(name).is(Decision.MISSING) || boundClosure(s, name) != null
    }

    /** Whether the name {@code name} means something on this script (a variable, or a property). */
    static boolean hasProperty(Script s, String name) {
        s.binding.hasVariable(name) || !Permissions.of(s.getClass()).property(name).is(Decision.MISSING)
    }

    /** The variable (or vocabulary property) {@code name}, as {@code Script.getProperty} would read it. */
    static Object get(Script s, String name, int line, int col) {
        if (AllowList.NEVER.contains(name)) throw Guard.refuse("the name '${name}'", line, col)
        Binding b = s.binding
        if (b.hasVariable(name)) return b.getVariable(name)
        Decision d = Permissions.of(s.getClass()).property(name)
        if (d.is(Decision.ALLOW)) return InvokerHelper.getProperty(s, name)
        if (d.is(Decision.DENY)) throw Guard.refuse("the name '${name}'", line, col)
        throw new MissingPropertyException(name, s.getClass())
    }

    /** Assigns the script variable {@code name}; returns the value. */
    static Object set(Script s, String name, Object value, int line, int col) {
        if (AllowList.NEVER.contains(name)) throw Guard.refuse("assigning to '${name}'", line, col)
        s.binding.setVariable(name, value)
        value
    }
}
