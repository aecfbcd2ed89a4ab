package org.gradus.analysis;

import org.gradus.atoms.Apply;
import org.gradus.atoms.Divide;
import org.gradus.atoms.ArgumentDomain;
import org.gradus.atoms.Interval;
import org.gradus.expr.Constant;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Traversal;
import org.gradus.expr.Variable;
import org.gradus.expr.VariableBlock;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Where an analysis looks: a box (one closed interval per coordinate) given by the user or all of Rⁿ,
 * narrowed to f's natural domain where an atom needs it of a variable directly (log(x) needs x &gt; 0,
 * sqrt(x) needs x ≥ 0), and the bounded box inside it that sampling draws from.
 */
public final class Domain {
    /** Half-width of the sampling box along an unbounded coordinate. */
    public static final double DEFAULT_HALF_WIDTH = 10;

    final Layout layout;
    /** The closed box used for rigorous enclosures. */
    final Interval[] box;
    /** True where a coordinate's lower end is an open natural bound (x &gt; 0 from log(x)). */
    final boolean[] openLower;
    /** True where a coordinate's upper end is an open natural bound (x &lt; 1 from log(1 − x²) in one variable). */
    final boolean[] openUpper;
    /** The bounded box that sampling draws from. */
    final Interval[] sampling;
    final boolean unbounded;
    final String text;
    final Map<String, List<String>> naturalReasons = new LinkedHashMap<>();

    private Domain(Layout layout, Interval[] box, boolean[] openLower, boolean[] openUpper, Map<String, List<String>> reasons) {
        this.layout = layout;
        this.box = box;
        this.openLower = openLower;
        this.openUpper = openUpper;
        this.naturalReasons.putAll(reasons);
        int n = box.length;
        this.sampling = new Interval[n];
        boolean ub = false;
        for (int i = 0; i < n; i++) {
            Interval b = box[i];
            ub |= !b.bounded();
            double lo = Double.isFinite(b.lo()) ? b.lo() : Math.min(-DEFAULT_HALF_WIDTH, b.hi() - 2 * DEFAULT_HALF_WIDTH);
            double hi = Double.isFinite(b.hi()) ? b.hi() : Math.max(DEFAULT_HALF_WIDTH, lo + 2 * DEFAULT_HALF_WIDTH);
            if (openLower[i]) lo = Math.nextUp(lo);
            if (openUpper[i]) hi = Math.nextDown(hi);
            sampling[i] = new Interval(lo, hi);
        }
        this.unbounded = ub;
        this.text = describe();
    }

    /**
     * The domain of f over {@code over} (variable name → {lo, hi}; a vector's interval applies to all its
     * elements, an element's, {@code w[0]}, to that one), or over all of Rⁿ when {@code over} is null or leaves a
     * variable out.
     *
     * @throws IllegalArgumentException for a name that is not a variable of f or an empty interval
     */
    public static Domain of(Expr f, Map<String, double[]> over) {
        Layout layout = f.layout();
        int n = layout.dimension();
        Interval[] box = new Interval[n];
        for (int i = 0; i < n; i++) box[i] = Interval.ALL;
        if (over != null) {
            List<String> names = new ArrayList<>();
            for (VariableBlock b : layout.blocks()) names.add(b.name());
            for (Map.Entry<String, double[]> e : over.entrySet()) {
                VariableBlock block = null;
                for (VariableBlock b : layout.blocks()) if (b.name().equals(e.getKey())) block = b;
                int coordinate = block == null ? layout.coordinateNames().indexOf(e.getKey()) : -1;   // one element, 'w[0]'
                if (block == null && coordinate < 0) {
                    throw new IllegalArgumentException("'" + e.getKey() + "' in over: is not a variable of " + f + "; its variables are " + names);
                }
                double[] r = e.getValue();
                if (r == null || r.length != 2 || Double.isNaN(r[0]) || Double.isNaN(r[1]) || r[0] > r[1]) {
                    throw new IllegalArgumentException("over: " + e.getKey() + " needs an interval lo..hi with lo <= hi, got "
                            + (r == null ? "null" : java.util.Arrays.toString(r)));
                }
                if (!Double.isFinite(r[1] - r[0]) && Double.isFinite(r[0]) && Double.isFinite(r[1])) {
                    throw new IllegalArgumentException("over: " + e.getKey() + ": " + Numbers.format(r[0]) + ".." + Numbers.format(r[1])
                            + " is too wide to search: its width overflows a double; give an interval narrower than 1e308 "
                            + "(or -Infinity..Infinity for all of R, searched near 0)");
                }
                if (block == null) {
                    box[coordinate] = new Interval(r[0], r[1]);
                    continue;
                }
                int off = layout.offset(block);
                for (int k = 0; k < block.size(); k++) box[off + k] = new Interval(r[0], r[1]);
            }
        }
        boolean[] openLo = new boolean[n], openHi = new boolean[n];
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        natural(f, layout, box, openLo, openHi, reasons);
        return new Domain(layout, box, openLo, openHi, reasons);
    }

