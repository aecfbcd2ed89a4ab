package org.gradus.optim;

import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.VariableBlock;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The problem as the minimizer sees it (first stage of {@link Minimizer#run}): the variables in layout
 * order, the box (declared bounds, tightened by every constraint of one variable against a constant),
 * the constraints left for the augmented Lagrangian, and the start point (declared, or {@code start:},
 * moved into the box).
 *
 * @param constraints every constraint as given (the report lists them all)
 * @param bounds      the constraints kept as bounds
 * @param general     the others
 */
record Problem(Expr f, boolean maximize, Layout layout, double[] lower, double[] upper, List<Constraint> constraints,
               List<Bound> bounds, List<Constraint> general, double[] start) {

    /** A constraint of the form variable op constant, kept as a bound on coordinate {@code index}. */
    record Bound(Constraint source, int index, String op, double value) {
    }

    /**
     * @throws IllegalArgumentException when there is nothing to minimize, the constraints leave a variable
     *                                  no feasible value, or the start point names unknown variables
     */
    static Problem of(Expr f, boolean maximize, List<Constraint> constraints, Settings s) {
        List<Constraint> cons = constraints == null ? List.of() : List.copyOf(constraints);
        List<Expr> all = new ArrayList<>();
        all.add(f);
        for (Constraint c : cons) {
            all.add(c.lhs());
            all.add(c.rhs());
        }
        Layout layout = Layout.of(all.toArray(new Expr[0]));
        if (layout.dimension() == 0) {
            throw new IllegalArgumentException("nothing to " + (maximize ? "maximize" : "minimize") + ": " + f + " has no variables");
        }
        double[] lower = layout.lower();
        double[] upper = layout.upper();
        List<Bound> bounds = new ArrayList<>();
        List<Constraint> general = new ArrayList<>();
        for (Constraint c : cons) {
            Bound b = asBound(c, layout);
            if (b == null) {
                general.add(c);
                continue;
            }
            bounds.add(b);
            int i = b.index();
            if (!">=".equals(b.op())) upper[i] = Math.min(upper[i], b.value());
            if (!"<=".equals(b.op())) lower[i] = Math.max(lower[i], b.value());
            if (lower[i] > upper[i]) {
                throw new IllegalArgumentException("the constraints leave no feasible value for " + layout.coordinateName(i)
                        + ": it would need " + Numbers.format(lower[i]) + " <= " + layout.coordinateName(i) + " <= " + Numbers.format(upper[i]));
            }
        }
        double[] x0 = startPoint(s.start(), layout);
        for (int i = 0; i < x0.length; i++) {
            if (!Double.isFinite(x0[i])) {
                throw new IllegalArgumentException("the start value of " + layout.coordinateName(i) + " is " + Numbers.format(x0[i])
                        + "; a start value must be a finite number");
            }
            x0[i] = Math.min(upper[i], Math.max(lower[i], x0[i]));
        }
        return new Problem(f, maximize, layout, lower, upper, cons, List.copyOf(bounds), List.copyOf(general), x0);
    }

    /** −1 to maximize (the methods minimize sign·f), else 1. */
    double sign() {
        return maximize ? -1 : 1;
    }

    int dimension() {
        return layout.dimension();
    }

    /** True when some variable has a finite bound. */
    boolean bounded() {
        for (int i = 0; i < lower.length; i++) if (Double.isFinite(lower[i]) || Double.isFinite(upper[i])) return true;
        return false;
    }

    /** The bound that came from this constraint, or null. */
    Bound boundOf(Constraint c) {
        for (Bound b : bounds) if (b.source() == c) return b;
        return null;
    }

    /**
     * A random start for a restart: uniform in the {@code over} box of the variable, else in its bounds
     * when both are finite, else within ±2·max(1, |x0ᵢ|) of the start (clipped to a one-sided bound).
     *
     * @throws IllegalArgumentException when {@code over} names a variable the problem does not have
     */
    double[] randomStart(SplittableRandom rng, Map<String, double[]> over) {
        for (String name : over.keySet()) {
            boolean known = layout.blocks().stream().anyMatch(b -> b.name().equals(name));
            if (!known) throw new IllegalArgumentException("over: '" + name + "' is not a variable of this problem; its variables are "
                    + layout.blocks().stream().map(VariableBlock::name).toList());
        }
        double[] x = new double[start.length];
        for (VariableBlock b : layout.blocks()) {
            int off = layout.offset(b);
            double[] box = over.get(b.name());
            for (int k = 0; k < b.size(); k++) {
                int i = off + k;
                double lo, hi;
                if (box != null) {
                    lo = box[0];
                    hi = box[1];
                } else if (Double.isFinite(lower[i]) && Double.isFinite(upper[i])) {
                    lo = lower[i];
                    hi = upper[i];
                } else {
                    double w = 2 * Math.max(1, Math.abs(start[i]));
                    lo = start[i] - w;
                    hi = start[i] + w;
                }
                double v = lo == hi ? lo : rng.nextDouble(lo, hi);
                x[i] = Math.min(upper[i], Math.max(lower[i], v));
            }
        }
        return x;
    }

    /** The declared start, overridden by {@code start:} (a map by name, or every coordinate in order). */
    private static double[] startPoint(Object st, Layout layout) {
        double[] x = layout.start();
        if (st == null) return x;
        if (st instanceof Map<?, ?> m) {
            Map<String, Object> named = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) named.put(String.valueOf(e.getKey()), e.getValue());
            return layout.fromNames(named, x);
        }
        double[] flat;
        if (st instanceof double[] d) {
            flat = d.clone();
        } else {
            List<?> l = (List<?>) st;
            flat = new double[l.size()];
            for (int i = 0; i < flat.length; i++) {
                if (!(l.get(i) instanceof Number num)) throw new IllegalArgumentException("start value " + l.get(i) + " is not a number");
                flat[i] = num.doubleValue();
            }
        }
        if (flat.length != layout.dimension()) {
            throw new IllegalArgumentException("start has " + flat.length + " value(s) but there are " + layout.dimension()
                    + " coordinates (" + String.join(", ", layout.coordinateNames()) + ")");
        }
        return flat;
    }

    private static Bound asBound(Constraint c, Layout layout) {
        Constraint.Bound b = c.asBound(layout);
        return b == null ? null : new Bound(c, b.index(), b.op(), b.value());
    }
}
