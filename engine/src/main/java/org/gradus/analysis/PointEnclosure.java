package org.gradus.analysis;

import org.gradus.atoms.OutwardRounding;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Atom;
import org.gradus.atoms.Dot;
import org.gradus.atoms.Interval;
import org.gradus.atoms.L1;
import org.gradus.atoms.L2;
import org.gradus.atoms.Norm1;
import org.gradus.atoms.Norm2;
import org.gradus.atoms.SumSquares;
import org.gradus.atoms.VectorFunction;
import org.gradus.atoms.array.ArrayNode;
import org.gradus.atoms.array.ArrayOp;
import org.gradus.atoms.array.Block;
import org.gradus.atoms.array.CrossEntropy;
import org.gradus.atoms.array.Embed;
import org.gradus.atoms.array.Fill;
import org.gradus.atoms.array.Index;
import org.gradus.atoms.array.LogSumExpOf;
import org.gradus.atoms.array.MatrixProduct;
import org.gradus.atoms.array.ArgMax;
import org.gradus.atoms.array.MaxOf;
import org.gradus.atoms.array.Mean;
import org.gradus.atoms.array.OneHot;
import org.gradus.atoms.array.Outer;
import org.gradus.atoms.array.QuadFormOf;
import org.gradus.atoms.array.Softmax;
import org.gradus.atoms.array.Stack;
import org.gradus.atoms.array.Sum;
import org.gradus.atoms.array.Trace;
import org.gradus.atoms.array.Transpose;
import org.gradus.atoms.array.VectorAtomOp;
import org.gradus.expr.Constant;
import org.gradus.expr.ConstantArray;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.IndexSymbol;
import org.gradus.expr.Layout;
import org.gradus.expr.Lookup;
import org.gradus.expr.Shape;
import org.gradus.expr.SumOver;
import org.gradus.expr.TableSlice;
import org.gradus.expr.TableStorage;
import org.gradus.expr.Variable;
import org.gradus.expr.VariableArray;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.gradus.atoms.OutwardRounding.add;
import static org.gradus.atoms.OutwardRounding.div;
import static org.gradus.atoms.OutwardRounding.mul;
import static org.gradus.atoms.OutwardRounding.sub;

/**
 * Rigorous evaluation of an expression at one point, <b>element by element</b>: every element of every
 * array value gets its own outward-rounded interval (a scalar is an array of one). Where {@link Enclosure}
 * encloses an array by the hull of all its elements — right over a box, far too wide at a point — this
 * keeps each element as tight as the rounding of its own computation, so the sign of a small difference of
 * values (a secant's gap) can be certified for networks and other array expressions.
 *
 * <p>Sums, products and quotients round outward step by step ({@link OutwardRounding#add} and friends); other
 * atoms give their {@link Atom#range} on the element's interval, widened for the math library's error;
 * a matrix product, softmax, logsumexp and cross-entropy are computed from those same steps. An array
 * operation this class does not know makes the result {@link #loose()} (its elements all of R), never
 * wrong.
 */
final class PointEnclosure {
    private final Layout layout;
    private final double[] x;
    private Map<Expr, Interval[]> memo = new IdentityHashMap<>();
    private final Map<IndexSymbol, Integer> env = new HashMap<>();
    private boolean defined = true;
    private String loose;

    PointEnclosure(Layout layout, double[] x) {
        this.layout = layout;
        this.x = x;
    }

    /** An enclosure of the scalar f at the point. */
    Interval scalar(Expr f) {
        return of(f)[0];
    }

    /** True when every atom met is defined at its arguments' intervals. */
    boolean defined() {
        return defined;
    }

    /** Null when every operation was enclosed element by element; otherwise the operation that was not. */
    String loose() {
        return loose;
    }

    Interval[] of(Expr e) {
        Interval[] known = memo.get(e);
        if (known != null) return known;
        Interval[] r = compute(e);
        memo.put(e, r);
        return r;
    }

