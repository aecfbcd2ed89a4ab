package org.gradus.dsl.sandbox

import groovy.transform.CompileStatic
import org.gradus.dsl.GradusScript

import java.lang.reflect.Method
import java.lang.reflect.Modifier
import java.util.concurrent.ConcurrentHashMap

/**
 * What a value of a given class may do, computed once per class from the {@link AllowList}, the
 * vocabulary of the script base class and the Gradus extension modules (see {@link AllowList} for the
 * rules). A member is {@link Decision#ALLOW allowed}, {@link Decision#DENY denied} (it exists but is not
 * allowed: exit code 4) or {@link Decision#MISSING missing} (the class has no such member: an ordinary
 * "no method" / "no property" error).
 */
@CompileStatic
final class Permissions {
    enum Decision { ALLOW, DENY, MISSING }

    private Permissions() {
    }

    /** The words of the language: public methods of {@code GradusScript} and its vocabulary traits. */
    static final Set<String> WORDS = vocabulary(GradusScript)

    /** Members given to types by Gradus extension modules: type → names (methods, and properties of getters). */
    static final Map<Class, Set<String>> EXTENSIONS = extensions(GradusScript.classLoader)

    private static final ClassValue<Rules> RULES = new ClassValue<Rules>() {
        @Override
        protected Rules computeValue(Class<?> type) {
            new Rules(type)
        }
    }

    /** The rules for values of exactly this class. */
    static Rules of(Class type) {
        RULES.get(type)
    }

    /** Groovy's operator methods and what every object has: allowed, but written as operators or never worth offering. */
    private static final Set<String> NOT_OFFERED = AllowList.words('plus minus multiply div power negative positive getAt putAt ' +
            'leftShift rightShift isCase compareTo equals hashCode toString mod bitwiseNegate next previous asType call iterator')

    /**
     * The members a script may use on a value of this class, as a script writes them: properties by their names
     * ({@code verdict}, not {@code getVerdict}), no operator methods, sorted; what the REPL offers after
     * {@code c.} when {@code c} holds such a value.
     */
    static List<String> offered(Class type) {
        Set<String> allowed = of(type).allowed, out = new TreeSet<>()
        for (String name : allowed) {
            if (name.contains('(') || NOT_OFFERED.contains(name)) continue
            if (propertyOfGetter(name) != null && allowed.contains(propertyOfGetter(name))) continue     // getVerdict: verdict is there
            if (name.length() == 1 && Character.isLowerCase(name.charAt(0)) && allowed.contains(name.toUpperCase())) continue  // W.T, c.L
            out.add(name)
        }
        new ArrayList<>(out)
    }

    /** The allowed members of one class, and a cache of decisions by name. */
    static final class Rules {
        final Class type
        /** Names usable as methods or properties. */
        final Set<String> allowed
        /** Whether subscripts by name ({@code row['price']}) are allowed. */
        final boolean namedSubscripts
        /** Whether any property name is read through the value's {@code get(String)} ({@code p.x} of a point). */
        final boolean namedProperties
        private final boolean script
        private final Map<String, Decision> methods = new ConcurrentHashMap<>()
        private final Map<String, Decision> properties = new ConcurrentHashMap<>()
        private volatile Set<String> knownMethods, knownProperties

        Rules(Class type) {
            this.type = type
            this.script = Script.isAssignableFrom(type)
            Set<String> names = new HashSet<>(AllowList.EVERY_VALUE)
            boolean named = false, anyProperty = false
            for (Map.Entry<Class, Set<String>> e : AllowList.MEMBERS.entrySet()) {
                if (e.key.isAssignableFrom(type)) {
                    names.addAll(e.value)
                    if (e.value.contains('getAt(String)')) named = true
                    if (e.value.contains('get(String)')) anyProperty = true
                }
            }
            if (type.isArray()) names.addAll(AllowList.ARRAYS)
            for (Map.Entry<Class, Set<String>> e : EXTENSIONS.entrySet()) {
                if (e.key.isAssignableFrom(type) || (type.isPrimitive() && e.key.is(boxed(type)))) names.addAll(e.value)
            }
            if (script) {
                names.addAll(WORDS)
                names.addAll(AllowList.SCRIPT_METHODS)
                names.addAll(ownMethods(type))
            }
            names.removeAll(AllowList.NEVER)
            this.allowed = Collections.unmodifiableSet(names)
            this.namedSubscripts = named || Map.isAssignableFrom(type)
            this.namedProperties = anyProperty
        }

        /** May a value of this class call the method {@code name}? */
        Decision method(String name) {
            Decision d = methods.get(name)
            if (d == null) {
                d = AllowList.NEVER.contains(name) ? Decision.DENY
                        : allowed.contains(name) ? Decision.ALLOW
                        : methodNames().contains(name) || propertyNames().contains(name) ? Decision.DENY : Decision.MISSING
                methods.put(name, d)
            }
            d
        }

        /** May a value of this class read the property {@code name}? */
        Decision property(String name) {
            Decision d = properties.get(name)
            if (d == null) {
                d = AllowList.NEVER.contains(name) ? Decision.DENY
                        : allowed.contains(name) || allowedGetter(name) ? Decision.ALLOW
                        : propertyNames().contains(name) || methodNames().contains(name) ? Decision.DENY : Decision.MISSING
                properties.put(name, d)
            }
            d
        }

        /**
         * For the script: whether the vocabulary getter Groovy reads {@code name} through is a word
         * ({@code Infinity}: {@code getInfinity}). Other types list their properties by name.
         */
        private boolean allowedGetter(String name) {
            if (!script || name.isEmpty()) return false
            String cap = Character.toUpperCase(name.charAt(0)).toString() + name.substring(1)
            allowed.contains('get' + cap) || allowed.contains('is' + cap)
        }