    /**
     * Narrows the box where an atom applies directly to a coordinate and declares a lower end of its
     * natural domain for that argument: log(x) (x &gt; 0), log1p(x), sqrt(x), x**p with a non-integer p.
     * In one variable, an atom's argument other than the variable narrows the box to the one interval where it is
     * defined, closed or open at either end ({@link #narrowToInterval}).
     */
    private static void natural(Expr f, Layout layout, Interval[] box, boolean[] open, boolean[] openHi, Map<String, List<String>> reasons) {
        Traversal.forEachNode(f, e -> {
            if (!(e instanceof Apply a)) return;
            for (int k = 0; k < a.args().size(); k++) {
                ArgumentDomain dom = a.atom().domain(k, a.args());
                if (dom.boundedBelow()) narrow(a, a.arg(k), dom.lo(), dom.openLo(), layout, box, open, openHi, reasons);
            }
            if (a.atom() instanceof Divide && a.arg(1) instanceof Apply d && zeroAtClosedEdge(d)) {
                narrow(a, d.arg(0), d.atom().domain(0, d.args()).lo(), true, layout, box, open, openHi, reasons);   // 1/sqrt(x): x > 0
            }
        });
    }

    /**
     * Whether d is an atom of a first argument whose domain has a closed lower end where d is 0 (sqrt(x) and x**0.5
     * at x = 0), the other arguments constant: divided by d, that end is outside the domain.
     */
    private static boolean zeroAtClosedEdge(Apply d) {
        ArgumentDomain dom = d.atom().domain(0, d.args());
        if (!dom.boundedBelow() || dom.openLo()) return false;
        double[] at = new double[d.args().size()];
        at[0] = dom.lo();
        for (int k = 1; k < at.length; k++) {
            if (!(d.arg(k) instanceof Constant c)) return false;
            at[k] = c.value();
        }
        return d.atom().domainError(at) == null && d.atom().value(at) == 0;
    }

    private static void narrow(Apply a, Expr x, double lo, boolean strict, Layout layout, Interval[] box, boolean[] open,
                               boolean[] openHi, Map<String, List<String>> reasons) {
        if (layout.dimension() == 1 && layout.blocks().get(0) instanceof Variable v && !(x instanceof Variable)
                && Traversal.contains(x, v)) {
            narrowToInterval(a, x, lo, strict, v, layout, box, open, openHi, reasons);
            return;
        }
        List<Integer> coords = new ArrayList<>();
        if (x instanceof Variable v) coords.add(layout.offset(v));
        else if (x instanceof Element el) {
            int off = layout.offset(el.vector());
            if (el.constantIndex() >= 0) coords.add(off + el.constantIndex());
            else for (int k = 0; k < el.vector().size(); k++) coords.add(off + k);
        }
        for (int i : coords) {
            Interval b = box[i];
            if (b.lo() > lo || (b.lo() == lo && !strict)) continue;
            if (b.lo() == lo && open[i]) continue;
            if (b.hi() < lo || (b.hi() == lo && strict)) continue; // nothing of the box is in the domain: leave it
            box[i] = new Interval(lo, b.hi());
            open[i] = strict;
            because(reasons, layout.coordinateName(i), a);
        }
    }