    private Interval[] compute(Expr e) {
        if (e instanceof Constant c) return one(Interval.point(c.value()));
        if (e instanceof Variable v) return one(Interval.point(x[layout.offset(v)]));
        if (e instanceof VariableArray va) {
            int off = layout.offset(va.variable());
            Interval[] r = new Interval[va.variable().size()];
            for (int k = 0; k < r.length; k++) r[k] = Interval.point(x[off + k]);
            return r;
        }
        if (e instanceof ConstantArray ca) {
            Interval[] r = new Interval[ca.values().length];
            for (int k = 0; k < r.length; k++) r[k] = Interval.point(ca.get(k));
            return r;
        }
        if (e instanceof Element el) {
            int k = el.constantIndex() >= 0 ? el.constantIndex() : index(el.index(), el.vector().size());
            return one(k < 0 ? Interval.ALL : Interval.point(x[layout.offset(el.vector()) + k]));
        }
        if (e instanceof IndexSymbol s) {
            Integer k = env.get(s);
            return one(k == null ? loose("the free index " + s.name()) : Interval.point(k));
        }
        if (e instanceof Lookup l) {
            int k = index(l.index(), l.tableLength());
            return one(k < 0 ? Interval.ALL : Interval.point(l.at(k)));
        }
        if (e instanceof TableSlice ts) {
            int base = index(ts.base(), ts.tableLength() - ts.length() + 1);
            Interval[] r = new Interval[ts.length()];
            for (int k = 0; k < r.length; k++) r[k] = base < 0 ? Interval.ALL : Interval.point(TableStorage.at(ts.table(), base + k));
            return r;
        }
        if (e instanceof VectorFunction vf) return of(vf.lowered());
        if (e instanceof SumOver s) return sum(s);
        if (e instanceof Apply a) return apply(a);
        if (e instanceof ArrayNode n) return array(n);
        return all(e.shape().size(), e.getClass().getSimpleName());
    }

    /** The integer value of an index expression at this point, or −1 (and the result loose) when it is not one in [0, size). */
    private int index(Expr e, int size) {
        Interval k = of(e)[0];
        if (k.isPoint() && k.lo() == Math.rint(k.lo()) && k.lo() >= 0 && k.lo() < size) return (int) k.lo();
        loose = loose == null ? "an index that is not a whole number in range" : loose;
        return -1;
    }

    /** A reduction over an index, term by term (each element of an array-valued body on its own). */
    private Interval[] sum(SumOver s) {
        IndexSymbol i = s.index();
        Integer saved = env.get(i);
        Map<Expr, Interval[]> outer = memo;
        Interval[] total = new Interval[s.body().shape().size()];
        java.util.Arrays.fill(total, Interval.point(0));
        try {
            for (int k = s.from(); k < s.to(); k++) {
                memo = new IdentityHashMap<>();
                env.put(i, k);
                Interval[] term = of(s.body());
                for (int e = 0; e < total.length; e++) total[e] = add(total[e], term[e]);
            }
        } finally {
            memo = outer;
            if (saved == null) env.remove(i);
            else env.put(i, saved);
        }
        return total;
    }

