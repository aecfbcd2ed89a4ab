package org.gradus.expr;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/** Whether an expression depends on decision variables (data, loop indices and numbers do not). */
public final class Dependence {
    private Dependence() {
    }

    private static final Map<Expr, Boolean> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    public static boolean dependsOnVariables(Expr e) {
        if (e instanceof Variable || e instanceof Element) return true;
        if (e.children().isEmpty()) return false;
        Boolean known = CACHE.get(e);
        if (known != null) return known;
        boolean[] found = {false};
        Traversal.forEachNode(e, n -> found[0] |= n instanceof Variable || n instanceof Element);
        CACHE.put(e, found[0]);
        return found[0];
    }
}
