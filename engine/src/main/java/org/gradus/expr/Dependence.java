package org.gradus.expr;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/** Whether an expression depends on decision variables (data, loop indices and numbers do not). */
public final class Dependence {
    private Dependence() {
    }

    private static final Map<Expr, Boolean> CACHE = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<Expr, Boolean> ARRAYS = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Whether an array value occurs anywhere in the expression ({@code sum(W * x)}, {@code 2*v}): such
     * expressions are differentiated by reverse mode over whole arrays.
     */
    public static boolean hasArrays(Expr e) {
        if (e.isArray()) return true;
        if (e.children().isEmpty()) return false;
        Boolean known = ARRAYS.get(e);
        if (known != null) return known;
        boolean[] found = {false};
        Traversal.forEachNode(e, n -> found[0] |= n.isArray());
        ARRAYS.put(e, found[0]);
        return found[0];
    }

    public static boolean dependsOnVariables(Expr e) {
        if (e instanceof Variable || e instanceof Element || e instanceof VariableArray) return true;
        if (e.children().isEmpty()) return false;
        Boolean known = CACHE.get(e);
        if (known != null) return known;
        boolean[] found = {false};
        Traversal.forEachNode(e, n -> found[0] |= n instanceof Variable || n instanceof Element || n instanceof VariableArray);
        CACHE.put(e, found[0]);
        return found[0];
    }
}
