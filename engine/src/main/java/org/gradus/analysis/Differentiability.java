package org.gradus.analysis;

import org.gradus.atoms.Apply;
import org.gradus.atoms.Atom;
import org.gradus.atoms.Interval;
import org.gradus.atoms.VectorFunction;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Constant;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.IndexSymbol;
import org.gradus.expr.Layout;
import org.gradus.expr.Lookup;
import org.gradus.expr.PointArgs;
import org.gradus.expr.SumOver;
import org.gradus.expr.Variable;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code differentiable(f, at: point)}: is f continuous there, is it differentiable, and why not.
 *
 * <p>Each atom says where it is outside its domain ({@link Atom#domainError}: f is undefined, so not
 * continuous), where it jumps ({@link Atom#discontinuity}) and where it has a kink ({@link Atom#kink}).
 * A kink in a sub-expression does not always survive (|x|² is differentiable at 0), so the verdict comes
 * from one-sided directional derivatives computed exactly through the kinks (forward mode with each
 * kink's left and right slopes): f is differentiable when they are finite and linear in the direction
 * (checked along ± every axis and random directions), and not differentiable when they are not.
 * A jump is confirmed by evaluating f ever closer to the point. At a kink of a convex f the report
 * gives the subgradient's range along each axis, [−f′(x; −eᵢ), f′(x; eᵢ)].
 */
public final class Differentiability {
    private Differentiability() {
    }

    /**
     * @param at variable name → value (numbers, or lists for vectors); every variable of f needs one
     * @throws IllegalArgumentException when a variable has no value or a name is not a variable of f
     */
    public static DifferentiabilityReport check(Expr f, Map<String, ?> at) {
        Layout layout = f.layout();
        double[] x = layout.fromNames(PointArgs.restrict(at, layout), null);
        int n = x.length;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", layout.toMap(x));
        Walk base = new Walk(x, new double[n]);
        base.eval(f);
        if (base.undefined != null) {
            out.put("continuous", false);
            out.put("differentiable", false);
            out.put("reason", "f is undefined at " + PointArgs.format(layout, x) + ": " + base.undefined
                    + "; a function is continuous only where it is defined");
            return new DifferentiabilityReport(f, out);
        }
        CompiledFunction cf = new CompiledFunction(f, layout);
        double f0 = cf.value(x);
        if (base.jump != null) {
            String jumpDir = confirmJump(cf, x, f0, layout);
            if (jumpDir != null) {
                out.put("continuous", false);
                out.put("differentiable", false);
                out.put("reason", base.jump + ", and f jumps with it: " + jumpDir + "; a function that jumps is not continuous, so not differentiable");
                return new DifferentiabilityReport(f, out);
            }
        }
        // One-sided directional derivatives along ± each axis, and random directions
        double[] plus = new double[n], minus = new double[n];
        List<String> kinks = new ArrayList<>(base.kinks);
        for (int i = 0; i < n; i++) {
            double[] e = new double[n];
            e[i] = 1;
            plus[i] = directional(f, x, e, kinks);
            e[i] = -1;
            minus[i] = 0.0 - directional(f, x, e, kinks); // the left derivative (0.0 - avoids -0.0)
        }
        String failure = null;
        for (int i = 0; i < n && failure == null; i++) {
            String name = layout.coordinateName(i);
            if (!Double.isFinite(plus[i]) || !Double.isFinite(minus[i])) {
                failure = "the slope along " + name + " is infinite or undefined here (from the left " + fmt(minus[i]) + ", from the right " + fmt(plus[i]) + ")";
            } else if (!same(plus[i], minus[i])) {
                failure = "the slope along " + name + " is " + fmt(minus[i]) + " from the left but " + fmt(plus[i]) + " from the right";
            }
        }
        if (failure == null && !kinks.isEmpty()) {
            Random rnd = new Random(3);
            for (int k = 0; k < 16 && failure == null; k++) {
                double[] dir = new double[n];
                double lin = 0;
                for (int i = 0; i < n; i++) {
                    dir[i] = rnd.nextGaussian();
                    lin += dir[i] * plus[i];
                }
                double dd = directional(f, x, dir, kinks);
                if (!Double.isFinite(dd) || !same(dd, lin)) {
                    failure = "along the direction " + vec(dir) + " the slope is " + fmt(dd) + ", not the " + fmt(lin) + " a gradient would give";
                }
            }
        }
        out.put("continuous", true);
        if (failure != null) {
            out.put("differentiable", false);
            String why = kinks.isEmpty() ? "" : String.join("; ", kinks) + ": ";
            out.put("reason", "continuous (every operation is defined and continuous here), but not differentiable: " + why + failure);
            subgradient(f, x, layout, plus, minus, out);
        } else {
            out.put("differentiable", true);
            out.put("reason", kinks.isEmpty()
                    ? "every operation in f is differentiable at this point, so f is (and hence continuous)"
                    : "differentiable: " + String.join("; ", kinks) + ", but the kink cancels — the one-sided slopes of f agree along every axis and "
                    + "every direction tested");
            Map<String, Object> grad = new LinkedHashMap<>();
            double[] g = new double[n];
            cf.valueAndGradient(x, g);
            if (kinks.isEmpty()) out.put("gradient", layout.toMap(g));
            else out.put("gradient", layout.toMap(plus));
        }
        return new DifferentiabilityReport(f, out);
    }

    private static void subgradient(Expr f, double[] x, Layout layout, double[] plus, double[] minus, Map<String, Object> out) {
        for (int i = 0; i < x.length; i++) if (!Double.isFinite(plus[i]) || !Double.isFinite(minus[i])) return;
        Interval[] box = new Interval[x.length];
        for (int i = 0; i < x.length; i++) {
            double r = 1e-3 * Math.max(1, Math.abs(x[i]));
            box[i] = new Interval(x[i] - r, x[i] + r);
        }
        Enclosure enc = Enclosure.overBox(layout, box);
        enc.of(f);
        if (!enc.defined() || !Dcp.analyze(f, enc).curvature().isConvex()) return;
        Map<String, Object> sub = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) sub.put(layout.coordinateName(i), new double[]{minus[i], plus[i]});
        out.put("subgradient", sub);
        out.put("subgradientNote", "f is convex near this point (composition rules); its subgradients g satisfy f(y) ≥ f(x) + g·(y − x), "
                + "and their components range over these intervals" + (x.length > 1 ? " (the subdifferential lies inside this box)" : ""));
    }

    private static String confirmJump(CompiledFunction cf, double[] x, double f0, Layout layout) {
        for (int i = 0; i < x.length; i++) {
            for (int s = -1; s <= 1; s += 2) {
                boolean jumps = true;
                double last = Double.NaN;
                for (double h = 1e-6; h >= 1e-12; h *= 1e-3) {
                    double[] y = x.clone();
                    y[i] += s * h * Math.max(1, Math.abs(x[i]));
                    double fy = cf.value(y);
                    last = fy;
                    if (Double.isFinite(fy) && Math.abs(fy - f0) <= 1e-6 * (1 + Math.abs(f0))) jumps = false;
                }
                if (jumps) {
                    return "f = " + fmt(f0) + " at the point, but f → " + fmt(last) + " as " + layout.coordinateName(i)
                            + (s > 0 ? " approaches from above" : " approaches from below");
                }
            }
        }
        return null;
    }

    private static double directional(Expr f, double[] x, double[] dir, List<String> kinks) {
        Walk w = new Walk(x, dir);
        double[] r = w.eval(f);
        for (String k : w.kinks) if (!kinks.contains(k)) kinks.add(k);
        return r[1];
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static String fmt(double v) {
        return Numbers.round(v, 8);
    }

    private static String vec(double[] v) {
        List<String> s = new ArrayList<>();
        for (double d : v) s.add(Numbers.round(d, 3));
        return "(" + String.join(", ", s) + ")";
    }

    /** Forward mode: each node's value and one-sided directional derivative along dir. */
    private static final class Walk {
        final double[] x, dir;
        final Map<Expr, double[]> memo = new IdentityHashMap<>();
        final Map<IndexSymbol, Integer> env = new HashMap<>();
        Layout layout;
        String undefined, jump;
        final List<String> kinks = new ArrayList<>();

        Walk(double[] x, double[] dir) {
            this.x = x;
            this.dir = dir;
        }

        double[] eval(Expr e) {
            if (layout == null) layout = e.layout();
            double[] known = memo.get(e);
            if (known != null) return known;
            double[] r = compute(e);
            memo.put(e, r);
            return r;
        }

        private double[] compute(Expr e) {
            if (e instanceof Constant c) return new double[]{c.value(), 0};
            if (e instanceof Variable v) {
                int o = layout.offset(v);
                return new double[]{x[o], dir[o]};
            }
            if (e instanceof Element el) {
                int k = el.constantIndex() >= 0 ? el.constantIndex() : (int) Math.rint(eval(el.index())[0]);
                int o = layout.offset(el.vector()) + k;
                return new double[]{x[o], dir[o]};
            }
            if (e instanceof IndexSymbol s) return new double[]{env.getOrDefault(s, 0), 0};
            if (e instanceof Lookup l) return new double[]{l.table()[(int) Math.rint(eval(l.index())[0])], 0};
            if (e instanceof VectorFunction vf) return eval(vf.lowered());
            if (e instanceof SumOver s) {
                double v = 0, dv = 0;
                for (int i = s.from(); i < s.to(); i++) {
                    env.put(s.index(), i);
                    Map<Expr, double[]> saved = new IdentityHashMap<>(memo);
                    double[] b = eval(s.body());
                    memo.clear();
                    memo.putAll(saved);
                    v += b[0];
                    dv += b[1];
                }
                env.remove(s.index());
                return new double[]{v, dv};
            }
            Apply a = (Apply) e;
            Atom atom = a.atom();
            int k = a.args().size();
            double[] av = new double[k], ad = new double[k];
            for (int i = 0; i < k; i++) {
                double[] r = eval(a.arg(i));
                av[i] = r[0];
                ad[i] = r[1];
            }
            String dom = atom.domainError(av);
            if (dom != null) {
                if (undefined == null) undefined = Dcp.show(a) + " is " + dom;
                return new double[]{Double.NaN, Double.NaN};
            }
            double out = atom.value(av);
            String disc = atom.discontinuity(av);
            if (disc != null && jump == null) jump = Dcp.show(a) + ": " + disc;
            String kink = atom.kink(av);
            if (kink == null && disc == null) {
                double d = 0;
                for (int i = 0; i < k; i++) if (ad[i] != 0) d += atom.derivative(i, av, out) * ad[i];
                return new double[]{out, d};
            }
            if (kink != null) {
                String k2 = Dcp.show(a) + ": " + kink;
                if (!kinks.contains(k2)) kinks.add(k2);
            }
            // the one-sided derivative through the kink, as the atom declares it
            return new double[]{out, atom.oneSidedDerivative(av, ad, out, disc != null)};
        }
    }
}
