package org.gradus.analysis;

import org.gradus.atoms.OutwardRounding;
import org.gradus.atoms.Interval;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Layout;
import org.gradus.atoms.Ops;
import org.gradus.optim.Constraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A search for a Jensen counterexample to the convexity of a set {x : every constraint holds}: two
 * feasible points whose midpoint is not feasible. Every claim is checked with interval arithmetic
 * ({@link Enclosure}), so a reported counterexample cannot be an artefact of rounding:
 * <ul>
 *   <li>a feasible point is a grid point where every constraint holds on its enclosure; with one equality
 *       {@code g == 0} among the constraints, it is instead a short segment across which g changes sign
 *       (proved at both ends, g continuous on the segment), so some point of the segment satisfies the
 *       equality exactly, and every inequality holds on the whole segment's box;</li>
 *   <li>the midpoint of two such witnesses lies in the box of their midpoints, and a constraint is violated
 *       when its enclosure over that box excludes every value that would satisfy it.</li>
 * </ul>
 * With more than one equality there is no cheap way to find feasible points, and the search reports none.
 */
final class JensenSearch {
    /** The sampling boxes' half-widths around the origin (or widths from a finite bound). */
    private static final double[] SCALES = {1, 4, 16, 100};
    private static final int GRID = 16;
    private static final int POINTS_PER_SCALE = 400;
    private static final int WITNESSES_PER_SCALE = 60;
    private static final int LINES_PER_SCALE = 60;

    /** A checked counterexample: a and b (centres of their witnesses) feasible, their midpoint violating {@code violated}. */
    record Found(double[] a, double[] b, double[] midpoint, Constraint violated, boolean approximate) {
    }

    /** What the search did: a counterexample or null, and how many feasible points and pairs it tried. */
    record Outcome(Found found, int feasiblePoints, int pairs, String note) {
    }

    /** A box known to contain a feasible point (a single point when there is no equality). */
    private record Witness(Interval[] box, double[] centre) {
    }

    private final List<Constraint> set;
    private final Layout layout;
    private final Interval[] bounds;
    private final Constraint equality;
    private final CompiledFunction equalityGap;
    private final Random random = new Random(20261204L);

    private JensenSearch(List<Constraint> set, Layout layout, Interval[] bounds) {
        this.set = set;
        this.layout = layout;
        this.bounds = bounds;
        Constraint eq = null;
        for (Constraint c : set) if (c.isEquality()) eq = c;
        this.equality = eq;
        this.equalityGap = eq == null ? null : new CompiledFunction(Ops.sub(eq.lhs(), eq.rhs()), layout);
    }

    /**
     * Searches the set of points satisfying every constraint of {@code set} for a counterexample.
     *
     * @param bounds an interval per coordinate of the layout, known to contain the set (from simple bounds
     *               such as {@code x >= 0}); all of R where there is none
     */
    static Outcome search(List<Constraint> set, Layout layout, Interval[] bounds) {
        long equalities = set.stream().filter(Constraint::isEquality).count();
        if (equalities > 1) {
            return new Outcome(null, 0, 0, "with " + equalities + " equalities no feasible points were sampled");
        }
        return new JensenSearch(set, layout, bounds).run();
    }

    private Outcome run() {
        List<Witness> all = new ArrayList<>();
        int pairs = 0;
        for (double s : SCALES) {
            Interval[] box = samplingBox(s);
            List<Witness> found = equality == null ? gridWitnesses(box) : segmentWitnesses(box, s);
            for (int i = 0; i < found.size(); i++) {
                for (int j = 0; j < i; j++) {
                    pairs++;
                    Found f = check(found.get(j), found.get(i));
                    if (f != null) return new Outcome(f, all.size() + found.size(), pairs, null);
                }
            }
            all.addAll(found);
        }
        return new Outcome(null, all.size(), pairs, null);
    }

