package org.gradus.calculus;

import org.gradus.atoms.Apply;
import org.gradus.atoms.ArgumentDomain;
import org.gradus.atoms.Atom;
import org.gradus.atoms.Divide;
import org.gradus.atoms.array.Shapes;
import org.gradus.calculus.series.CannotExpand;
import org.gradus.calculus.series.Expander;
import org.gradus.calculus.series.Expansion;
import org.gradus.calculus.series.Real;
import org.gradus.calculus.series.Series;
import org.gradus.diff.Differentiator;
import org.gradus.expr.Expr;
import org.gradus.expr.GroovyPrinter;
import org.gradus.expr.Layout;
import org.gradus.expr.Traversal;
import org.gradus.expr.Variable;
import org.gradus.expr.VariableBlock;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code limit(f, x: a, side: 'left' | 'right' | 'both')} for a function of one variable, a finite or
 * infinite. How it is decided, in order (each answer says which):
 * <ol>
 *   <li>{@code continuous}: every operation of f is defined and continuous at a (inside its domain),
 *       so the limit is f(a), computed exactly where the numbers allow;</li>
 *   <li>{@code L'Hôpital ×k}: f = p/q with p(a) = q(a) = 0 and p, q continuous at a: the quotient of
 *       the k-th exact symbolic derivatives, the first whose denominator is not 0 at a;</li>
 *   <li>one side at a time ({@link SideLimits}): series, bounded × vanishing, oscillation;</li>
 *   <li>the sides combined: equal limits are the limit; different ones mean there is none ("one-sided
 *       limits differ"); a side where f has no values near a does not count (limits are taken within
 *       f's domain).</li>
 * </ol>
 * Nothing is guessed: when no rule decides, the answer is {@code unknown} with f evaluated ever closer.
 */
public final class Limit {
    private static final int MAX_LHOPITAL = 6;

    private Limit() {
    }

    /**
     * @param f        a function of {@code variable} alone (it may also be constant)
     * @param variable the variable's name
     * @param at       the point; ±∞ allowed
     * @param side     {@code left}, {@code right} or {@code both}
     * @throws IllegalArgumentException when f depends on another variable, the side is unknown, the point
     *                                  is NaN, or the side is impossible (right of +∞)
     */
    public static LimitReport of(Expr f, String variable, double at, String side) {
        Shapes.requireScalar(f, "limit");
        if (Double.isNaN(at)) throw new IllegalArgumentException("limit: the point " + variable + " is NaN");
        if (!List.of("left", "right", "both").contains(side)) {
            throw new IllegalArgumentException("limit: side must be 'left', 'right' or 'both', not '" + side + "'");
        }
        if (at == Double.POSITIVE_INFINITY && side.equals("right") || at == Double.NEGATIVE_INFINITY && side.equals("left")) {
            throw new IllegalArgumentException("limit: " + variable + " cannot approach " + Numbers.format(at) + " from the " + side);
        }
        Layout layout = f.layout();
        Variable x = null;
        for (VariableBlock b : layout.blocks()) {
            if (b.name().equals(variable) && b instanceof Variable v) x = v;
            else throw new IllegalArgumentException("limit(f, " + variable + ": a) takes a function of " + variable + " alone, but f depends on "
                    + b.name() + " too; give the point each variable approaches, as in limit(f, " + variable + ": 0, " + b.name() + ": 0)");
        }
        if (x == null) x = new Variable(variable, 0);
        Layout one = new Layout(List.of(x));
        return new LimitReport(f, variable, at, side, decide(f, one, x, at, side));
    }

    /**
     * {@code limit(f, x: a, y: b, …)}: the limit at a finite point of several variables ({@link PathLimit}).
     *
     * @param point each variable's name and the finite value it approaches, in the order given
     * @throws IllegalArgumentException when a point is not finite, or f depends on a variable not given
     */
    public static LimitReport of(Expr f, Map<String, Double> point) {
        Shapes.requireScalar(f, "limit");
        List<Variable> variables = new ArrayList<>();
        double[] at = new double[point.size()];
        Map<String, Variable> own = new HashMap<>();
        for (VariableBlock b : f.layout().blocks()) {
            if (!point.containsKey(b.name())) {
                throw new IllegalArgumentException("limit: f depends on " + b.name() + " too; give the point it approaches, as in limit(f, "
                        + String.join(": 0, ", point.keySet()) + ": 0, " + b.name() + ": 0)");
            }
            if (!(b instanceof Variable v)) throw new IllegalArgumentException("limit: " + b.name() + " is a vector; a limit takes scalar variables");
            own.put(v.name(), v);
        }
        int k = 0;
        for (Map.Entry<String, Double> e : point.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("limit: in several variables the point must be finite, but " + e.getKey() + " approaches "
                        + Numbers.format(e.getValue()));
            }
            variables.add(own.getOrDefault(e.getKey(), new Variable(e.getKey(), 0)));
            at[k++] = e.getValue();
        }
        SideLimit s = PathLimit.decide(f, variables, at);
        return new LimitReport(f, String.join(", ", point.keySet()), new LinkedHashMap<>(point), new SideLimit[]{s, null, null});
    }

    /** The limit of f at a finite point of several scalar variables ({@link PathLimit}: paths, a radial bound). */
    public static SideLimit severalVariables(Expr f, List<Variable> variables, double[] point) {
        return PathLimit.decide(f, variables, point);
    }

    /**
     * The two-sided limit of f (a function of x alone) at a finite point, and the one-sided limits when
     * they were needed: {both, left, right}, the last two null when continuity or L'Hôpital decided.
     */
    public static SideLimit[] sides(Expr f, Variable x, double at) {
        SideLimit[] s = decide(f, new Layout(List.of(x)), x, at, "both");
        return s[0].method().equals("continuous") || s[0].method().startsWith("L'H") ? new SideLimit[]{s[0], null, null} : s;
    }

    /** The answer for the requested side(s): {both, left, right} (unrequested sides null). */
    static SideLimit[] decide(Expr f, Layout layout, Variable x, double at, String side) {
        if (Double.isInfinite(at)) {
            Approach ap = at > 0 ? Approach.left(x.name(), at) : Approach.right(x.name(), at);
            SideLimit s = oneSide(f, layout, ap);
            return at > 0 ? new SideLimit[]{s, s, null} : new SideLimit[]{s, null, s};
        }
        SideLimit two = continuity(f, layout, at);
        if (two != null && PointRounding.poleWithinRounding(f, layout, at)) two = null;   // tan(x) at Math.PI/2
        else if (two == null) two = lHopital(f, layout, x, at);
        if (two != null) return new SideLimit[]{two, two, two};
        SideLimit left = side.equals("right") ? null : oneSide(f, layout, Approach.left(x.name(), at));
        SideLimit right = side.equals("left") ? null : oneSide(f, layout, Approach.right(x.name(), at));
        SideLimit both = side.equals("left") ? left : side.equals("right") ? right : combine(left, right, x.name(), at);
        return new SideLimit[]{both, left, right};
    }

    private static SideLimit oneSide(Expr f, Layout layout, Approach ap) {
        return SideLimits.along(f, layout, new Expansion[]{ap.coordinate()}, ap, t -> new double[]{ap.x(t)});
    }

    static SideLimit combine(SideLimit left, SideLimit right, String x, double at) {
        String a = x + " = " + Numbers.format(at);
        if (left.status() == SideLimit.Status.UNDEFINED && right.status() == SideLimit.Status.UNDEFINED) {
            return SideLimit.undefined("f has no values near " + a + " on either side (" + right.reason() + ")");
        }
        if (left.status() == SideLimit.Status.UNDEFINED) return withNote(right, "f is defined only to the right of " + a + " near it ("
                + left.reason() + " to the left), so the limit is the right-hand one: ");
        if (right.status() == SideLimit.Status.UNDEFINED) return withNote(left, "f is defined only to the left of " + a + " near it ("
                + right.reason() + " to the right), so the limit is the left-hand one: ");
        if (left.status() == SideLimit.Status.NONE) return left;
        if (right.status() == SideLimit.Status.NONE) return right;
        if (left.exists() && right.exists()) {
            if (left.sameAs(right)) {
                String how = left.method().equals(right.method()) ? left.method() : left.method() + " / " + right.method();
                return new SideLimit(SideLimit.Status.EXISTS, right.value(), right.exact(), how,
                        "both one-sided limits are " + right.text() + " — from the left, " + left.reason() + "; from the right, " + right.reason());
            }
            return new SideLimit(SideLimit.Status.NONE, Double.NaN, null, "one-sided limits differ",
                    "the one-sided limits differ: from the left " + left.text() + " (" + left.reason() + "), from the right "
                            + right.text() + " (" + right.reason() + ")");
        }
        SideLimit unknown = left.exists() ? right : left;
        return SideLimit.unknown("the limit " + (unknown == left ? "from the left" : "from the right") + " is not decided: " + unknown.reason());
    }

    private static SideLimit withNote(SideLimit s, String note) {
        return new SideLimit(s.status(), s.value(), s.exact(), s.method(), note + s.reason());
    }

    /** Whether f, finite at the double a, has a pole within its rounding (tan(x) at {@code Math.PI/2}); see {@link PointRounding}. */
    public static boolean poleWithinRounding(Expr f, Layout layout, double at) {
        return PointRounding.poleWithinRounding(f, layout, at);
    }

    // ---- two-sided rules at a finite point -----------------------------------------------------------

    /** f(a) when every operation of f is continuous at a, inside its domain; else null. */
    static SideLimit continuity(Expr f, Layout layout, double at) {
        Real v = valueIfContinuous(f, layout, at);
        if (v == null) return null;
        return SideLimit.of(v, "continuous", "continuous: every operation in f is defined and continuous at "
                + layout.coordinateName(0) + " = " + Numbers.format(at) + ", so the limit is f(" + Numbers.format(at) + ") = " + v.text());
    }

    /** The value of e at a when every atom of e is continuous there and inside the interior of its domain. */
    static Real valueIfContinuous(Expr e, Layout layout, double at) {
        double[] x = {at};
        if (!PointWalk.at(e, layout, x).continuousInside()) return null;
        try {
            Expander ex = new Expander(layout, new Expansion[]{Expansion.constant(Real.of(at))}, new Series(2));
            return ex.expand(e).constantValue();
        } catch (CannotExpand | ArithmeticException c) {
            return null;
        }
    }

    /** L'Hôpital's rule for p/q with p(a) = q(a) = 0 (0/0), repeated while the derivatives still vanish at a. */
    static SideLimit lHopital(Expr f, Layout layout, Variable x, double at) {
        if (!(f instanceof Apply a) || !(a.atom() instanceof Divide)) return null;
        Expr p = a.arg(0), q = a.arg(1);
        for (int k = 0; k <= MAX_LHOPITAL; k++) {
            Real pv = valueIfContinuous(p, layout, at), qv = valueIfContinuous(q, layout, at);
            if (pv == null || qv == null) return null;
            if (k == 0) {
                if (!pv.isExactZero() || !qv.isExactZero()) return null;
            } else if (!qv.isExactZero()) {
                if (!qv.signKnown()) return null;
                Real v = pv.divide(qv);
                String which = k == 1 ? "derivatives" : ordinal(k) + " derivatives";
                return SideLimit.of(v, k == 1 ? "L'Hôpital" : "L'Hôpital ×" + k, "0/0 at " + x.name() + " = " + Numbers.format(at)
                        + "; by L'Hôpital's rule" + (k > 1 ? " (" + k + " times)" : "") + " the limit is that of the quotient of the "
                        + which + ", " + GroovyPrinter.print(p, GroovyPrinter.PRODUCT) + " / " + GroovyPrinter.print(q, GroovyPrinter.PRODUCT) + ", which is continuous there and equals " + v.text());
            } else if (!pv.isExactZero()) {
                return null; // c/0: the series decides the sign on each side
            }
            p = Differentiator.partial(p, x);
            q = Differentiator.partial(q, x);
            if (Traversal.postOrder(p).size() > 4000 || Traversal.postOrder(q).size() > 4000) return null;
        }
        return null;
    }

    private static String ordinal(int k) {
        return switch (k) {
            case 2 -> "second";
            case 3 -> "third";
            default -> k + "th";
        };
    }
}