    /**
     * In one variable, an argument other than the variable itself (sqrt(1 − x²) needs 1 − x² ≥ 0, log(1 − x²) needs
     * 1 − x² &gt; 0): where the set {t : arg(t) ≥ lo} (or &gt; lo) within the box is one interval, found from the zeros of
     * arg − lo and the sign between them, the box becomes that interval, its irrational ends rounded inward (a sliver
     * of the domain left out, never a point outside it), an end at a zero open where the atom needs arg &gt; lo. Anything
     * else (several pieces, zeros not resolved) leaves the box as it is.
     */
    private static void narrowToInterval(Apply a, Expr arg, double lo, boolean strict, Variable v, Layout layout, Interval[] box,
                                         boolean[] open, boolean[] openHi, Map<String, List<String>> reasons) {
        Interval b = box[0];
        Expr h = org.gradus.atoms.Ops.sub(arg, Constant.of(lo));
        RootFinder.Zeros z = RootFinder.of(h, v, b.lo(), b.hi());
        if (!z.unresolved().isEmpty() || z.identicallyZero()) return;
        List<Polynomial.Root> roots = new ArrayList<>(z.roots());
        for (Polynomial.Root r : roots) if (r.lo() == null || r.hi() == null) return;
        roots.sort((p, q) -> Double.compare(p.asDouble(), q.asDouble()));
        org.gradus.eval.CompiledFunction cf = new org.gradus.eval.CompiledFunction(h, layout);
        double from = Double.NaN, to = Double.NaN;
        boolean closedRun = false, fromRoot = false, toRoot = false;
        for (int i = 0; i <= roots.size(); i++) {
            double left = i == 0 ? b.lo() : roots.get(i - 1).asDouble(), right = i == roots.size() ? b.hi() : roots.get(i).asDouble();
            if (!(left < right)) continue;
            double value = cf.value(new double[]{MonotonicIntervals.middle(left, right)});
            if (!Double.isFinite(value)) return;
            if (value >= 0) {
                if (closedRun) return;                        // a second piece: the domain is not one interval
                if (Double.isNaN(from)) {
                    from = i == 0 ? b.lo() : inward(roots.get(i - 1).hi(), true);
                    fromRoot = i > 0;
                }
                to = i == roots.size() ? b.hi() : inward(roots.get(i).lo(), false);
                toRoot = i < roots.size();
                if (strict && toRoot) closedRun = true;       // arg > lo leaves out the zero that ends this piece
            } else if (!Double.isNaN(from)) {
                closedRun = true;
            }
        }
        if (Double.isNaN(from) || !(from <= to) || (from == b.lo() && to == b.hi())) return;
        if (strict && from == to) return;
        boolean openFrom = strict && fromRoot, openTo = strict && toRoot;
        open[0] = from == b.lo() ? open[0] || openFrom : openFrom;    // an end the box already had stays as open as it was
        openHi[0] = to == b.hi() ? openHi[0] || openTo : openTo;
        box[0] = new Interval(from, to);
        because(reasons, layout.coordinateName(0), a);
    }

    /** Records that the atom application a narrowed the coordinate: the domain's text names every such atom. */
    private static void because(Map<String, List<String>> reasons, String coordinate, Apply a) {
        List<String> atoms = reasons.computeIfAbsent(coordinate, k -> new ArrayList<>());
        if (!atoms.contains(Dcp.show(a))) atoms.add(Dcp.show(a));
    }

    /** The double nearest q on the inside: at or above q for a left end, at or below it for a right end. */
    private static double inward(org.apache.commons.math3.fraction.BigFraction q, boolean leftEnd) {
        double d = q.doubleValue();
        int c = new org.apache.commons.math3.fraction.BigFraction(d).compareTo(q);
        if (leftEnd && c < 0) return Math.nextUp(d);
        if (!leftEnd && c > 0) return Math.nextDown(d);
        return d;
    }

