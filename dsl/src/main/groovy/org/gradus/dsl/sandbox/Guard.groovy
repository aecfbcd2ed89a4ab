package org.gradus.dsl.sandbox

import groovy.transform.CompileStatic
import org.codehaus.groovy.runtime.DefaultGroovyMethods
import org.codehaus.groovy.runtime.InvokerHelper
import org.gradus.dsl.sandbox.Permissions.Decision

/**
 * The run-time half of the sandbox: the compiler ({@code GuardTransform}) routes every dynamic operation
 * of a script through these methods — method calls, property reads and writes, script variables,
 * subscripts, operators, spread operators, and calls and names resolved through a closure's owner or
 * delegate. Each checks the (receiver class, member) pair against {@link Permissions} and refuses with a
 * {@link SandboxViolation} at the script's line and column. Calls are checked here and then made by the
 * script's own call site, so Groovy's method selection is unchanged; reads, writes and subscripts are
 * made here.
 *
 * <p>Assumption, stated once: {@code toString}, {@code equals}, {@code hashCode} and comparisons are
 * harmless on every value a script can hold, so comparisons, string interpolation and truth tests are
 * not routed here.
 */
@CompileStatic
final class Guard {
    private Guard() {
    }

    // ---- method calls -------------------------------------------------------------------------

    /** Before {@code receiver.name(...)}: returns the receiver if the call is allowed. */
    static Object call(Object receiver, String name, boolean safe, int line, int col) {
        if (receiver == null) {
            if (safe || AllowList.EVERY_VALUE.contains(name)) return null
            throw new NullPointerException("Cannot invoke method ${name}() on null object")
        }
        if (receiver instanceof Closure) {
            Closures.checkCall((Closure) receiver, name, line, col)
            return receiver
        }
        if (receiver instanceof Class) {
            Class c = (Class) receiver
            Set<String> statics = AllowList.STATICS.get(c)
            if (statics != null && (statics.contains(name) || statics.contains('*')) && !AllowList.NEVER.contains(name)) return receiver
            throw refuse("calling '${name}' on the class ${c.simpleName}", line, col)
        }
        Permissions.Rules rules = Permissions.of(receiver.getClass())
        Decision d = rules.method(name)
        if (d.is(Decision.ALLOW)) return receiver
        if (d.is(Decision.DENY)) throw refuse("calling '${name}' on ${describe(receiver)}", line, col)
        // missing: the script's call site reports it with its arguments (or calls the closure stored
                // under that name in a script variable or a map: script code, checked itself)
        if (receiver instanceof Script) return receiver
        if (receiver instanceof Map) {
            if (((Map) receiver).get(name) instanceof Closure) return receiver
            throw new MissingMethodException(name, receiver.getClass(), [] as Object[])
        }
        if (receiver instanceof GroovyObject) throw new MissingMethodException(name, receiver.getClass(), [] as Object[])
        receiver
    }

    /** Before {@code receiver*.name(...)}: the elements, as a list, if each may call {@code name}. */
    static Object spreadCall(Object receiver, String name, int line, int col) {
        if (receiver == null) return null
        List<Object> items = elements(receiver, name, line, col)
        for (Object it : items) {
            if (it != null) call(it, name, true, line, col)
        }
        items
    }

    // ---- properties ---------------------------------------------------------------------------

    /** {@code receiver.name} (or {@code receiver?.name}). */
    static Object get(Object receiver, String name, boolean safe, int line, int col) {
        if (receiver == null) {
            if (safe) return null
            throw new NullPointerException("Cannot get property '${name}' on null object")
        }
        if (AllowList.NEVER.contains(name)) throw refuse("the property '${name}' of ${describe(receiver)}", line, col)
        if (receiver instanceof Map) return ((Map) receiver).get(name)
        if (receiver instanceof Script) return Scripts.get((Script) receiver, name, line, col)
        if (receiver instanceof Closure) return Closures.get((Closure) receiver, name, line, col)
        if (receiver instanceof Class) {
            Set<String> statics = AllowList.STATICS.get((Class) receiver)
            if (statics != null && (statics.contains(name) || statics.contains('*'))) return InvokerHelper.getProperty(receiver, name)
            throw refuse("the property '${name}' of the class ${((Class) receiver).simpleName}", line, col)
        }
        Permissions.Rules rules = Permissions.of(receiver.getClass())
        Decision d = rules.property(name)
        if (d.is(Decision.ALLOW)) return InvokerHelper.getProperty(receiver, name)
        if (receiver instanceof Collection && d.is(Decision.MISSING)) return spreadGet(receiver, name, line, col)
        if (rules.namedProperties && d.is(Decision.MISSING)) return InvokerHelper.getProperty(receiver, name)
        if (d.is(Decision.DENY)) throw refuse("the property '${name}' of ${describe(receiver)}", line, col)
        throw new MissingPropertyException(name, receiver.getClass())
    }

