package org.gradus.analysis;

import org.gradus.atoms.array.Shapes;
import org.gradus.calculus.Directions;
import org.gradus.calculus.PointWalk;
import org.gradus.calculus.SideLimit;
import org.gradus.calculus.series.Real;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.PointArgs;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code differentiable(f, at: point)}: is f continuous there, is it differentiable, and why not.
 *
 * <p>Continuity first ({@link Continuity}): undefined, no limit (jump, unbounded, oscillating), or a
 * limit different from the value, with the one-sided limits used. Then, where an atom has a kink, a
 * jump or an edge of its domain at the point, the one-sided directional derivatives
 * f′(x; d) = lim (f(x + t·d) − f(x))/t are computed exactly by the series engine ({@link Directions}) —
 * which sees that √(x²) has slopes −1 and 1 at 0 and that |x|² has slope 0 — along ± every axis and
 * random directions: f is differentiable when they are finite and linear in d. At a kink of an f that
 * the composition rules prove convex near the point, {@code subgradient} gives each component's range
 * [−f′(x; −eᵢ), f′(x; eᵢ)].
 */
public final class Differentiability {
    private Differentiability() {
    }

    /**
     * @param at variable name → value (numbers, or lists for vectors); every variable of f needs one
     * @throws IllegalArgumentException when a variable has no value or a name is not a variable of f
     */
    public static DifferentiabilityReport check(Expr f, Map<String, ?> at) {
        Shapes.requireScalar(f, "differentiable");
        Layout layout = f.layout();
        double[] x = layout.fromNames(PointArgs.restrict(at, layout), null);
        int n = x.length;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", layout.toMap(x));
        PointWalk walk = PointWalk.at(f, layout, x);
        Continuity.Verdict c = Continuity.at(f, layout, x, walk);
        if (!Boolean.TRUE.equals(c.continuous())) {
            out.put("continuous", c.continuous());
            out.put("differentiable", c.continuous() == null ? null : false);
            out.put("reason", c.reason() + (c.continuous() == null ? "" : "; a function that is not continuous is not differentiable"));
            out.put("continuity", c.way());
            out.putAll(c.limits());
            return new DifferentiabilityReport(f, out);
        }
        out.put("continuous", true);
        String continuityNote = c.reason() == null ? "" : c.reason() + "; ";
        if (walk.findings().isEmpty()) {
            out.put("differentiable", true);
            out.put("reason", "every operation in f is differentiable at this point, so f is (and hence continuous)");
            out.put("continuity", "continuous");
            double[] g = new double[n];
            new CompiledFunction(f, layout).valueAndGradient(x, g);
            out.put("gradient", layout.toMap(g));
            return new DifferentiabilityReport(f, out);
        }
        List<String> kinks = new ArrayList<>();
        for (PointWalk.Finding k : walk.findings()) {
            boolean alsoKink = false;
            for (PointWalk.Finding o : walk.findings()) alsoKink |= o != k && o.node() == k.node();
            if (k.kind() == PointWalk.Kind.EDGE && alsoKink) continue;
            String s = Dcp.show(k.node()) + ": " + k.message();
            if (!kinks.contains(s)) kinks.add(s);
        }
        Slopes slopes = new Slopes(f, layout, x, kinks);
        double[] plus = new double[n], minus = new double[n];
        for (int i = 0; i < n; i++) {
            double[] e = new double[n];
            e[i] = 1;
            plus[i] = slopes.along(e);
            e[i] = -1;
            minus[i] = 0.0 - slopes.along(e); // the left derivative (0.0 - avoids -0.0)
        }
        String failure = slopes.failure;
        for (int i = 0; i < n && failure == null; i++) {
            String name = layout.coordinateName(i);
            if (Double.isNaN(minus[i]) != Double.isNaN(plus[i]) && (Double.isFinite(plus[i]) || Double.isFinite(minus[i]))) {
                boolean right = Double.isFinite(plus[i]);       // x·√x at 0: a slope from the right, no values to the left
                failure = "f has no values " + (right ? "to the left" : "to the right") + " of this point along " + name
                        + " (an edge of its domain): its one-sided slope from the " + (right ? "right" : "left") + " is "
                        + fmt(right ? plus[i] : minus[i]) + ", and a derivative needs both sides";
            } else if (!Double.isFinite(plus[i]) || !Double.isFinite(minus[i])) {
                failure = "the slope along " + name + " is infinite or undefined here (from the left " + slope(minus[i]) + ", from the right " + slope(plus[i]) + ")";
            } else if (!same(plus[i], minus[i])) {
                failure = "the slope along " + name + " is " + fmt(minus[i]) + " from the left but " + fmt(plus[i]) + " from the right";
            }
        }
        Random rnd = new Random(3);
        for (int k = 0; k < (n == 1 ? 0 : n <= 8 ? 12 : 4) && failure == null; k++) {
            double[] dir = new double[n];
            double lin = 0;
            for (int i = 0; i < n; i++) {
                dir[i] = Math.rint(rnd.nextGaussian() * 64) / 64; // short binary fractions: exact in the series engine
                lin += dir[i] * plus[i];
            }
            double dd = slopes.along(dir);
            if (slopes.failure != null) failure = slopes.failure;
            else if (!Double.isFinite(dd) || !same(dd, lin)) {
                failure = "along the direction " + vec(dir) + " the slope is " + fmt(dd) + ", not the " + fmt(lin) + " a gradient would give";
            }
        }
        out.put("continuity", "continuous");
        if (slopes.undecided != null && failure == null) {
            out.put("differentiable", null);
            out.put("reason", continuityNote + "continuous; whether it is differentiable is not decided: " + slopes.undecided);
            return new DifferentiabilityReport(f, out);
        }
        if (failure != null) {
            out.put("differentiable", false);
            String why = kinks.isEmpty() ? "" : String.join("; ", kinks) + ", so f's own one-sided slopes decide: ";
            out.put("reason", continuityNote + (continuityNote.isEmpty() ? "continuous (every operation is defined and continuous here), but " : "")
                    + "not differentiable: " + why + failure);
            subgradient(f, x, layout, plus, minus, out);
        } else {
            out.put("differentiable", true);
            out.put("reason", continuityNote + "differentiable: " + String.join("; ", kinks) + ", but the kink cancels — the one-sided slopes of f "
                    + "agree along every axis" + (n > 1 ? " and every direction tested" : ""));
            out.put("gradient", layout.toMap(plus));
        }
        return new DifferentiabilityReport(f, out);
    }