    public Layout layout() {
        return layout;
    }

    public int dimension() {
        return box.length;
    }

    /** A random point of the sampling box. */
    double[] sample(Random rnd) {
        double[] x = new double[box.length];
        for (int i = 0; i < x.length; i++) {
            Interval s = sampling[i];
            x[i] = s.lo() + rnd.nextDouble() * (s.hi() - s.lo());
        }
        return x;
    }

    double[] center() {
        double[] x = new double[box.length];
        for (int i = 0; i < x.length; i++) x[i] = 0.5 * (sampling[i].lo() + sampling[i].hi());
        return x;
    }

    boolean inside(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= box[i].lo() && x[i] <= box[i].hi())) return false;
            if (openLower[i] && x[i] == box[i].lo()) return false;
            if (openUpper[i] && x[i] == box[i].hi()) return false;
        }
        return true;
    }

    /** The box as text, e.g. {@code x ∈ [-1, 1], y > 0 (log(y) needs it)}, or {@code all of R²}. */
    private String describe() {
        int n = box.length;
        boolean all = true;
        for (Interval b : box) all &= b.lo() == Double.NEGATIVE_INFINITY && b.hi() == Double.POSITIVE_INFINITY;
        if (all) return n == 1 ? "all of R" : "all of R" + Numbers.superscript(n);
        List<String> parts = new ArrayList<>();
        for (VariableBlock b : layout.blocks()) {
            int off = layout.offset(b);
            boolean same = true;
            for (int k = 1; k < b.size(); k++) {
                same &= box[off + k].equals(box[off]) && openLower[off + k] == openLower[off] && openUpper[off + k] == openUpper[off];
            }
            if (same) parts.add(coordText(b.size() == 1 ? b.name() : b.name() + "[i]", off));
            else for (int k = 0; k < b.size(); k++) parts.add(coordText(b.coordinateName(k), off + k));
        }
        return String.join(", ", parts);
    }

    private String coordText(String name, int i) {
        Interval b = box[i];
        List<String> why = naturalReasons.get(layout.coordinateName(i));
        String note = why == null ? "" : " (where " + String.join(" and ", why) + (why.size() > 1 ? " are" : " is") + " defined)";
        boolean lo = Double.isFinite(b.lo()), hi = Double.isFinite(b.hi());
        if (!lo && !hi) return name + " ∈ R";
        if (lo && hi) {
            return name + " ∈ " + (openLower[i] ? "(" : "[") + Numbers.format(b.lo()) + ", " + Numbers.format(b.hi())
                    + (openUpper[i] ? ")" : "]") + note;
        }
        if (lo) return name + (openLower[i] ? " > " : " ≥ ") + Numbers.format(b.lo()) + note;
        return name + (openUpper[i] ? " < " : " ≤ ") + Numbers.format(b.hi()) + note;
    }

    /** The coordinates open at an end, as their limits there ({@code x → 0}), or null when there are none. */
    String openEnds() {
        List<String> ends = new ArrayList<>();
        for (int i = 0; i < openLower.length; i++) {
            if (openLower[i]) ends.add(layout.coordinateName(i) + " → " + Numbers.format(box[i].lo()));
            if (openUpper[i]) ends.add(layout.coordinateName(i) + " → " + Numbers.format(box[i].hi()));
        }
        if (ends.isEmpty()) return null;
        return ends.size() > 3 ? String.join(", ", ends.subList(0, 3)) + ", …" : String.join(", ", ends);
    }

    /** The sampling box as text, e.g. {@code [-10, 10]²}. */
    String samplingText() {
        List<String> parts = new ArrayList<>();
        for (Interval s : sampling) parts.add("[" + Numbers.round(s.lo(), 6) + ", " + Numbers.round(s.hi(), 6) + "]");
        if (parts.stream().distinct().count() == 1) return parts.get(0) + (parts.size() > 1 ? Numbers.superscript(parts.size()) : "");
        return String.join(" × ", parts);
    }
}
