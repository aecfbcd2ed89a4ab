package org.gradus.analysis;

import org.gradus.atoms.OutwardRounding;
import org.gradus.atoms.Add;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Atom;
import org.gradus.atoms.Divide;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Power;
import org.gradus.atoms.VectorFunction;
import org.gradus.atoms.array.ArrayNode;
import org.gradus.atoms.array.ArrayOp;
import org.gradus.expr.Constant;
import org.gradus.expr.ConstantArray;
import org.gradus.expr.TableSlice;
import org.gradus.data.DataSet;
import org.gradus.expr.TableStorage;
import org.gradus.expr.VariableArray;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.IndexSymbol;
import org.gradus.expr.Layout;
import org.gradus.expr.Lookup;
import org.gradus.expr.SumOver;
import org.gradus.expr.Variable;
import org.gradus.expr.VectorVariable;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rigorous interval evaluation: an enclosure of every value an expression takes when each coordinate
 * ranges over its interval. Sums, products and quotients round outward step by step; other atoms give
 * their {@link Atom#range} which is then widened by a margin that covers the few-ulp error of the Java
 * math library. On the way it records whether every atom is defined ({@link Atom#definedOn}) and smooth
 * ({@link Atom#smoothOn}) on the ranges of its arguments.
 *
 * <p>Two modes for reductions: over a box, {@code sum(0..<n) { i -> body }} is enclosed by n times the
 * body's enclosure over all i (cheap); at a point, term by term (tight, used to re-check counterexamples).
 */
public final class Enclosure {
    private final Layout layout;
    private final Interval[] coords;
    private final boolean termByTerm;
    private Map<Expr, Interval> memo = new IdentityHashMap<>();
    private final Map<IndexSymbol, Interval> env = new HashMap<>();
    private boolean defined = true;
    private boolean smooth = true;
    private Expr firstUndefined;
    private Expr firstNonSmooth;
    private boolean hulledArray;
    /** The sub-expressions whose values stay strictly above their enclosure's lower end, and below its upper ({@link OpenEnds}). */
    private final Set<Expr> openBelow = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Expr> openAbove = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The domain whose open lower ends atoms are judged inside ({@link #overDomain}), or null. */
    private Domain openEnds;

    private Enclosure(Layout layout, Interval[] coords, boolean termByTerm) {
        this.layout = layout;
        this.coords = coords;
        this.termByTerm = termByTerm;
    }

    /** Over a domain's box; a variable open at its lower end stays above it ({@link OpenEnds}). */
    public static Enclosure overDomain(Domain d) {
        Enclosure e = new Enclosure(d.layout, d.box, false);
        e.openEnds = d;
        return e;
    }

    /** Enclosures over a box: one interval per coordinate of the layout. */
    public static Enclosure overBox(Layout layout, Interval[] coords) {
        return new Enclosure(layout, coords, false);
    }

    /** Over the box around x whose half-width in each coordinate is {@code relative}·max(1, |xᵢ|). */
    public static Enclosure around(Layout layout, double[] x, double relative) {
        Interval[] box = new Interval[x.length];
        for (int i = 0; i < x.length; i++) {
            double r = relative * Math.max(1, Math.abs(x[i]));
            box[i] = new Interval(x[i] - r, x[i] + r);
        }
        return overBox(layout, box);
    }

    /** Enclosures of values at one point (widths come from rounding only). */
    public static Enclosure atPoint(Layout layout, double[] x) {
        Interval[] c = new Interval[x.length];
        for (int i = 0; i < x.length; i++) c[i] = Interval.point(x[i]);
        return new Enclosure(layout, c, true);
    }

    /**
     * True when an array operand was enclosed by the hull of all its elements: the enclosure is then far
     * wider than rounding even at a single point, and cannot certify the sign of a small difference.
     */
    public boolean hulledArray() {
        return hulledArray;
    }

    /** True when every atom met so far is defined on its arguments' ranges. */
    public boolean defined() {
        return defined;
    }

    /** True when every atom met so far is twice continuously differentiable around its arguments' ranges. */
    public boolean smooth() {
        return smooth;
    }

    /** The first sub-expression found whose atom may be undefined on the box, or null. */
    public Expr firstUndefined() {
        return firstUndefined;
    }

    /** The first sub-expression found whose atom may have a kink, jump or infinite slope on the box, or null. */
    public Expr firstNonSmooth() {
        return firstNonSmooth;
    }

    /**
     * True when e's values are certainly not 0: its enclosure excludes 0, or has 0 at an end never reached
     * (sigmoid(x) over all of R, enclosed as [0, 1]).
     */
    public boolean excludesZero(Expr e) {
        Interval v = of(e);
        return v.lo() > 0 || v.hi() < 0 || (v.lo() == 0 && openBelow.contains(e)) || (v.hi() == 0 && openAbove.contains(e));
    }

    /**
     * e's enclosure, saying that it never reaches a 0 at its end (sqrt(x) over x &gt; 0, an open end: {@link OpenEnds}) by
     * moving that end to the least double beyond 0: rules that read signs from the ends (1/sqrt(x) is c/b with b &gt; 0,
     * x**-1.5 a power of a positive base) then see the sign.
     */
    public Interval signed(Expr e) {
        Interval r = of(e);
        if (!excludesZero(e)) return r;
        if (r.lo() == 0) return new Interval(Double.MIN_VALUE, Math.max(Double.MIN_VALUE, r.hi()));
        if (r.hi() == 0) return new Interval(Math.min(-Double.MIN_VALUE, r.lo()), -Double.MIN_VALUE);
        return r;
    }

    public Interval of(Expr e) {
        Interval known = memo.get(e);
        if (known != null) return known;
        Interval r = compute(e);
        memo.put(e, r);
        return r;
    }

    private Interval compute(Expr e) {
        if (e instanceof Constant c) return Interval.point(c.value());
        if (e instanceof Variable v) {
            Interval r = coords[layout.offset(v)];
            if (r.lo() == Double.NEGATIVE_INFINITY || (openEnds != null && openEnds.openLower[layout.offset(v)])) openBelow.add(v);
            if (r.hi() == Double.POSITIVE_INFINITY || (openEnds != null && openEnds.openUpper[layout.offset(v)])) openAbove.add(v);
            return r;
        }
        if (e instanceof Element el) return element(el);
        if (e instanceof IndexSymbol s) return env.getOrDefault(s, Interval.ALL);
        if (e instanceof Lookup l) return lookup(l);
        if (e instanceof VectorFunction vf) return of(vf.lowered());
        if (e instanceof SumOver s) return sum(s);
        if (e instanceof Apply a) return apply(a);
        if (e instanceof VariableArray va) return block(va.variable());
        if (e instanceof ConstantArray ca) return hull(ca.values(), 0, ca.values().length - 1);
        if (e instanceof TableSlice ts) return slice(ts);
        if (e instanceof ArrayNode n) return array(n);
        throw new IllegalArgumentException("no enclosure for " + e.getClass().getSimpleName());
    }

    private static void mark(Set<Expr> set, Expr e, boolean open) {
        if (open) set.add(e);
        else set.remove(e);
    }

    /** Every element of a vector or matrix variable. */
    private Interval block(VectorVariable v) {
        hulledArray = true;
        int off = layout.offset(v);
        Interval r = coords[off];
        for (int k = 1; k < v.size(); k++) r = r.union(coords[off + k]);
        return r;
    }

    /** The hull of table elements lo..hi (a double[] or float[], see {@link TableStorage}). */
    private static Interval hull(Object t, int lo, int hi) {
        if (lo > hi) return Interval.ALL;
        double mn = TableStorage.at(t, lo), mx = mn;
        for (int j = lo + 1; j <= hi; j++) {
            double v = TableStorage.at(t, j);
            mn = Math.min(mn, v);
            mx = Math.max(mx, v);
        }
        return new Interval(mn, mx);
    }

    /** Every element a row's block ({@code row.x}) can take over the rows the index ranges over. */
    private Interval slice(TableSlice ts) {
        Object t = ts.table();
        Interval standIn = standIn(t, 0, -1);
        if (standIn != null) return standIn;
        Interval base = indexRange(ts.base());
        int lo = (int) Math.max(0, Math.ceil(base.lo() - 1e-9));
        int hi = (int) Math.min(ts.tableLength() - 1, Math.floor(base.hi() + 1e-9) + ts.length() - 1);
        return hull(t, lo, hi);
    }

    /** An array operation: the hull of its elements from its operands' hulls ({@link ArrayOp#range}), widened. */
    private Interval array(ArrayNode n) {
        hulledArray = true;
        Interval[] args = new Interval[n.args().size()];
        for (int i = 0; i < args.length; i++) args[i] = of(n.arg(i));
        if (!n.op().smoothOn(n.args(), args)) {
            smooth = false;
            if (firstNonSmooth == null) firstNonSmooth = n;
        }
        return OutwardRounding.widen(n.op().range(n.args(), args));
    }

    private Interval apply(Apply a) {
        List<Expr> argExprs = a.args();
        Interval[] args = new Interval[argExprs.size()];
        for (int i = 0; i < args.length; i++) args[i] = of(argExprs.get(i));
        Atom atom = a.atom();
        boolean[] below = new boolean[args.length], above = new boolean[args.length];
        Interval[] inside = args;               // an argument open at an end is judged just inside it
        for (int i = 0; i < args.length; i++) {
            below[i] = openBelow.contains(argExprs.get(i)) && Double.isFinite(args[i].lo());
            above[i] = openAbove.contains(argExprs.get(i)) && Double.isFinite(args[i].hi());
            double lo = below[i] ? Math.nextUp(args[i].lo()) : args[i].lo(), hi = above[i] ? Math.nextDown(args[i].hi()) : args[i].hi();
            if (!below[i] && !above[i] || lo > hi) continue;
            if (inside == args) inside = args.clone();
            inside[i] = new Interval(lo, hi);
        }
        if (!atom.definedOn(inside)) {
            defined = false;
            if (firstUndefined == null) firstUndefined = a;
        }
        if (!atom.smoothOn(inside)) {
            smooth = false;
            if (firstNonSmooth == null) firstNonSmooth = a;
        }
        Interval r = atomRange(atom, args);
        mark(openBelow, a, OpenEnds.open(false, atom, args, below, above, r));   // marked or cleared: a reduction's
        mark(openAbove, a, OpenEnds.open(true, atom, args, below, above, r));    // body is enclosed again for each term
        return r;
    }

    /**
     * The range of an atom over its arguments' intervals: sums, products, quotients and squares exactly (outward
     * rounded, never widened, so a sign such as that of 1 − y or 4 − x² survives), every other atom its own range,
     * widened, and clipped to the bounds its values keep ({@link Atom#codomain}: cos within [−1, 1]).
     */
    static Interval atomRange(Atom atom, Interval[] args) {
        if (atom instanceof Add) {
            Interval r = args[0];
            for (int i = 1; i < args.length; i++) r = OutwardRounding.add(r, args[i]);
            return r;
        }
        if (atom instanceof Multiply) {
            Interval r = args[0];
            for (int i = 1; i < args.length; i++) r = OutwardRounding.mul(r, args[i]);
            return r;
        }
        if (atom instanceof Divide) return OutwardRounding.div(args[0], args[1]);
        if (atom instanceof Power && args[1].isPoint() && args[1].lo() == 2 && !Double.isNaN(args[0].lo())) return OutwardRounding.square(args[0]);
        Interval r = OutwardRounding.widen(atom.range(args));
        Interval clipped = atom.codomain() == Interval.ALL ? null : r.intersect(atom.codomain());
        return clipped == null ? r : clipped;             // null: no bounds, or r undefined (NaN) — kept as it is
    }

    private Interval element(Element el) {
        VectorVariable v = el.vector();
        int off = layout.offset(v);
        int k = el.constantIndex();
        if (k >= 0) return coords[off + k];
        Interval idx = indexRange(el.index());
        int lo = (int) Math.max(0, Math.ceil(idx.lo() - 1e-9));
        int hi = (int) Math.min(v.size() - 1, Math.floor(idx.hi() + 1e-9));
        if (lo > hi) return Interval.ALL;
        Interval r = coords[off + lo];
        for (int j = lo + 1; j <= hi; j++) r = r.union(coords[off + j]);
        return r;
    }

    private Interval lookup(Lookup l) {
        if (TableStorage.length(l.table()) == 0) {          // a stand-in table: its column's range, when gathered
            Linear lin = linear(l.index());
            Interval standIn = lin != null && lin.symbol != null ? standIn(l.table(), lin.a, lin.c) : standIn(l.table(), 0, -1);
            if (standIn != null) return standIn;
        }
        Interval strided = stridedLookup(l);
        if (strided != null) return strided;
        Interval idx = indexRange(l.index());
        int lo = (int) Math.max(0, Math.ceil(idx.lo() - 1e-9));
        int hi = (int) Math.min(l.tableLength() - 1, Math.floor(idx.hi() + 1e-9));
        return hull(l.table(), lo, hi);
    }

    /**
     * The exact range of t[a·i + c] over the integer range of the index symbol i, for an index of that
     * form (a data set's column: {@code row.y} is t[stride·i + column] in the row-major table), so the
     * range is that of the column alone, not of everything between its first and last element; null
     * for other index forms.
     */
    private Interval stridedLookup(Lookup l) {
        Linear lin = linear(l.index());
        if (lin == null || lin.symbol == null || lin.a == 0) return null;
        Interval r = env.get(lin.symbol);
        if (r == null || Double.isInfinite(r.lo()) || Double.isInfinite(r.hi())) return null;
        long kLo = (long) Math.ceil(r.lo() - 1e-9), kHi = (long) Math.floor(r.hi() + 1e-9);
        double mn = Double.POSITIVE_INFINITY, mx = Double.NEGATIVE_INFINITY;
        boolean any = false;
        for (long k = kLo; k <= kHi; k++) {
            long j = lin.a * k + lin.c;
            if (j < 0 || j >= l.tableLength()) return null;    // out of the table: leave it to the general rule
            double v = l.at((int) j);
            mn = Math.min(mn, v);
            mx = Math.max(mx, v);
            any = true;
        }
        return any && !Double.isNaN(mn) && !Double.isNaN(mx) ? new Interval(mn, mx) : null;
    }

    /**
     * The range of a lookup into the stand-in table of a data set whose rows live elsewhere (Spark), from the
     * column ranges gathered where the rows are ({@link DataSet#standInRange}); null for any other table.
     */
    private static Interval standIn(Object table, long stride, long column) {
        if (TableStorage.length(table) != 0) return null;
        double[] r = DataSet.standInRange(table, stride, column);
        return r == null ? null : new Interval(r[0], r[1]);
    }

    /** a·symbol + c with integer a and c (symbol null for a constant). */
    private record Linear(IndexSymbol symbol, long a, long c) {
    }

    private static Linear linear(Expr e) {
        if (e instanceof Constant k) {
            double v = k.value();
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? new Linear(null, 0, (long) v) : null;
        }
        if (e instanceof IndexSymbol s) return new Linear(s, 1, 0);
        if (e instanceof Apply a && a.atom() instanceof Add) {
            Linear sum = new Linear(null, 0, 0);
            for (Expr x : a.args()) {
                Linear p = linear(x);
                if (p == null) return null;
                if (sum.symbol != null && p.symbol != null && sum.symbol != p.symbol) return null;
                sum = new Linear(sum.symbol != null ? sum.symbol : p.symbol, sum.a + p.a, sum.c + p.c);
            }
            return sum;
        }
        if (e instanceof Apply a && a.atom() instanceof Multiply) {
            Linear product = new Linear(null, 0, 1);
            for (Expr x : a.args()) {
                Linear p = linear(x);
                if (p == null) return null;
                if (product.symbol == null) product = p.symbol == null ? new Linear(null, 0, product.c * p.c)
                        : new Linear(p.symbol, p.a * product.c, p.c * product.c);
                else if (p.symbol == null) product = new Linear(product.symbol, product.a * p.c, product.c * p.c);
                else return null;                               // i·i is not linear
            }
            return product;
        }
        return null;
    }

    /** Index arithmetic is on small integers: exact, no widening. */
    private Interval indexRange(Expr e) {
        if (e instanceof Constant c) return Interval.point(c.value());
        if (e instanceof IndexSymbol s) return env.getOrDefault(s, Interval.ALL);
        if (e instanceof Apply a && a.atom() instanceof Add) {
            Interval r = Interval.point(0);
            for (Expr x : a.args()) r = r.plus(indexRange(x));
            return r;
        }
        if (e instanceof Apply a && a.atom() instanceof Multiply) {
            Interval r = Interval.point(1);
            for (Expr x : a.args()) r = r.times(indexRange(x));
            return r;
        }
        return of(e);
    }

    private Interval sum(SumOver s) {
        IndexSymbol i = s.index();
        Interval saved = env.get(i);
        try {
            if (!termByTerm) {
                env.put(i, new Interval(s.from(), s.to() - 1));
                return OutwardRounding.mul(Interval.point(s.to() - s.from()), of(s.body()));
            }
            Map<Expr, Interval> outer = memo;
            Interval total = Interval.point(0);
            try {
                for (int k = s.from(); k < s.to(); k++) {
                    memo = new IdentityHashMap<>();
                    env.put(i, Interval.point(k));
                    total = OutwardRounding.add(total, of(s.body()));
                }
            } finally {
                memo = outer;
            }
            return total;
        } finally {
            if (saved == null) env.remove(i);
            else env.put(i, saved);
        }
    }
}