    /** {@code receiver*.name}: the property of every element (null for null elements). */
    static Object spreadGet(Object receiver, String name, int line, int col) {
        if (receiver == null) return null
        List<Object> out = new ArrayList<>()
        for (Object it : elements(receiver, name, line, col)) {
            out.add(it == null ? null : get(it, name, true, line, col))
        }
        out
    }

    /** {@code receiver.name = value}: only map entries and script variables can be set. */
    static Object set(Object receiver, String name, Object value, int line, int col) {
        if (receiver == null) throw new NullPointerException("Cannot set property '${name}' on null object")
        if (AllowList.NEVER.contains(name)) throw refuse("setting the property '${name}' of ${describe(receiver)}", line, col)
        if (receiver instanceof Map) {
            ((Map) receiver).put(name, value)
            return value
        }
        if (receiver instanceof Script) return Scripts.set((Script) receiver, name, value, line, col)
        if (receiver instanceof Closure) return Closures.set((Closure) receiver, name, value, line, col)
        throw refuse("setting the property '${name}' of ${describe(receiver)}", line, col)
    }

    /** {@code receiver.name op= value}. */
    static Object setOp(Object receiver, String name, String method, Object value, int line, int col) {
        Object old = get(receiver, name, false, line, col)
        set(receiver, name, binary(old, method, value, line, col), line, col)
    }

    /** {@code receiver.name++} and friends; returns the old value (postfix) or the new one (prefix). */
    static Object stepProperty(Object receiver, String name, String method, boolean prefix, int line, int col) {
        Object old = get(receiver, name, false, line, col)
        Object now = step(old, method, line, col)
        set(receiver, name, now, line, col)
        prefix ? now : old
    }

    // ---- script variables (names not declared with def) -------------------------------------------

    /** A variable read by name: {@code holder} is the script, or the closure the name appears in. */
    static Object getVar(Object holder, String name, int line, int col) {
        holder instanceof Closure ? Closures.get((Closure) holder, name, line, col) : Scripts.get((Script) holder, name, line, col)
    }

    /** A variable assigned by name. */
    static Object setVar(Object holder, String name, Object value, int line, int col) {
        holder instanceof Closure ? Closures.set((Closure) holder, name, value, line, col) : Scripts.set((Script) holder, name, value, line, col)
    }

    /** {@code name op= value} on a script variable. */
    static Object setVarOp(Object holder, String name, String method, Object value, int line, int col) {
        setVar(holder, name, binary(getVar(holder, name, line, col), method, value, line, col), line, col)
    }

    /** {@code name++} and friends on a script variable. */
    static Object stepVar(Object holder, String name, String method, boolean prefix, int line, int col) {
        Object old = getVar(holder, name, line, col)
        Object now = step(old, method, line, col)
        setVar(holder, name, now, line, col)
        prefix ? now : old
    }

    /** Before an implicit call {@code name(...)} inside a closure: returns the closure if allowed. */
    static Object callIn(Closure holder, String name, int line, int col) {
        Closures.checkCall(holder, name, line, col)
        holder
    }

    // ---- operators and subscripts -------------------------------------------------------------

    /** The left operand of {@code a + b} (and every other operator that calls a method on it), if allowed. */
    static Object op(Object operand, String method, int line, int col) {
        if (operand == null) return null
        Class c = operand.getClass()     // (identity comparisons: == on objects is slow in Groovy)
        if (c.is(Integer) || c.is(Double) || c.is(BigDecimal) || c.is(Long) || c.is(String)) return operand
        if (operand instanceof Closure) {
            Closures.checkCall((Closure) operand, method, line, col)
            return operand
        }
        if (Permissions.of(c).method(method).is(Decision.DENY)) throw refuse("the operator '${method}' on ${describe(operand)}", line, col)
        operand        // allowed, or missing (the call site reports it)
    }