    /** The bounds, cut to a box of the given half-width (a finite bound keeps its end). */
    private Interval[] samplingBox(double s) {
        Interval[] box = new Interval[bounds.length];
        for (int i = 0; i < box.length; i++) {
            Interval b = bounds[i];
            boolean lo = Double.isFinite(b.lo()), hi = Double.isFinite(b.hi());
            if (lo && hi) box[i] = b.hi() - b.lo() <= 2 * s ? b : new Interval(Math.max(b.lo(), -s), Math.max(b.lo(), -s) + 2 * s);
            else if (lo) box[i] = new Interval(b.lo(), b.lo() + 2 * s);
            else if (hi) box[i] = new Interval(b.hi() - 2 * s, b.hi());
            else box[i] = new Interval(-s, s);
            if (box[i].hi() > b.hi()) box[i] = new Interval(box[i].lo(), b.hi());
        }
        return box;
    }

    private double[] gridPoint(Interval[] box) {
        double[] x = new double[box.length];
        for (int i = 0; i < x.length; i++) {
            Interval b = box[i];
            x[i] = b.lo() + (b.hi() - b.lo()) * random.nextInt(GRID + 1) / GRID;
        }
        return x;
    }

    private List<Witness> gridWitnesses(Interval[] box) {
        List<Witness> out = new ArrayList<>();
        for (int k = 0; k < POINTS_PER_SCALE && out.size() < WITNESSES_PER_SCALE; k++) {
            double[] x = gridPoint(box);
            if (out.stream().anyMatch(w -> java.util.Arrays.equals(w.centre, x))) continue;
            if (holdsAt(Enclosure.atPoint(layout, x), null)) out.add(new Witness(pointBox(x), x));
        }
        return out;
    }

    /** Segments along random lines across which the equality's gap changes sign, with the inequalities holding. */
    private List<Witness> segmentWitnesses(Interval[] box, double s) {
        List<Witness> out = new ArrayList<>();
        int n = box.length;
        for (int k = 0; k < LINES_PER_SCALE && out.size() < WITNESSES_PER_SCALE; k++) {
            double[] p = gridPoint(box);
            double[] d = new double[n];
            if (k < LINES_PER_SCALE / 2 || random.nextBoolean()) d[k % n] = 1;   // axis lines first: their roots are often short numbers
            else for (int i = 0; i < n; i++) d[i] = random.nextInt(5) - 2;
            int steps = 32;
            double prevT = -s, prevG = equalityGap.value(along(p, d, prevT));
            for (int j = 1; j <= steps && out.size() < WITNESSES_PER_SCALE; j++) {
                double t = -s + 2 * s * j / steps, g = equalityGap.value(along(p, d, t));
                if (Double.isFinite(prevG) && Double.isFinite(g) && (prevG < 0) != (g < 0) && prevG != 0 && g != 0) {
                    Witness w = bracket(p, d, prevT, prevG, t);
                    if (w != null) out.add(w);
                }
                prevT = t;
                prevG = g;
            }
        }
        return out;
    }