    /** One-sided directional derivatives: the series engine first, forward mode through the kinks where it cannot decide. */
    private static final class Slopes {
        final Expr f;
        final Layout layout;
        final double[] x;
        final Real value;
        final List<String> kinks;
        String failure, undecided;

        Slopes(Expr f, Layout layout, double[] x, List<String> kinks) {
            this.f = f;
            this.layout = layout;
            this.x = x;
            this.kinks = kinks;
            this.value = Directions.value(f, layout, x);
        }

        double along(double[] d) {
            if (value != null) {
                SideLimit s = Directions.slope(f, layout, x, d, value);
                if (s.exists()) return s.value();
                if (s.status() == SideLimit.Status.UNDEFINED) return Double.NaN;
                if (s.status() == SideLimit.Status.NONE) {
                    failure = "along " + vec(d) + " the difference quotient (f(x + t·d) − f(x))/t has no limit: " + s.reason();
                    return Double.NaN;
                }
            }
            double w = FirstOrderSlopes.along(f, x, d, kinks);
            if (Double.isNaN(w) && undecided == null) undecided = "the one-sided slope along " + vec(d) + " is not decided";
            return w;
        }
    }

    private static void subgradient(Expr f, double[] x, Layout layout, double[] plus, double[] minus, Map<String, Object> out) {
        for (int i = 0; i < x.length; i++) if (!Double.isFinite(plus[i]) || !Double.isFinite(minus[i])) return;
        Enclosure enc = Enclosure.around(layout, x, 1e-3);
        enc.of(f);
        if (!enc.defined() || !Dcp.analyze(f, enc).curvature().isConvex()) return;
        Map<String, Object> sub = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) sub.put(layout.coordinateName(i), new double[]{minus[i], plus[i]});
        out.put("subgradient", sub);
        out.put("subgradientNote", "f is convex near this point (composition rules); its subgradients g satisfy f(y) ≥ f(x) + g·(y − x), "
                + "and their components range over these intervals" + (x.length > 1 ? " (the subdifferential lies inside this box)" : ""));
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static String fmt(double v) {
        return Numbers.round(v, 8);
    }

    /** A one-sided slope as the lectures write it: ∞, −∞, a number, or "undefined" (f is not defined on that side). */
    static String slope(double v) {
        return Double.isNaN(v) ? "undefined" : v == Double.POSITIVE_INFINITY ? "∞" : v == Double.NEGATIVE_INFINITY ? "-∞" : fmt(v);
    }

    private static String vec(double[] v) {
        List<String> s = new ArrayList<>();
        for (double d : v) s.add(Numbers.round(d, 3));
        return "(" + String.join(", ", s) + ")";
    }
}