    /** {@code ++x} / {@code --x}: the next or previous value. */
    static Object step(Object v, String method, int line, int col) {
        if (v instanceof Integer) {
            int i = (Integer) v
            if ('next'.equals(method) && i != Integer.MAX_VALUE) return i + 1
            if ('previous'.equals(method) && i != Integer.MIN_VALUE) return i - 1
        }
        InvokerHelper.invokeMethod(op(v, method, line, col), method, null)
    }

    /** {@code left op right} made here (for compound assignments). */
    static Object binary(Object left, String method, Object right, int line, int col) {
        InvokerHelper.invokeMethod(op(left, method, line, col), method, [right] as Object[])
    }

    /** {@code receiver[index]} (or {@code receiver?[index]}). */
    static Object getAt(Object receiver, Object index, boolean safe, int line, int col) {
        if (receiver == null) {
            if (safe) return null
            throw new NullPointerException("Cannot get the element [${index}] of a null object")
        }
        if (receiver instanceof Map) return ((Map) receiver).get(index)
        if (receiver instanceof List && index instanceof Integer) return DefaultGroovyMethods.getAt((List) receiver, (int) (Integer) index)
        checkSubscript(receiver, 'getAt', index, line, col)
        InvokerHelper.invokeMethod(receiver, 'getAt', [index] as Object[])
    }

    /** {@code receiver[index] = value}; returns value. */
    static Object putAt(Object receiver, Object index, Object value, int line, int col) {
        if (receiver == null) throw new NullPointerException("Cannot set the element [${index}] of a null object")
        if (receiver instanceof Map) {
            ((Map) receiver).put(index, value)
            return value
        }
        checkSubscript(receiver, 'putAt', index, line, col)
        InvokerHelper.invokeMethod(receiver, 'putAt', [index, value] as Object[])
        value
    }

    /** {@code receiver[index] op= value}. */
    static Object putAtOp(Object receiver, Object index, String method, Object value, int line, int col) {
        putAt(receiver, index, binary(getAt(receiver, index, false, line, col), method, value, line, col), line, col)
    }

    /** {@code receiver[index]++} and friends. */
    static Object stepAt(Object receiver, Object index, String method, boolean prefix, int line, int col) {
        Object old = getAt(receiver, index, false, line, col)
        Object now = step(old, method, line, col)
        putAt(receiver, index, now, line, col)
        prefix ? now : old
    }

    /**
     * Subscripts by name reach properties ({@code x['class']}, {@code list['secret']} reads the property of
     * every element), so they are allowed only where listed ({@code getAt(String)}) and on maps.
     */
    private static void checkSubscript(Object receiver, String method, Object index, int line, int col) {
        if (receiver instanceof Closure || receiver instanceof Script || receiver instanceof Class) {
            throw refuse("a subscript on ${describe(receiver)}", line, col)
        }
        Permissions.Rules rules = Permissions.of(receiver.getClass())
        boolean byName = index instanceof CharSequence || (index instanceof Collection && ((Collection) index).any { it instanceof CharSequence })
        if (byName && !rules.namedSubscripts) throw refuse("a subscript by name ['${index}'] on ${describe(receiver)}", line, col)
        if (rules.method(method).is(Decision.DENY)) throw refuse("a subscript on ${describe(receiver)}", line, col)
    }

    // ---- shared -----------------------------------------------------------------------------------

    private static List<Object> elements(Object receiver, String name, int line, int col) {
        op(receiver, 'iterator', line, col)
        List<Object> items = new ArrayList<>()
        Iterator it = InvokerHelper.asIterator(receiver)
        while (it.hasNext()) items.add(it.next())
        items
    }

    static SandboxViolation refuse(String what, int line, int col) {
        new SandboxViolation("forbidden: ${what} is not allowed in a script (scripts may compute, read their data " +
                "and print; they may not reach files, processes, the network, threads, reflection or class loading)", line, col)
    }

    /** "a String", "the script", "a closure", "null". */
    static String describe(Object v) {
        if (v == null) return 'null'
        if (v instanceof Script) return 'the script'
        if (v instanceof Closure) return 'a closure'
        if (v instanceof Class) return "the class ${((Class) v).simpleName}"
        String n = v.getClass().simpleName ?: v.getClass().name.replaceAll(/.*[.$]/, '')
        ('AEIOU'.indexOf(n.substring(0, 1)) >= 0 ? 'an ' : 'a ') + n
    }
}
