package org.gradus.diff;

import org.gradus.atoms.Add;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Ops;
import org.gradus.atoms.VectorFunction;
import org.gradus.atoms.array.ArrayOps;
import org.gradus.expr.Constant;
import org.gradus.expr.Dependence;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.IndexSymbol;
import org.gradus.expr.Lookup;
import org.gradus.expr.SumOver;
import org.gradus.expr.Traversal;
import org.gradus.expr.Variable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exact symbolic differentiation: ∂e/∂c for a coordinate c (a scalar variable, a vector element,
 * or — inside a reduction — one occurrence {@code w[2*i]} of an element).
 *
 * <p>Each atom supplies its local derivative; the chain rule is applied here once. A reduction
 * {@code sum(a..<b) { i -> body }} differentiated by a vector element {@code w[k]} is exact, not
 * unrolled: for every distinct element {@code w[e(i)]} of its body whose index is affine in i, the
 * equation e(i) = k is solved for i, and the body's derivative by that occurrence is taken at that i.
 */
public final class Differentiator {
    private final Expr target;
    private final Map<Expr, Expr> memo = new HashMap<>();

    private Differentiator(Expr target) {
        this.target = target;
    }

    /** ∂e/∂target, simplified; an expression with arrays by reverse mode over whole arrays ({@link Adjoints}). */
    public static Expr partial(Expr e, Expr target) {
        if (!(target instanceof Variable || target instanceof Element)) {
            throw new IllegalArgumentException("can only differentiate by a variable or a vector element, not " + target);
        }
        if (Dependence.hasArrays(e)) {
            Expr g = Adjoints.of(e).get(target instanceof Element el ? el.vector() : (Variable) target);
            if (g == null) return Constant.ZERO;
            if (target instanceof Element el) return g.isArray() ? ArrayOps.index(g, el.index()) : g;
            return g;
        }
        return new Differentiator(target).d(e);
    }

    private Expr d(Expr e) {
        Expr cached = memo.get(e);
        if (cached != null) return cached;
        Expr r = compute(e);
        memo.put(e, r);
        return r;
    }

    private Expr compute(Expr e) {
        if (e instanceof Constant || e instanceof IndexSymbol || e instanceof Lookup) return Constant.ZERO;
        if (e instanceof Variable || e instanceof Element) return e.equals(target) ? Constant.ONE : Constant.ZERO;
        if (e instanceof VectorFunction v) return d(v.lowered());
        if (e instanceof SumOver s) return sum(s);
        Apply a = (Apply) e;
        if (a.atom() instanceof Add) {
            List<Expr> terms = new ArrayList<>();
            for (Expr x : a.args()) terms.add(d(x));
            return Ops.add(terms);
        }
        List<Expr> terms = new ArrayList<>();
        for (int k = 0; k < a.args().size(); k++) {
            Expr dk = d(a.arg(k));
            if (dk.isConstant(0)) continue;
            if (a.atom() instanceof Multiply) {
                List<Expr> f = new ArrayList<>(a.args());
                f.set(k, dk);
                terms.add(Ops.mul(f));
            } else {
                terms.add(Ops.mul(a.atom().derivative(k, a.args(), e), dk));
            }
        }
        return Ops.add(terms);
    }

    private Expr sum(SumOver s) {
        // Occurrences whose index does not move with i, and scalar variables, differentiate under the sum.
        Expr underSum = Ops.sum(s.index(), s.from(), s.to(), d(s.body()), s.dataRows());
        if (!(target instanceof Element el)) return underSum;
        int k = el.constantIndex();
        List<Expr> terms = new ArrayList<>();
        terms.add(underSum);
        for (Element occ : movingOccurrences(s.body(), el, s.index())) {
            Expr dOcc = partial(s.body(), occ);
            if (dOcc.isConstant(0)) continue;
            long[] ab = AffineIndex.solve(occ.index(), s.index());
            long slope = ab[0], intercept = ab[1];
            if (slope == 0) {
                if (intercept == k) terms.add(Ops.sum(s.index(), s.from(), s.to(), dOcc, s.dataRows()));
                continue;
            }
            long num = k - intercept;
            if (num % slope != 0) continue;
            long i = num / slope;
            if (i < s.from() || i >= s.to()) continue;
            terms.add(Ops.substitute(dOcc, s.index(), Constant.of(i)));
        }
        return Ops.add(terms);
    }

    /**
     * Elements of the target's vector in the body whose index mentions the loop index i. An element whose
     * index moves only with the index of a sum nested in the body ({@code w[j]} of {@code dot(w, row.x)}
     * inside a sum over rows) is that sum's to place, and {@code d(body)} has placed it already.
     */
    private static Set<Element> movingOccurrences(Expr body, Element target, IndexSymbol i) {
        Set<IndexSymbol> nested = new HashSet<>();
        Traversal.forEachNode(body, n -> {
            if (n instanceof SumOver inner) nested.add(inner.index());
        });
        Set<Element> out = new LinkedHashSet<>();
        Traversal.forEachNode(body, n -> {
            if (n instanceof Element e && e.vector() == target.vector() && !(e.index() instanceof Constant)) {
                boolean moves = Traversal.contains(e.index(), i);
                if (!moves && mentionsAny(e.index(), nested)) return;
                if (!moves) {
                    throw new UnsupportedOperationException("cannot differentiate " + e + " by " + target
                            + ": its index depends on an outer sum's index; write the inner index in terms of i");
                }
                out.add(e);
            }
        });
        return out;
    }

    private static boolean mentionsAny(Expr index, Set<IndexSymbol> symbols) {
        for (IndexSymbol j : symbols) if (Traversal.contains(index, j)) return true;
        return false;
    }
}
