package org.gradus.calculus;

import org.gradus.atoms.Abs;
import org.gradus.atoms.Add;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Divide;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Log;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Ops;
import org.gradus.atoms.OutwardRounding;
import org.gradus.atoms.Power;
import org.gradus.atoms.Sqrt;
import org.gradus.atoms.UnaryAtom;
import org.gradus.atoms.Wording;
import org.gradus.calculus.series.Real;
import org.gradus.expr.Constant;
import org.gradus.expr.Dependence;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Variable;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * The squeeze theorem by orders of magnitude, as a learner proves x·y/√(x² + y²) → 0: with r = ‖x − a‖∞,
 * |x·y| ≤ r² and √(x² + y²) ≥ r, so |f| ≤ r → 0. Every sub-expression e gets a germ near the point, statements that
 * hold for all points of its domain with 0 &lt; r &lt; r₀ for some r₀ and constants C, c &gt; 0 (L = |log r|):
 * <ul>
 *   <li>a centre: e tends to a number enclosed by a {@link Real}, |e − centre| ≤ C·r^p·L^k with p &gt; 0 — or no centre,
 *       and then |e| ≤ C·r^p·L^k (p ≤ 0: e stays bounded, or grows no faster);</li>
 *   <li>optionally a lower bound |e| ≥ c·r^q·L^m, which lets e divide.</li>
 * </ul>
 * Rational sub-expressions get theirs exactly ({@link RadialBound#magnitude}); sums, products, quotients and powers
 * combine them; an atom smooth around its argument's centre keeps its order (it is Lipschitz there); a bounded atom
 * (sin, cos, tanh, …) of anything is bounded; log of something squeezed between two powers of r grows like L. Where no
 * rule applies, an interval enclosure over a small box around the point may still bound e, or keep it away from 0.
 * f's germ with a centre proves the limit.
 */
final class Squeeze {
    private static final double BOX = 0x1p-10;
    private static final Order CONSTANT = new Order(Double.POSITIVE_INFINITY, 0), BOUNDED = new Order(0, 0);

    /** r^p·|log r|^k, compared as r → 0: the larger p is the smaller quantity; at equal p the larger k is the larger. */
    private record Order(double p, int k) {
        boolean vanishes() {
            return p > 0 || (p == 0 && k < 0);
        }

        Order times(Order o) {
            return new Order(p + o.p, k + o.k);
        }

        /** (r^p·L^k)^a within a bound: the log's power rounded up for an upper bound, down for a lower one. */
        Order power(double a, boolean upper) {
            return new Order(p * a, (int) (upper ? Math.ceil(k * a) : Math.floor(k * a)));
        }

        boolean grows() {
            return p < 0 || (p == 0 && k > 0);
        }

        Order inverse() {
            return new Order(-p, -k);
        }

        /** The larger of the two near the point (a sum of both is of this order). */
        Order larger(Order o) {
            if (p != o.p) return p < o.p ? this : o;
            return new Order(p, Math.max(k, o.k));
        }

        String text() {
            String r = p == 1 ? "r" : p == Math.rint(p) ? "r" + Numbers.superscript((int) p) : "r^" + Numbers.format(p);
            String log = k == 0 ? "" : k == 1 ? "·|log r|" : "·|log r|" + Numbers.superscript(k);
            return p == 0 ? (k == 0 ? "C" : "C" + log) : "C·" + r + log;
        }
    }

    /** See the class comment; centre null: no limit is known, upper bounds |e| itself. */
    private record Germ(Real centre, Order upper, Order lower) {
        /** |e| ≤ C·(this). */
        Order magnitude() {
            if (centre == null || centre.isExactZero()) return upper;
            return BOUNDED;
        }

        /** |e| ≥ c·(this), or null. */
        Order lowerBound() {
            if (lower != null) return lower;
            return centre != null && centre.signKnown() && centre.sign() != 0 ? BOUNDED : null;
        }

        static Germ of(Order magnitude, Order lower) {
            return new Germ(magnitude.vanishes() ? Real.ZERO : null, magnitude, lower);
        }
    }

    private final List<Variable> variables;
    private final double[] point;
    private final Layout layout;
    private final Map<Expr, Germ> memo = new IdentityHashMap<>();
    private final Map<Expr, Interval> ranges = new IdentityHashMap<>();
    private final Set<String> facts = new LinkedHashSet<>();

    private Squeeze(List<Variable> variables, double[] point) {
        this.variables = variables;
        this.point = point;
        this.layout = new Layout(List.copyOf(variables));
    }

    /** The limit, proved, when f's germ has a centre that agrees with the paths' limit; null otherwise. */
    static SideLimit proves(Expr f, List<Variable> variables, double[] point, SideLimit paths) {
        if (!paths.finite()) return null;
        Squeeze s = new Squeeze(variables, point);
        Germ g = s.germ(f);
        if (g == null || g.centre() == null || !(g.upper().vanishes() || g.upper().equals(CONSTANT))) return null;
        double tolerance = 1e-9 * Math.max(1, Math.abs(paths.value()));
        if (paths.value() < g.centre().lo() - tolerance || paths.value() > g.centre().hi() + tolerance) return null;
        String gap = paths.value() == 0 ? "|f|" : "|f − " + paths.text() + "|";
        String why = s.facts.isEmpty() ? "" : String.join(", ", s.facts.stream().limit(3).toList()) + ", so ";
        return new SideLimit(SideLimit.Status.EXISTS, paths.value(), paths.exact(), "squeeze", "the limit is " + paths.text()
                + ": with r = ‖x − a‖∞, the largest distance of a coordinate from " + PathLimit.pointText(variables, point) + ", "
                + why + gap + " ≤ " + g.upper().text() + " → 0 in every direction at once (orders of magnitude and the squeeze theorem)");
    }

    private Germ germ(Expr e) {
        if (memo.containsKey(e)) return memo.get(e);
        Germ g = refined(e, rules(e));
        memo.put(e, g);
        return g;
    }

    private Germ rules(Expr e) {
        if (!Dependence.dependsOnVariables(e)) {
            Real v = e instanceof Constant c ? Real.of(c.value()) : Directions.value(e, layout, point, false);
            return v == null ? null : new Germ(v, CONSTANT, null);
        }
        RadialBound.Magnitude m = RadialBound.magnitude(e, variables, point);
        if (m != null) {
            Order upper = m.upper() == Integer.MAX_VALUE ? CONSTANT : new Order(m.upper(), 0);
            Order lower = m.lowerToo() ? new Order(m.upper(), 0) : null;
            if (m.centre() == null) return new Germ(null, upper, lower);
            return new Germ(Real.of(m.centre()), upper, m.centre().getNumerator().signum() == 0 ? lower : null);
        }
        if (!(e instanceof Apply a)) return null;
        List<Germ> args = new ArrayList<>();
        for (Expr x : a.args()) {
            Germ g = germ(x);
            if (g == null) return null;
            args.add(g);
        }
        if (a.atom() instanceof Add) {
            Germ g = args.stream().reduce(Squeeze::sum).orElse(null);
            return g == null || g.lowerBound() != null ? g : new Germ(g.centre(), g.upper(), coveringLower(a));
        }
        if (a.atom() instanceof Multiply) return args.stream().reduce(Squeeze::product).orElse(null);
        if (a.atom() instanceof Divide) {
            Germ inverse = reciprocal(a.arg(1), args.get(1));
            return inverse == null ? null : product(args.get(0), inverse);
        }
        if (a.atom() instanceof Power && a.arg(1) instanceof Constant k) return power(a.arg(0), args.get(0), k.value());
        if (a.atom() instanceof Sqrt) return power(a.arg(0), args.get(0), 0.5);
        if (a.atom() instanceof Abs) {
            Germ g = args.get(0);
            return new Germ(g.centre() == null ? null : absolute(g.centre()), g.upper(), g.lower());
        }
        if (a.atom() instanceof Log) return log(a, args.get(0));
        if (a.atom() instanceof UnaryAtom u) return unary(a, u, args.get(0));
        return null;
    }

    /** Where the rules say nothing, or give no lower bound, an enclosure over the box around the point may. */
    private Germ refined(Expr e, Germ g) {
        boolean grows = g != null && g.centre() == null && g.upper().grows();
        if (g != null && g.lowerBound() != null && !grows) return g;
        Interval r = range(e);
        if (r == null || !r.bounded()) return g;
        Order lower = r.positive() || r.negative() ? BOUNDED : null;
        if (g == null || grows) facts.add(e + " is bounded near the point");
        if (g == null) return new Germ(null, BOUNDED, lower);
        return new Germ(g.centre(), grows ? BOUNDED : g.upper(), g.lowerBound() != null ? g.lowerBound() : lower);
    }

    /**
     * A lower bound for a sum of terms that are ≥ 0 near the point and together hold every coordinate, each term at
     * least a power of one coordinate's distance (|x| + |y| ≥ max(|x|, |y|) = r): the sum is at least its largest term,
     * so ≥ c·r^q with q the largest of those powers. Null otherwise.
     */
    private Order coveringLower(Apply sum) {
        double[] power = new double[variables.size()];
        Arrays.fill(power, Double.NaN);
        for (Expr t : sum.args()) {
            Interval r = range(t);
            if (r == null || !(r.lo() >= 0)) return null;
            double[] own = distancePower(t);
            if (own == null) continue;
            int k = (int) own[0];
            power[k] = Double.isNaN(power[k]) ? own[1] : Math.min(power[k], own[1]);
        }
        double q = 0;
        for (double p : power) {
            if (Double.isNaN(p)) return null;
            q = Math.max(q, p);
        }
        facts.add(sum + " ≥ " + new Order(q, 0).text().replace("C", "c") + " (at least its largest term)");
        return new Order(q, 0);
    }

    /** {k, q} when |t| ≥ c·|xₖ − aₖ|^q near the point (|x − 1|, (y + 2)**2, 3·abs(x)), else null. */
    private double[] distancePower(Expr t) {
        if (t instanceof Variable v) {
            int k = variables.indexOf(v);
            return k >= 0 && point[k] == 0 ? new double[]{k, 1} : null;          // x itself is its distance only from 0
        }
        if (!(t instanceof Apply a)) return null;
        if (a.atom() instanceof Add && a.args().size() == 2) {                  // x − a
            for (int i = 0; i < 2; i++) {
                if (a.arg(i) instanceof Constant c && a.arg(1 - i) instanceof Variable v) {
                    int k = variables.indexOf(v);
                    return k >= 0 && c.value() == -point[k] ? new double[]{k, 1} : null;
                }
            }
            return null;
        }
        if (a.atom() instanceof Abs) return distancePower(a.arg(0));
        if (a.atom() instanceof Multiply && a.args().size() == 2 && a.arg(0) instanceof Constant c && c.value() != 0) return distancePower(a.arg(1));
        if (a.atom() instanceof Power && a.arg(1) instanceof Constant n && n.value() > 0) {
            double[] inner = distancePower(a.arg(0));
            return inner == null ? null : new double[]{inner[0], inner[1] * n.value()};
        }
        return null;
    }

    private static Germ sum(Germ a, Germ b) {
        if (a.centre() != null && b.centre() != null) return new Germ(a.centre().add(b.centre()), a.upper().larger(b.upper()), null);
        return Germ.of(a.magnitude().larger(b.magnitude()), null);
    }

    /** ab − AB = (a − A)·B + A·(b − B) + (a − A)·(b − B). */
    private static Germ product(Germ a, Germ b) {
        Order lower = a.lowerBound() == null || b.lowerBound() == null ? null : a.lowerBound().times(b.lowerBound());
        if (a.centre() != null && b.centre() != null) {
            Order upper = a.upper().times(b.upper());
            if (!a.centre().isExactZero()) upper = upper.larger(b.upper());
            if (!b.centre().isExactZero()) upper = upper.larger(a.upper());
            return new Germ(a.centre().multiply(b.centre()), upper, lower);
        }
        return Germ.of(a.magnitude().times(b.magnitude()), lower);
    }

    /** 1/e: near a non-zero centre, or by e's lower bound (|1/e| ≤ 1/(c·r^q)). */
    private Germ reciprocal(Expr e, Germ g) {
        if (g.centre() != null && g.centre().signKnown() && g.centre().sign() != 0) return new Germ(Real.ONE.divide(g.centre()), g.upper(), null);
        Order lower = g.lowerBound();
        if (lower == null) return null;
        boolean said = facts.stream().anyMatch(f -> f.startsWith(e + " ≥ "));
        if ((lower.p() > 0 || lower.k() > 0) && !said) facts.add("|" + e + "| ≥ " + lower.text().replace("C", "c"));
        return Germ.of(lower.inverse(), g.magnitude().inverse());
    }

    private Germ power(Expr base, Germ g, double a) {
        if (a == Math.rint(a) && Math.abs(a) <= 12 && a != 0) {
            Germ out = g;
            for (int i = 1; i < Math.abs(a); i++) out = product(out, g);
            return a > 0 ? out : reciprocal(Ops.pow(base, Constant.of(-a)), out);
        }
        if (a < 0) {
            Germ positive = power(base, g, -a);
            return positive == null ? null : reciprocal(Ops.pow(base, Constant.of(-a)), positive);
        }
        if (g.centre() == null || g.centre().isExactZero()) {   // the base is ≥ 0 wherever eᵃ is defined: |e|ᵃ
            Order lower = g.lowerBound() == null ? null : g.lowerBound().power(a, false);
            return Germ.of(g.magnitude().power(a, true), lower);
        }
        if (!g.centre().signKnown() || g.centre().sign() < 0) return null;
        Real c = valueAt(t -> Ops.pow(t, Constant.of(a)), g.centre(), x -> Math.pow(x, a), true);
        return c == null ? null : new Germ(c, g.upper(), null);              // eᵃ is Lipschitz around a positive centre
    }

    /** log e: smooth around a positive centre; between c·r^q and C·r^p, |log e| ≤ C·|log r|. */
    private Germ log(Apply node, Germ g) {
        if (g.centre() != null && g.centre().signKnown() && g.centre().sign() > 0) return unary(node, (UnaryAtom) node.atom(), g);
        Order lower = g.lowerBound(), upper = g.magnitude();
        if (lower == null) return null;
        if (lower.equals(BOUNDED) && upper.equals(BOUNDED)) return new Germ(null, BOUNDED, null);
        Order growth = new Order(0, 1);
        facts.add("|" + node + "| ≤ " + growth.text());
        return new Germ(null, growth, upper.vanishes() ? growth : null);
    }

    /** An atom smooth around the argument's centre is Lipschitz there; a bounded atom bounds anything. */
    private Germ unary(Apply node, UnaryAtom u, Germ g) {
        Real c = g.centre();
        if (c != null) {
            double w = 1e-9 * Math.max(1, Math.abs(c.value()));
            if (!u.smoothOn(new Interval(c.lo() - w, c.hi() + w))) return null;
            Real value = c.isExactZero() && u.apply(0) == 0 ? Real.ZERO
                    : valueAt(t -> Ops.apply(u, t), c, u::apply, u.strictlyIncreasing());
            if (value == null) return null;
            // at an exact zero with u(0) = 0 and u'(0) ≠ 0, |u(e)| ≥ |u'(0)|/2·|e| near the point
            Order lower = value.isExactZero() && Math.abs(u.slope(0, 0)) > 1e-12 ? g.lowerBound() : null;
            return new Germ(value, g.upper(), lower);
        }
        Interval all = u.range(Interval.ALL);
        if (!all.bounded()) return null;
        facts.add(node + " stays in " + Wording.interval(all));
        return new Germ(null, BOUNDED, all.positive() || all.negative() ? BOUNDED : null);
    }

    /**
     * The value of a function of one number at a centre: by the series engine where the centre is an exact double
     * (exp(0) = 1, √1 = 1 exactly), else an enclosure of an increasing function's values over the centre's enclosure.
     */
    private static Real valueAt(UnaryOperator<Expr> function, Real centre, DoubleUnaryOperator f, boolean increasing) {
        if (centre.isExact() && Real.of(centre.value()).exact().equals(centre.exact())) {
            Variable t = new Variable("t", 0);                // not a constant: Ops would fold it to the rounded double
            return Directions.value(function.apply(t), new Layout(List.of(t)), new double[]{centre.value()}, false);
        }
        if (!increasing) return null;
        Interval r = OutwardRounding.widen(new Interval(f.applyAsDouble(centre.lo()), f.applyAsDouble(centre.hi())));
        return Real.enclosed(r.lo(), r.hi(), f.applyAsDouble(centre.value()));
    }

    private static Real absolute(Real c) {
        if (c.signKnown()) return c.sign() < 0 ? c.negate() : c;
        double m = Math.max(Math.abs(c.lo()), Math.abs(c.hi()));
        return Real.enclosed(0, m, Math.abs(c.value()));
    }

    /** An enclosure of e over the box of half-width 2⁻¹⁰ around the point, or null. */
    private Interval range(Expr e) {
        if (ranges.containsKey(e)) return ranges.get(e);
        Interval r = enclose(e);
        ranges.put(e, r);
        return r;
    }

    private Interval enclose(Expr e) {
        if (e instanceof Constant c) return Interval.point(c.value());
        if (e instanceof Variable v) {
            int k = variables.indexOf(v);
            return k < 0 ? null : OutwardRounding.widen(new Interval(point[k] - BOX, point[k] + BOX));
        }
        if (!(e instanceof Apply a)) return null;
        Interval[] args = new Interval[a.args().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = range(a.arg(i));
            if (args[i] == null) return null;
        }
        if (a.atom() instanceof Add) {
            Interval s = Interval.point(0);
            for (Interval x : args) s = OutwardRounding.add(s, x);
            return s;
        }
        if (a.atom() instanceof Multiply) {
            Interval s = Interval.point(1);
            for (Interval x : args) s = OutwardRounding.mul(s, x);
            return s;
        }
        if (a.atom() instanceof Divide) return OutwardRounding.div(args[0], args[1]);
        return OutwardRounding.widen(a.atom().range(args));
    }
}
