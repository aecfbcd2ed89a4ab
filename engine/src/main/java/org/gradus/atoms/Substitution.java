package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.Lookup;
import org.gradus.expr.SumOver;
import org.gradus.expr.TableSlice;
import org.gradus.atoms.array.ArrayNode;
import org.gradus.atoms.array.ArrayOps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rebuilds an expression with some sub-expressions replaced, simplifying on the way up. */
public final class Substitution {
    private final Map<Expr, Expr> replacements;
    private final Map<Expr, Expr> memo = new HashMap<>();

    public Substitution(Map<Expr, Expr> replacements) {
        this.replacements = replacements;
    }

    public Expr apply(Expr e) {
        Expr r = replacements.get(e);
        if (r != null) return r;
        Expr cached = memo.get(e);
        if (cached != null) return cached;
        Expr out = rebuild(e);
        memo.put(e, out);
        return out;
    }

    private Expr rebuild(Expr e) {
        if (e instanceof Apply a) {
            List<Expr> args = new ArrayList<>(a.args().size());
            boolean changed = false;
            for (Expr x : a.args()) {
                Expr y = apply(x);
                changed |= y != x;
                args.add(y);
            }
            return changed ? Ops.apply(a.atom(), args) : e;
        }
        if (e instanceof Element el) {
            Expr idx = apply(el.index());
            return idx == el.index() ? e : el.vector().get(idx);
        }
        if (e instanceof Lookup l) {
            Expr idx = apply(l.index());
            if (idx == l.index()) return e;
            if (idx instanceof Constant c) return Constant.of(l.at((int) c.value()));
            return l.withIndex(idx);
        }
        if (e instanceof SumOver s) {
            Expr body = apply(s.body());
            return body == s.body() ? e : Ops.sum(s.index(), s.from(), s.to(), body, s.dataRows());
        }
        if (e instanceof ArrayNode n) {
            List<Expr> args = new ArrayList<>(n.args().size());
            boolean changed = false;
            for (Expr x : n.args()) {
                Expr y = apply(x);
                changed |= y != x;
                args.add(y);
            }
            return changed ? ArrayOps.apply(n.op(), args) : e;
        }
        if (e instanceof TableSlice t) {
            Expr base = apply(t.base());
            return base == t.base() ? e : t.withBase(base);
        }
        if (e instanceof VectorFunction v) {
            Expr low = apply(v.lowered());
            return low == v.lowered() ? e : low;
        }
        return e;
    }
}
