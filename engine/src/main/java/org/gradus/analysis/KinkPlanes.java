package org.gradus.analysis;

import org.gradus.atoms.Abs;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Max;
import org.gradus.atoms.Min;
import org.gradus.atoms.Ops;
import org.gradus.atoms.Relu;
import org.gradus.diff.Derivatives;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Traversal;
import org.gradus.expr.VariableBlock;
import org.gradus.result.PointResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where to look for the kinks of a function of two or three variables that are critical points: on the lines (planes)
 * where an affine argument of one of its kinks is 0 (y = 0 for |y|, x + y = 1 for relu(x + y − 1), x = y for max(x, y)).
 * There f is a function of one variable fewer — the variable with the largest coefficient written through the others —
 * whose stationary points and kinks {@link Stationary} finds (with a proof, for one variable; along the kink lines of
 * that function, for two); those points, with the eliminated variable put back, are the candidates. Where two kinks
 * cross, the restriction to one has a kink at the other, so crossings are found too. A search for ∇f = 0 meets such a
 * point only by chance: the lasso (x − 1)² + (y − 0.2)² + (|x| + |y|)/2 has its minimum at (0.75, 0), on the line
 * y = 0, where no gradient is 0. Which candidates are critical, and of what type, is {@link KinkExtremum}'s to say.
 */
final class KinkPlanes {
    private KinkPlanes() {
    }

    /** The most planes followed (each a search in one variable fewer). */
    private static final int MOST_PLANES = 6;

    /**
     * The candidates in the box, or none where f is not a function of two or three coordinates (scalar variables, or
     * the elements of small vectors, each then taken as a variable of its own).
     */
    static List<double[]> candidates(Expr f, Domain d) {
        int n = d.layout().dimension();
        if (n < 2 || n > 3) return List.of();
        ScalarCoordinates scalar = ScalarCoordinates.of(f, d.layout());
        if (scalar == null) return List.of();
        f = scalar.f();
        Layout layout = scalar.layout();
        List<double[]> planes = new ArrayList<>();     // a·x + c = 0 as {a₀, …, a_{n−1}, c}
        for (Expr u : kinkArguments(f)) {
            double[] plane = affine(u, layout);
            if (plane != null && planes.stream().noneMatch(p -> same(p, plane)) && planes.size() < MOST_PLANES) planes.add(plane);
        }
        List<double[]> out = new ArrayList<>();
        for (double[] p : planes) out.addAll(on(f, layout, d, p));
        return out;
    }

    /** The arguments whose zeros are f's kinks: u of |u| and relu(u), u − v of max(u, v) and min(u, v). */
    private static Set<Expr> kinkArguments(Expr f) {
        Set<Expr> out = new LinkedHashSet<>();
        Traversal.forEachNode(f, e -> {
            if (!(e instanceof Apply a)) return;
            if (a.atom() instanceof Abs || a.atom() instanceof Relu) out.add(a.arg(0));
            if (a.atom() instanceof Max || a.atom() instanceof Min) out.add(Ops.sub(a.arg(0), a.arg(1)));
        });
        return out;
    }

    /** {a₀, …, c} with u = Σ aᵢ·xᵢ + c, or null where u is not affine (its gradient not constant) or is constant. */
    private static double[] affine(Expr u, Layout layout) {
        int n = layout.dimension();
        List<Expr> g = Derivatives.gradient(u, layout);
        double[] plane = new double[n + 1];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            if (!(g.get(i) instanceof Constant a)) return null;
            plane[i] = a.value();
            any |= a.value() != 0;
        }
        plane[n] = new CompiledFunction(u, layout).value(new double[n]);
        return any && Double.isFinite(plane[n]) ? plane : null;
    }

    /** The same plane, up to a factor. */
    private static boolean same(double[] p, double[] q) {
        int k = 0;
        for (int i = 1; i < p.length - 1; i++) if (Math.abs(p[i]) > Math.abs(p[k])) k = i;
        double s = q[k] / p[k];
        for (int i = 0; i < p.length; i++) if (Math.abs(q[i] - s * p[i]) > 1e-12 * (1 + Math.abs(q[i]))) return false;
        return true;
    }

    /** The stationary points and kinks of f on the plane, as points of the whole space. */
    private static List<double[]> on(Expr f, Layout layout, Domain d, double[] plane) {
        int n = layout.dimension(), k = 0;
        for (int i = 1; i < n; i++) if (Math.abs(plane[i]) > Math.abs(plane[k])) k = i;
        Expr through = Constant.of(-plane[n] / plane[k]);     // x_k = −(c + Σ_{i≠k} aᵢ·xᵢ)/a_k
        for (int i = 0; i < n; i++) {
            if (i != k && plane[i] != 0) through = Ops.add(through, Ops.mul(Constant.of(-plane[i] / plane[k]), (Expr) layout.blocks().get(i)));
        }
        Expr g = Ops.substitute(f, (Expr) layout.blocks().get(k), through);
        Map<String, double[]> over = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) if (i != k) over.put(layout.coordinateName(i), range(d, i));
        if (!g.layout().blocks().stream().map(VariableBlock::name).toList().containsAll(over.keySet())) return List.of();   // f is flat across the plane
        StationaryReport r;
        try {
            r = Stationary.find(g, over);
        } catch (RuntimeException e) {
            return List.of();
        }
        List<Map<String, Object>> found = new ArrayList<>();
        for (PointResult p : r.namedPoints()) found.add(p.at());
        for (PointResult p : r.kinks()) found.add(p.at());
        List<double[]> out = new ArrayList<>();
        CompiledFunction x_k = new CompiledFunction(through, layout);
        double[] keep = range(d, k);
        for (Map<String, Object> at : found) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) if (i != k) x[i] = ((Number) at.get(layout.coordinateName(i))).doubleValue() + 0.0;
            x[k] = x_k.value(x) + 0.0;   // never -0.0
            if (keep[0] <= x[k] && x[k] <= keep[1]) out.add(x);
        }
        return out;
    }

    /** The coordinate's range on the search box, bounded ({@link Domain}'s sampling box: the box itself where it is finite). */
    private static double[] range(Domain d, int i) {
        return new double[]{d.sampling[i].lo(), d.sampling[i].hi()};
    }
}
