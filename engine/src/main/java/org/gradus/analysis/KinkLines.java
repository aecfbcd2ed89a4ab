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
import org.gradus.expr.Variable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where to look for the kinks of a function of two variables that are critical points: on the lines where an affine
 * argument of one of its kinks is 0 (y = 0 for |y|, x + y = 1 for relu(x + y − 1), x = y for max(x, y)). Along each
 * line f is a function of one variable, whose stationary points and kinks the one-variable search finds with a proof
 * ({@link Stationary}, {@link Kinks}); those points, and the points where two such lines cross, are the candidates. A
 * search for ∇f = 0 meets such a point only by chance: the lasso (x − 1)² + (y − 0.2)² + (|x| + |y|)/2 has its minimum
 * at (0.75, 0), on the line y = 0, where no gradient is 0. Which candidates are critical, and of what type, is
 * {@link KinkExtremum}'s to say.
 */
final class KinkLines {
    private KinkLines() {
    }

    /** The most lines followed (each a one-variable search). */
    private static final int MOST_LINES = 6;

    /** The candidates in the box, or none where f is not a function of two scalar variables. */
    static List<double[]> candidates(Expr f, Domain d) {
        Layout layout = d.layout();
        if (layout.dimension() != 2 || layout.blocks().size() != 2
                || !(layout.blocks().get(0) instanceof Variable x) || !(layout.blocks().get(1) instanceof Variable y)) return List.of();
        List<double[]> lines = new ArrayList<>();     // a·x + b·y + c = 0 as {a, b, c}
        for (Expr u : kinkArguments(f)) {
            double[] line = affine(u, layout);
            if (line != null && lines.stream().noneMatch(l -> parallelSame(l, line)) && lines.size() < MOST_LINES) lines.add(line);
        }
        List<double[]> out = new ArrayList<>();
        double[][] box = {range(d, 0), range(d, 1)};
        for (double[] l : lines) out.addAll(along(f, x, y, l, box));
        for (int i = 0; i < lines.size(); i++) {
            for (int j = i + 1; j < lines.size(); j++) {
                double[] p = cross(lines.get(i), lines.get(j));
                if (p != null && inside(p, box)) out.add(p);
            }
        }
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

    /** {a, b, c} with u = a·x + b·y + c, or null where u is not affine (its gradient not constant) or constant. */
    private static double[] affine(Expr u, Layout layout) {
        List<Expr> g = Derivatives.gradient(u, layout);
        if (!(g.get(0) instanceof Constant a) || !(g.get(1) instanceof Constant b)) return null;
        if (a.value() == 0 && b.value() == 0) return null;
        double c = new CompiledFunction(u, layout).value(new double[]{0, 0});
        return Double.isFinite(c) ? new double[]{a.value(), b.value(), c} : null;
    }

    private static boolean parallelSame(double[] l, double[] m) {
        double s = Math.abs(l[0]) >= Math.abs(l[1]) ? m[0] / l[0] : m[1] / l[1];
        return Math.abs(m[0] - s * l[0]) <= 1e-12 && Math.abs(m[1] - s * l[1]) <= 1e-12 && Math.abs(m[2] - s * l[2]) <= 1e-12 * (1 + Math.abs(m[2]));
    }

    /** The stationary points and kinks of f along the line, as points of the plane. */
    private static List<double[]> along(Expr f, Variable x, Variable y, double[] l, double[][] box) {
        boolean overX = Math.abs(l[1]) >= Math.abs(l[0]);   // y = −(a·t + c)/b with x = t, else x = −(b·t + c)/a with y = t
        int free = overX ? 0 : 1;
        double slope = overX ? -l[0] / l[1] : -l[1] / l[0], offset = overX ? -l[2] / l[1] : -l[2] / l[0];
        double lo = box[free][0], hi = box[free][1];
        double[] other = box[1 - free];
        if (slope != 0) {   // keep the other coordinate in its range
            double t1 = (other[0] - offset) / slope, t2 = (other[1] - offset) / slope;
            lo = Math.max(lo, Math.min(t1, t2));
            hi = Math.min(hi, Math.max(t1, t2));
        } else if (!(other[0] <= offset && offset <= other[1])) return List.of();
        if (!(lo < hi)) return List.of();
        Variable t = new Variable("t", 0);
        Expr dependent = Ops.add(Constant.of(offset), Ops.mul(Constant.of(slope), t));
        Expr g = overX ? Ops.substitute(Ops.substitute(f, y, dependent), x, t) : Ops.substitute(Ops.substitute(f, x, dependent), y, t);
        StationaryReport r;
        try {
            r = Stationary.find(g, Map.of("t", new double[]{lo, hi}));
        } catch (RuntimeException e) {
            return List.of();
        }
        List<Double> ts = new ArrayList<>();
        for (StationaryReport.Point p : r.points()) ts.add(p.x()[0] + 0.0);
        for (StationaryReport.Corner c : r.corners()) ts.add(c.x()[0] + 0.0);
        List<double[]> out = new ArrayList<>();
        for (double s : ts) {
            double dep = offset + slope * s + 0.0;   // never -0.0
            out.add(overX ? new double[]{s, dep} : new double[]{dep, s});
        }
        return out;
    }

    private static double[] cross(double[] l, double[] m) {
        double det = l[0] * m[1] - l[1] * m[0];
        if (det == 0) return null;
        return new double[]{(-l[2] * m[1] + m[2] * l[1]) / det + 0.0, (-l[0] * m[2] + m[0] * l[2]) / det + 0.0};
    }

    private static double[] range(Domain d, int i) {
        double lo = Double.isFinite(d.box[i].lo()) ? d.box[i].lo() : d.sampling[i].lo();
        double hi = Double.isFinite(d.box[i].hi()) ? d.box[i].hi() : d.sampling[i].hi();
        return new double[]{lo, hi};
    }

    private static boolean inside(double[] p, double[][] box) {
        return box[0][0] <= p[0] && p[0] <= box[0][1] && box[1][0] <= p[1] && p[1] <= box[1][1];
    }
}
