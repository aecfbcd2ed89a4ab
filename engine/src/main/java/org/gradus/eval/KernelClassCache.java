package org.gradus.eval;

import org.gradus.expr.Lookup;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loaded kernel classes, by their bytes. A body's code depends only on its instructions (tables,
 * atoms and scratch arrays are constructor arguments), so recompiling the same function — minimize
 * run again, another method, a restart — reuses the class and the machine code the JIT already made
 * for it. At most {@link #CACHED_CLASSES} classes are kept (least recently used go first).
 */
final class KernelClassCache {
    static final int CACHED_CLASSES = 256;

    private static final Map<BytesKey, MethodHandle> CLASSES = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<BytesKey, MethodHandle> eldest) {
            return size() > CACHED_CLASSES;
        }
    };

    private KernelClassCache() {
    }

    /**
     * The constructor {@code (Program, int[] env, Object[] refs)} of the hidden class with exactly these
     * bytes, defined in this package (so the code may call the package's rules) on first use.
     */
    static MethodHandle constructorFor(byte[] bytes) throws ReflectiveOperationException {
        BytesKey key = new BytesKey(bytes);
        synchronized (CLASSES) {
            MethodHandle cached = CLASSES.get(key);
            if (cached != null) return cached;
        }
        MethodHandles.Lookup l = MethodHandles.lookup().defineHiddenClass(bytes, true);
        MethodHandle ctor = l.findConstructor(l.lookupClass(),
                MethodType.methodType(void.class, Program.class, int[].class, Object[].class));
        synchronized (CLASSES) {
            CLASSES.putIfAbsent(key, ctor);
        }
        return ctor;
    }

    private record BytesKey(byte[] bytes, int hash) {
        BytesKey(byte[] bytes) {
            this(bytes, Arrays.hashCode(bytes));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BytesKey k && k.hash == hash && Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
