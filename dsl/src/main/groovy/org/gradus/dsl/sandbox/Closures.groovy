package org.gradus.dsl.sandbox

import groovy.transform.CompileStatic
import org.gradus.dsl.sandbox.Permissions.Decision

/**
 * Names inside a closure: a call {@code foo()} or a variable {@code x} in a closure is resolved by Groovy
 * on the closure itself (its own methods: {@code call}, {@code curry}, ...), then on its owner and its
 * delegate in the order of its resolve strategy. A script's closures keep their delegate equal to their
 * owner (nothing a script can call changes it), so a name resolves to the script, and is checked as a
 * name of the script. Should a closure ever have a different delegate, every object the name could
 * resolve to that has such a member must allow it.
 */
@CompileStatic
final class Closures {
    /** Properties every closure answers itself, before its owner: none is for scripts. */
    static final Set<String> OWN_PROPERTIES = AllowList.words(
            'owner delegate thisObject metaClass class directive resolveStrategy parameterTypes maximumNumberOfParameters')

    private Closures() {
    }

    /** Refuses {@code closure.name(...)} (or an implicit {@code name(...)} inside it) unless allowed where it resolves. */
    static void checkCall(Closure c, String name, int line, int col) {
        Decision own = Permissions.of(c.getClass()).method(name)
        if (own.is(Decision.ALLOW)) return
        if (own.is(Decision.DENY)) throw Guard.refuse("calling '${name}' on a closure", line, col)
        Object target = simpleTarget(c)
        if (target != null) {
            Guard.call(target, name, false, line, col)
            return
        }
        boolean found = false
        for (Object t : candidates(c)) {
            if (t instanceof Script ? Scripts.hasMethod((Script) t, name)
                    : t instanceof Map || !Permissions.of(t.getClass()).method(name).is(Decision.MISSING)) {
                found = true
                Guard.call(t, name, false, line, col)
            }
        }
        if (!found) throw new MissingMethodException(name, c.getClass(), [] as Object[])
    }

    /** The variable or property {@code name} read inside (or from) a closure. */
    static Object get(Closure c, String name, int line, int col) {
        if (OWN_PROPERTIES.contains(name) || AllowList.NEVER.contains(name)) throw Guard.refuse("the name '${name}' in a closure", line, col)
        Object target = simpleTarget(c)
        if (target != null) return Guard.get(target, name, false, line, col)
        boolean found = false
        for (Object t : candidates(c)) {
            boolean has = t instanceof Script ? Scripts.hasProperty((Script) t, name)
                    : t instanceof Map || !Permissions.of(t.getClass()).property(name).is(Decision.MISSING)
            if (has) {
                found = true
                if (t instanceof Script) Scripts.get((Script) t, name, line, col)
                else if (!(t instanceof Map) && !Permissions.of(t.getClass()).property(name).is(Decision.ALLOW)) {
                    throw Guard.refuse("the property '${name}' of ${Guard.describe(t)}", line, col)
                }
            }
        }
        if (!found) throw new MissingPropertyException(name, c.getClass())
        c.getProperty(name)
    }

    /** The variable {@code name} assigned inside (or on) a closure. */
    static Object set(Closure c, String name, Object value, int line, int col) {
        if (OWN_PROPERTIES.contains(name) || AllowList.NEVER.contains(name)) throw Guard.refuse("assigning to '${name}' in a closure", line, col)
        Object target = simpleTarget(c)
        if (target != null) return Guard.set(target, name, value, line, col)
        for (Object t : candidates(c)) {
            if (!(t instanceof Script || t instanceof Map)) throw Guard.refuse("assigning to '${name}' on ${Guard.describe(t)}", line, col)
        }
        c.setProperty(name, value)
        value
    }

    /**
     * The object names resolve to when every closure from {@code c} out to the script keeps its delegate
     * equal to its owner (or null): the outermost owner. Null when some closure was re-targeted.
     */
    static Object simpleTarget(Closure c) {
        Object o = c
        int depth = 0
        while (o instanceof Closure) {
            Closure k = (Closure) o
            Object owner = k.owner, delegate = k.delegate
            if ((delegate != null && !delegate.is(owner)) || k.resolveStrategy == Closure.TO_SELF || ++depth > 1000) return null
            o = owner
        }
        o
    }

    /** Every non-closure object a name in {@code c} could resolve to: owners and delegates, transitively. */
    static List<Object> candidates(Closure c) {
        List<Object> out = []
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<Object, Boolean>())
        Deque<Object> todo = new ArrayDeque<>()
        todo.add(c)
        while (!todo.isEmpty() && seen.size() < 10_000) {
            Object o = todo.poll()
            if (o == null || !seen.add(o)) continue
            if (o instanceof Closure) {
                todo.add(((Closure) o).owner)
                if (((Closure) o).delegate != null) todo.add(((Closure) o).delegate)
            } else {
                out.add(o)
            }
        }
        out
    }
}
