package org.gradus.expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Walks expression DAGs, visiting each distinct node once. */
public final class Traversal {
    private Traversal() {
    }

    public static void forEachNode(Expr root, Consumer<Expr> visit) {
        Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Expr> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Expr e = stack.pop();
            if (!seen.add(e)) continue;
            visit.accept(e);
            for (Expr c : e.children()) stack.push(c);
        }
    }

    /** True when {@code target} occurs in {@code e}. */
    public static boolean contains(Expr e, Expr target) {
        boolean[] found = {false};
        forEachNode(e, n -> found[0] |= n.equals(target));
        return found[0];
    }

    /** The nodes in an order where every node comes after its children (each distinct node once). */
    public static List<Expr> postOrder(Expr root) {
        List<Expr> out = new ArrayList<>();
        Set<Expr> done = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[]{root, 0});
        while (!stack.isEmpty()) {
            Object[] top = stack.peek();
            Expr e = (Expr) top[0];
            int next = (Integer) top[1];
            List<Expr> ch = e.children();
            if (done.contains(e)) {
                stack.pop();
                continue;
            }
            if (next < ch.size()) {
                top[1] = next + 1;
                Expr c = ch.get(next);
                if (!done.contains(c)) stack.push(new Object[]{c, 0});
            } else {
                stack.pop();
                done.add(e);
                out.add(e);
            }
        }
        return out;
    }
}