    /** A scalar atom, applied element by element when an argument is an array (a scalar argument broadcasts). */
    private Interval[] apply(Apply a) {
        List<Expr> argExprs = a.args();
        Interval[][] args = new Interval[argExprs.size()][];
        int n = 1;
        for (int i = 0; i < args.length; i++) {
            args[i] = of(argExprs.get(i));
            n = Math.max(n, args[i].length);
        }
        Atom atom = a.atom();
        Interval[] out = new Interval[n];
        Interval[] at = new Interval[args.length];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < args.length; i++) at[i] = args[i].length == 1 ? args[i][0] : args[i][k];
            out[k] = scalarAtom(atom, at);
        }
        return out;
    }

    private Interval scalarAtom(Atom atom, Interval[] args) {
        if (!atom.definedOn(args)) defined = false;
        return Enclosure.atomRange(atom, args);
    }

    private Interval[] array(ArrayNode node) {
        ArrayOp op = node.op();
        List<Expr> xs = node.args();
        Shape s0 = xs.get(0).shape();
        int size = node.shape().size();
        if (op instanceof MatrixProduct) return ArrayIntervals.product(of(xs.get(0)), s0.rows(), s0.columns(), of(xs.get(1)), xs.get(1).shape().columns());
        if (op instanceof Transpose) {
            Interval[] m = of(xs.get(0)), r = new Interval[size];
            int rows = s0.rows(), cols = s0.columns();
            for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) r[j * rows + i] = m[i * cols + j];
            return r;
        }
        if (op instanceof Outer) {
            Interval[] u = of(xs.get(0)), v = of(xs.get(1)), r = new Interval[size];
            for (int i = 0; i < u.length; i++) for (int j = 0; j < v.length; j++) r[i * v.length + j] = mul(u[i], v[j]);
            return r;
        }
        if (op instanceof Fill) {
            Interval[] r = new Interval[size];
            java.util.Arrays.fill(r, of(xs.get(0))[0]);
            return r;
        }
        if (op instanceof Sum) return one(ArrayIntervals.sum(of(xs.get(0))));
        if (op instanceof Mean) return one(div(ArrayIntervals.sum(of(xs.get(0))), Interval.point(s0.size())));
        if (op instanceof MaxOf) return one(ArrayIntervals.max(of(xs.get(0))));
        if (op instanceof ArgMax) return one(ArrayIntervals.argmax(of(xs.get(0))));
        if (op instanceof LogSumExpOf) return one(ArrayIntervals.logSumExp(of(xs.get(0))));
        if (op instanceof Softmax) return ArrayIntervals.softmax(of(xs.get(0)));
        if (op instanceof CrossEntropy) {
            Interval[] z = of(xs.get(0));
            int k = index(xs.get(1), z.length);
            return one(k < 0 ? Interval.ALL : sub(ArrayIntervals.logSumExp(z), z[k]));
        }
        if (op instanceof Index) {
            Interval[] u = of(xs.get(0));
            int k = index(xs.get(1), u.length);
            return one(k < 0 ? Interval.ALL : u[k]);
        }
        if (op instanceof OneHot) {
            int k = index(xs.get(0), size);
            Interval[] r = new Interval[size];
            for (int j = 0; j < size; j++) r[j] = k < 0 ? new Interval(0, 1) : Interval.point(j == k ? 1 : 0);
            return r;
        }
        if (op instanceof Block b) {
            Interval[] u = of(xs.get(0));
            return java.util.Arrays.copyOfRange(u, b.offset(), b.offset() + size);
        }
        if (op instanceof Embed em) {
            Interval[] v = of(xs.get(0)), r = new Interval[size];
            java.util.Arrays.fill(r, Interval.point(0));
            System.arraycopy(v, 0, r, em.offset(), v.length);
            return r;
        }
        if (op instanceof Stack) {
            Interval[] r = new Interval[size];
            for (int k = 0; k < size; k++) r[k] = of(xs.get(k))[0];
            return r;
        }
        if (op instanceof Trace) {
            Interval[] m = of(xs.get(0));
            Interval t = Interval.point(0);
            for (int i = 0; i < s0.rows(); i++) t = add(t, m[i * s0.rows() + i]);
            return one(t);
        }
        if (op instanceof QuadFormOf) {
            Interval[] v = of(xs.get(0)), m = of(xs.get(1));
            Interval[] mv = ArrayIntervals.product(m, v.length, v.length, v, 1);
            return one(ArrayIntervals.dot(v, mv));
        }
        if (op instanceof VectorAtomOp va) {
            Interval[] u = of(xs.get(0));
            if (va.atom() instanceof Dot) return one(ArrayIntervals.dot(u, of(xs.get(1))));
            if (va.atom() instanceof SumSquares || va.atom() instanceof L2) return one(ArrayIntervals.sumSquares(u));
            if (va.atom() instanceof Norm2) return one(ArrayIntervals.sqrt(ArrayIntervals.sumSquares(u)));
            if (va.atom() instanceof Norm1 || va.atom() instanceof L1) return one(ArrayIntervals.sumAbs(u));
        }
        return all(size, op.name());
    }

    private Interval loose(String what) {
        if (loose == null) loose = what;
        return Interval.ALL;
    }

    private Interval[] all(int size, String what) {
        loose(what);
        Interval[] r = new Interval[size];
        java.util.Arrays.fill(r, Interval.ALL);
        return r;
    }

    private static Interval[] one(Interval v) {
        return new Interval[]{v};
    }
}