        /** Every method name Groovy knows for this class, the default Groovy methods included. */
        Set<String> methodNames() {
            if (knownMethods == null) {
                Set<String> s = new HashSet<>()
                MetaClass mc = GroovySystem.metaClassRegistry.getMetaClass(type)
                mc.methods.each { MetaMethod m -> s.add(m.name) }
                mc.metaMethods.each { MetaMethod m -> s.add(m.name) }
                for (Method m : type.methods) s.add(m.name)
                knownMethods = s
            }
            knownMethods
        }

        /** Every property name Groovy knows for this class (bean properties, public fields, getters). */
        Set<String> propertyNames() {
            if (knownProperties == null) {
                Set<String> s = new HashSet<>()
                MetaClass mc = GroovySystem.metaClassRegistry.getMetaClass(type)
                mc.properties.each { MetaProperty p -> s.add(p.name) }
                for (String m : methodNames()) {
                    String p = propertyOfGetter(m)
                    if (p != null) s.add(p)
                }
                type.fields.each { s.add(it.name) }
                knownProperties = s
            }
            knownProperties
        }
    }

    /** {@code getRows} → {@code rows}, {@code isEmpty} → {@code empty}; null for other names. */
    static String propertyOfGetter(String m) {
        int skip = m.startsWith('get') ? 3 : m.startsWith('is') ? 2 : 0
        if (skip == 0 || m.length() <= skip || !Character.isUpperCase(m.charAt(skip))) return null
        String rest = m.substring(skip)
        rest.length() > 1 && Character.isUpperCase(rest.charAt(1)) ? rest : Character.toLowerCase(rest.charAt(0)).toString() + rest.substring(1)
    }

    /*
     * The tables above are computed at the start of every sandboxed run: plain loops here, no closures or
     * Groovy collection methods (each closure class costs a metaclass, each dynamic call a call-site link;
     * docs/benchmarks.md, "Start-up").
     */

    /** Public instance methods declared by the script base class and its superclasses below {@code Script}. */
    static Set<String> vocabulary(Class base) {
        Set<String> plumbing = new HashSet<>()
        for (Class t : AllowList.NOT_VOCABULARY) {
            for (Method m : t.methods) plumbing.add(m.name)
        }
        Set<String> words = new TreeSet<>()
        for (Class c = base; c != null && !c.is(Script); c = c.superclass) {     // is(): == would ask Class's metaclass
            for (Method m : c.declaredMethods) {
                int mod = m.modifiers
                if (!Modifier.isPublic(mod) || Modifier.isStatic(mod) || m.synthetic || m.bridge) continue
                if (m.name.contains('$') || m.name.startsWith('__') || plumbing.contains(m.name)) continue
                words.add(m.name)
            }
        }
        words.removeAll(AllowList.NEVER)
        Collections.unmodifiableSet(words)
    }

    /** Methods the script itself declares ({@code def f(x) { ... }}); its body ({@code run}) is not one. */
    private static Set<String> ownMethods(Class type) {
        Set<String> s = new HashSet<>()
        for (Class c = type; c != null && !c.is(GradusScript) && !c.is(Script); c = c.superclass) {
            for (Method m : c.declaredMethods) {
                int mod = m.modifiers
                if (Modifier.isPublic(mod) && !Modifier.isStatic(mod) && !m.synthetic && !m.name.contains('$')
                        && !'run'.equals(m.name) && !'main'.equals(m.name)) s.add(m.name)
            }
        }
        s
    }

    /** The members that Gradus extension modules give to types (modules named {@code gradus...} only). */
    static Map<Class, Set<String>> extensions(ClassLoader loader) {
        Map<Class, Set<String>> out = new LinkedHashMap<>()
        for (String resource : ['META-INF/groovy/org.codehaus.groovy.runtime.ExtensionModule',
                                'META-INF/services/org.codehaus.groovy.runtime.ExtensionModule']) {
            for (URL url : Collections.list(loader.getResources(resource))) {
                Properties p = new Properties()
                InputStream in = url.openStream()
                try {
                    p.load(in)
                } finally {
                    in.close()
                }
                if (!(p.getProperty('moduleName', '').startsWith('gradus'))) continue
                for (String name : p.getProperty('extensionClasses', '').split(/[,\s]+/)) {
                    if (name.isEmpty()) continue
                    Class ext = Class.forName(name, false, loader)
                    for (Method m : ext.methods) {
                        if (!Modifier.isStatic(m.modifiers) || m.parameterCount == 0 || !m.declaringClass.is(ext)) continue
                        Class self = boxed(m.parameterTypes[0])
                        Set<String> names = out.get(self)
                        if (names == null) {
                            names = new TreeSet<String>()
                            out.put(self, names)
                        }
                        names.add(m.name)
                        String property = propertyOfGetter(m.name)
                        if (property != null && m.parameterCount == 1) names.add(property)
                    }
                }
            }
        }
        for (Map.Entry<Class, Set<String>> e : out.entrySet()) e.setValue(Collections.unmodifiableSet(e.value))
        Collections.unmodifiableMap(out)
    }

    static Class boxed(Class c) {
        if (!c.isPrimitive()) return c
        switch (c) {
            case int: return Integer
            case long: return Long
            case double: return Double
            case float: return Float
            case boolean: return Boolean
            case char: return Character
            case short: return Short
            case byte: return Byte
            default: return c
        }
    }
}
