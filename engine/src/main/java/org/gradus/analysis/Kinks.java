package org.gradus.analysis;

import org.gradus.calculus.Directions;
import org.gradus.calculus.SideLimit;
import org.gradus.calculus.series.Real;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Variable;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The kinks of a function of one variable on an interval: the points inside it where f is continuous but has no
 * derivative (|x| at 0, max(sin x, cos x) at π/4, √|x| at 0), each with its one-sided slopes and what they make it —
 * a local minimum where f falls into the point and rises out of it, a maximum the other way round, neither where f
 * keeps its direction through it. They are the critical points that a search for ∇f = 0 cannot see.
 *
 * <p>Found as the zeros of the arguments of f's kinks and jumps ({@link PiecewiseSmooth#switches}: abs, relu, max,
 * ... through their definitions in sign and step), every one with a proof that there is no other or reported as
 * unresolved ({@link RootFinder}); at each, {@link Differentiability} decides continuity and differentiability (a
 * kink that cancels, as |x|² at 0, is no kink; a jump, as sign(x) at 0, is not continuous) and the series engine
 * gives the one-sided slopes ({@link Directions#slope}).
 */
final class Kinks {
    private Kinks() {
    }

    /**
     * One kink: where, f there, its type ({@code minimum}, {@code maximum}, {@code neither}, or {@code degenerate} where a
     * one-sided slope is 0 and the slopes cannot tell) and the slopes from the left and from the right (±∞ for a cusp).
     */
    record Kink(double x, double f, String type, double left, double right) {
    }

    /** The kinks, left to right, the ranges where the zeros of a kink's argument were not resolved, and the candidates left out. */
    record Found(List<Kink> kinks, List<String> unresolved, int leftOut) {
    }

    /** The most candidate points examined (each a differentiability check and two slopes, some 60 ms): |sin(10x)| has 63 on [-10, 10]. */
    static final int MOST = 24;

    /** The kinks of f, a function of the variable x, strictly inside [lo, hi]. */
    static Found of(Expr f, Variable x, double lo, double hi) {
        Layout layout = new Layout(List.of(x));
        List<Kink> kinks = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        List<double[]> unresolvedRanges = new ArrayList<>();
        TreeSet<Double> candidates = new TreeSet<>();
        for (Expr s : PiecewiseSmooth.switches(PiecewiseSmooth.expanded(f))) {
            RootFinder.Zeros z = RootFinder.of(s, x, lo, hi);
            if (z.identicallyZero()) continue;
            unresolvedRanges.addAll(z.unresolved());
            for (Polynomial.Root r : z.roots()) {
                double p = nearestDouble(s, layout, r);
                if (p > lo && p < hi && !near(candidates, p)) candidates.add(p);   // abs(x) + relu(x): one kink from two arguments
            }
        }
        int examined = 0;
        for (double p : candidates) {
            if (examined++ == MOST) break;
            Kink k = at(f, layout, x.name(), p, unresolved);
            if (k != null) kinks.add(k);
        }
        unresolvedRanges.removeIf(u -> kinks.stream().anyMatch(k -> u[0] <= k.x() && k.x() <= u[1]
                && u[1] - u[0] <= 1e-9 * Math.max(1, Math.abs(k.x()))));   // √|x|: |x| touches 0 at the kink sign(x) gave
        for (double[] u : unresolvedRanges) unresolved.add("the zeros of a kink's argument on [" + Numbers.round(u[0], 8) + ", " + Numbers.round(u[1], 8) + "]");
        return new Found(kinks, unresolved, Math.max(0, candidates.size() - MOST));
    }

    /** Whether a candidate lies within a few units in the last place of p (the same zero, reached from another argument). */
    private static boolean near(TreeSet<Double> candidates, double p) {
        Double below = candidates.floor(p), above = candidates.ceiling(p);
        double room = 8 * Math.ulp(p);
        return (below != null && p - below <= room) || (above != null && above - p <= room);
    }

    /**
     * The double in a root's enclosure where the argument changes sign (bisection down to neighbouring doubles): the
     * enclosure of sin(x) − cos(x)'s zero is 10⁻¹⁴ wide, and its midpoint is 44 ulps from the double nearest π/4, too far
     * to be read as π/4 ({@code PointRounding}). An exact root, or one where the argument only touches 0, stays as it is.
     */
    private static double nearestDouble(Expr s, Layout layout, Polynomial.Root r) {
        if (r.exact() != null || r.lo() == null || r.hi() == null) return r.asDouble();
        CompiledFunction h = new CompiledFunction(s, layout);
        double a = r.lo().doubleValue(), b = r.hi().doubleValue();
        double ha = h.value(new double[]{a}), hb = h.value(new double[]{b});
        if (!(ha * hb < 0)) return r.asDouble();
        while (true) {
            double m = a + (b - a) / 2;
            if (m <= a || m >= b) break;
            double hm = h.value(new double[]{m});
            if (hm == 0) return m;
            if ((hm < 0) == (ha < 0)) {
                a = m;
                ha = hm;
            } else {
                b = m;
                hb = hm;
            }
        }
        return Math.abs(ha) <= Math.abs(hb) ? a : b;
    }

    /** The kink at p, or null where f is differentiable there, not continuous, or its slopes are not decided (then said). */
    private static Kink at(Expr f, Layout layout, String name, double p, List<String> unresolved) {
        DifferentiabilityReport d = Differentiability.check(f, Map.of(name, p));
        if (!Boolean.TRUE.equals(d.continuous()) || !Boolean.FALSE.equals(d.differentiable())) return null;
        double[] at = {p};
        Real value = Directions.value(f, layout, at);
        if (value == null) return null;
        SideLimit right = Directions.slope(f, layout, at, new double[]{1}, value);
        SideLimit left = Directions.slope(f, layout, at, new double[]{-1}, value);
        if (right.status() == SideLimit.Status.UNDEFINED || left.status() == SideLimit.Status.UNDEFINED) return null;   // an edge of f's domain
        if (!right.exists() || !left.exists()) {
            unresolved.add("the one-sided slopes at " + name + " = " + Numbers.round(p, 10));
            return null;
        }
        double r = right.value(), l = 0.0 - left.value();
        double fp = value.value();
        double steepest = Math.max(Double.isFinite(l) ? Math.abs(l) : 0, Double.isFinite(r) ? Math.abs(r) : 0);
        if (Math.abs(fp) <= 4 * Math.ulp(p) * steepest) fp = 0;   // |sin(x)| at Math.PI: 1.2e-16 at the double, 0 at π
        return new Kink(p, fp, type(l, r), l, r);
    }

    private static String type(double left, double right) {
        if (left < 0 && right > 0) return "minimum";
        if (left > 0 && right < 0) return "maximum";
        if (left == 0 || right == 0) return "degenerate";
        return "neither";
    }

    /** What a kink's type means, for the report: the slopes and the direction f takes through the point. */
    static String reading(Kink k) {
        String slopes = "slope " + Differentiability.slope(k.left()) + " from the left, " + Differentiability.slope(k.right()) + " from the right";
        return switch (k.type()) {
            case "minimum" -> slopes + ": f falls into it and rises out of it";
            case "maximum" -> slopes + ": f rises into it and falls out of it";
            case "neither" -> slopes + ": f " + (k.right() > 0 ? "increases" : "decreases") + " through it";
            default -> slopes + ": a slope of 0 on one side, so the slopes cannot tell";
        };
    }
}