    /**
     * Narrows a sign change of the equality's gap on [t0, t1] along p + t·d and checks it rigorously. The
     * bisection reads the gap's enclosure at each midpoint and stops where that enclosure contains 0: past
     * it the ends' signs would no longer be certain (x² + y² = 1 crosses 0 between two doubles whose
     * enclosures both straddle it).
     */
    private Witness bracket(double[] p, double[] d, double t0, double g0, double t1) {
        for (int it = 0; it < 200; it++) {
            double m = 0.5 * (t0 + t1);
            if (m <= t0 || m >= t1) break;
            Interval g = gapAt(along(p, d, m));
            if (g == null) return null;
            if (g.lo() == 0 && g.hi() == 0) { // an exact zero: keep a tiny segment around it
                t0 = Math.nextDown(m);
                t1 = Math.nextUp(m);
                break;
            }
            if (g.lo() <= 0 && g.hi() >= 0) break; // the sign at m is not certain: [t0, t1] is as narrow as it can be proved
            if ((g.hi() < 0) == (g0 < 0)) {
                t0 = m;
                g0 = g.hi() < 0 ? -1 : 1;
            } else {
                t1 = m;
            }
        }
        double[] q0 = along(p, d, t0), q1 = along(p, d, t1);
        Interval g0i = gapAt(q0), g1i = gapAt(q1);
        if (g0i == null || g1i == null) return null;
        boolean opposite = (g0i.hi() < 0 && g1i.lo() > 0) || (g0i.lo() > 0 && g1i.hi() < 0);
        if (!opposite) return null;
        Interval[] hull = new Interval[q0.length];
        double[] centre = new double[q0.length];
        for (int i = 0; i < hull.length; i++) {
            hull[i] = new Interval(Math.min(q0[i], q1[i]), Math.max(q0[i], q1[i]));
            centre[i] = 0.5 * (q0[i] + q1[i]);
        }
        Enclosure e = Enclosure.overBox(layout, hull);
        e.of(equality.lhs());
        e.of(equality.rhs());
        if (!e.defined() || !e.smooth()) return null;     // the gap must be continuous on the segment
        return holdsAt(e, equality) ? new Witness(hull, centre) : null;
    }

    private Interval gapAt(double[] q) {
        Enclosure e = Enclosure.atPoint(layout, q);
        Interval g = OutwardRounding.sub(e.of(equality.lhs()), e.of(equality.rhs()));
        return e.defined() ? g : null;
    }

    private static double[] along(double[] p, double[] d, double t) {
        double[] x = new double[p.length];
        for (int i = 0; i < x.length; i++) x[i] = p[i] + t * d[i];
        return x;
    }

    private static Interval[] pointBox(double[] x) {
        Interval[] b = new Interval[x.length];
        for (int i = 0; i < x.length; i++) b[i] = Interval.point(x[i]);
        return b;
    }

    /** True when every constraint but {@code skip} holds everywhere on the enclosure's box (and the bounds hold). */
    private boolean holdsAt(Enclosure e, Constraint skip) {
        for (Constraint c : set) {
            if (c == skip) continue;
            Interval l = e.of(c.lhs()), r = e.of(c.rhs());
            boolean holds = switch (c.op()) {
                case "<=" -> l.hi() <= r.lo();
                case ">=" -> l.lo() >= r.hi();
                default -> l.isPoint() && r.isPoint() && l.lo() == r.lo();
            };
            if (!holds) return false;
        }
        return e.defined();
    }

    /** The pair as a counterexample when some constraint is violated on the whole box of their midpoints. */
    private Found check(Witness a, Witness b) {
        int n = a.box.length;
        Interval[] mid = new Interval[n];
        double[] centre = new double[n];
        for (int i = 0; i < n; i++) {
            Interval sum = OutwardRounding.add(a.box[i], b.box[i]);
            mid[i] = new Interval(sum.lo() * 0.5, sum.hi() * 0.5);   // halving is exact (no subnormal ranges here)
            centre[i] = 0.5 * (a.centre[i] + b.centre[i]);
        }
        Enclosure e = n == 0 ? null : Enclosure.overBox(layout, mid);
        if (e == null) return null;
        for (Constraint c : set) {
            Interval l = e.of(c.lhs()), r = e.of(c.rhs());
            if (!e.defined()) return null;
            boolean violated = switch (c.op()) {
                case "<=" -> l.lo() > r.hi();
                case ">=" -> l.hi() < r.lo();
                default -> l.lo() > r.hi() || l.hi() < r.lo();
            };
            if (violated) return new Found(a.centre, b.centre, centre, c, equality != null);
        }
        return null;
    }

    /** The variables' layout of a list of constraints (vector variables whole). */
    static Layout layoutOf(List<Constraint> constraints) {
        List<org.gradus.expr.VariableBlock> blocks = new ArrayList<>();
        for (Constraint c : constraints) {
            blocks.addAll(c.lhs().layout().blocks());
            blocks.addAll(c.rhs().layout().blocks());
        }
        return new Layout(blocks);
    }
}
