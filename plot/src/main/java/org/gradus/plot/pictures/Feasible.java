package org.gradus.plot.pictures;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.atoms.Ops;
import org.gradus.analysis.SecondDerivativeTest;
import org.gradus.analysis.ProblemConvexity;
import org.gradus.optim.Constraint;
import org.gradus.optim.Minimizer;
import org.gradus.optim.OptimizationResult;
import org.gradus.optim.RunContext;
import org.gradus.plot.figure.Curve;
import org.gradus.plot.figure.Grid;
import org.gradus.plot.figure.Layer;
import org.gradus.plot.figure.Markers;
import org.gradus.plot.figure.Region;
import org.gradus.plot.render.Ticks;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Constraint sets drawn over level sets: the feasible set of {@code subjectTo:} shaded (equality
 * constraints as dashed curves) with the constrained minimum, and the balls of {@code regularizers:
 * [l1: t, l2: t]} — ‖w‖₁ ≤ t (a diamond) and ‖w‖₂ ≤ t (a circle) — each with the minimum of f on it.
 * The minima come from the engine's constrained minimizer; the L1 ball is given to it as its four
 * linear faces (±x ± y ≤ t), the same set without a kink in the constraint.
 */
final class Feasible {
    private static final Color FEASIBLE = Color.WHITE;
    private static final Color L1 = new Color(0xff9f0a);
    private static final Color L2 = new Color(0x40c8ff);

    private record Set(String legend, List<Constraint> constraints, Color colour, double alpha, double[][] extent) {
    }

    private final Expr f;
    private final List<Set> sets;
    private final List<Layer> minima = new ArrayList<>();
    private double[][] extent;

    private Feasible(Expr f, List<Set> sets) {
        this.f = f;
        this.sets = sets;
    }

    static Feasible of(Expr f, PlotOptions o) {
        List<Set> sets = new ArrayList<>();
        Layout layout = f.layout();
        if (o.has("subjectTo")) {
            List<Constraint> cs = new ArrayList<>();
            for (Object c : o.list("subjectTo")) {
                if (!(c instanceof Constraint k)) throw new IllegalArgumentException("subjectTo: a block of comparisons such as { x + y <= 1 }");
                cs.add(k);
            }
            sets.add(new Set("feasible set", cs, FEASIBLE, 0.35, null));
        }
        if (o.has("regularizers")) {
            if (!(o.get("regularizers") instanceof Map<?, ?> m) || m.isEmpty()) {
                throw new IllegalArgumentException("regularizers: a map of ball radii such as [l1: 1, l2: 1]");
            }
            Expr x = layout.coordinate(0), y = layout.coordinate(1);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String kind = String.valueOf(e.getKey());
                if (!(e.getValue() instanceof Number n) || !(n.doubleValue() > 0)) {
                    throw new IllegalArgumentException("regularizers: " + kind + " needs a positive radius, not " + e.getValue());
                }
                double t = n.doubleValue();
                double[][] box = {{-t, t}, {-t, t}};
                Constant tc = Constant.of(t);
                switch (kind) {
                    case "l1" -> sets.add(new Set("L1 ball |x|+|y| ≤ " + Ticks.format(t), List.of(
                            new Constraint(Ops.add(x, y), "<=", tc), new Constraint(Ops.sub(x, y), "<=", tc),
                            new Constraint(Ops.sub(y, x), "<=", tc), new Constraint(Ops.neg(Ops.add(x, y)), "<=", tc)), L1, 0.18, box));
                    case "l2" -> sets.add(new Set("L2 ball x²+y² ≤ " + Ticks.format(t) + "²", List.of(
                            new Constraint(Ops.add(Ops.pow(x, Constant.of(2)), Ops.pow(y, Constant.of(2))), "<=", Constant.of(t * t))), L2, 0.18, box));
                    default -> throw new IllegalArgumentException("regularizers: l1 and l2 balls can be drawn, not '" + kind + "'");
                }
            }
        }
        Feasible feasible = new Feasible(f, sets);
        feasible.solve();
        return feasible;
    }

    boolean hasBalls() {
        return sets.stream().anyMatch(s -> s.extent() != null);
    }

    /** The box the balls and minima need, or null. */
    double[][] extent() {
        return extent;
    }

    List<Layer> minima() {
        return minima;
    }

    private void solve() {
        for (Set s : sets) {
            extent = LevelSets.union(extent, s.extent());
            OptimizationResult r = Minimizer.run(f, false, Map.of(), s.constraints(), RunContext.defaults());
            double[] p = r.point();
            if (!(r.maxViolation() <= 1e-6) || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) continue;
            String where = "(" + Ticks.format(round(p[0])) + ", " + Ticks.format(round(p[1])) + ")";
            String kind = kindOfPoint(s.constraints(), r);
            String label = s.extent() == null ? kind + " " + where : s.legend().substring(0, 2) + " " + kind.replace("constrained ", "") + " " + where;
            minima.add(Markers.at(p[0], p[1], Markers.Shape.STAR, s.colour() == FEASIBLE ? Color.WHITE : s.colour(), 15, label));
            extent = LevelSets.union(extent, new double[][]{{p[0], p[0]}, {p[1], p[1]}});
        }
    }

    /**
     * What the solver's point is, for its label: a minimum when the problem is convex or the point passes the constrained
     * second-order test; not one when the test finds a maximum or a saddle along the constraints (x·y on x + y = 1
     * stops at (½, ½), the maximum of x(1 − x)); otherwise a stationary point.
     */
    private String kindOfPoint(List<Constraint> constraints, OptimizationResult r) {
        if (Boolean.TRUE.equals(ProblemConvexity.of(f, false, constraints).get("convex"))) return "constrained minimum";
        Map<String, Object> test = SecondDerivativeTest.atResult(f, constraints, r.layout(), r.point(), false);
        Object type = test == null ? null : test.get("type");
        if ("minimum".equals(type)) return "constrained minimum";
        if ("maximum".equals(type) || "saddle".equals(type)) return "no minimum: a " + type + " along the constraints";
        return "constrained stationary point";
    }

    /** Rounds away the solver's last digits for the label: 1e-9 → 0, 0.70710678 → 0.7071. */
    private static double round(double v) {
        return Math.abs(v) < 1e-6 ? 0 : Math.round(v * 1e4) / 1e4;
    }

    /** Each set shaded (g = max of its inequality constraints ≤ 0), its equality constraints as dashed curves. */
    List<Layer> layers(Layout layout, double[] xr, double[] yr) {
        List<Layer> out = new ArrayList<>();
        for (Set s : sets) {
            List<Expr> inequalities = new ArrayList<>();
            for (Constraint c : s.constraints()) {
                Expr g = ">=".equals(c.op()) ? Ops.sub(c.rhs(), c.lhs()) : Ops.sub(c.lhs(), c.rhs());
                if (c.isEquality()) {
                    Grid grid = PlaneGrid.axes(g, layout, 0, 1, new double[2], xr, yr, LevelSets.NX, LevelSets.NY);
                    out.add(new Region(c.text(), grid, s.colour(), 0, Region.Draw.OUTLINE, Curve.Dash.DASHED));
                } else {
                    inequalities.add(g);
                }
            }
            if (inequalities.isEmpty()) continue;
            Expr worst = inequalities.get(0);
            for (int i = 1; i < inequalities.size(); i++) worst = Ops.max(worst, inequalities.get(i));
            Grid grid = PlaneGrid.axes(worst, layout, 0, 1, new double[2], xr, yr, LevelSets.NX, LevelSets.NY);
            out.add(new Region(s.legend(), grid, s.colour(), s.alpha(), Region.Draw.SHADE_AND_OUTLINE, Curve.Dash.SOLID));
        }
        return out;
    }
}
