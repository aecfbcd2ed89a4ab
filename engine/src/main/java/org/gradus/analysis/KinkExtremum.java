package org.gradus.analysis;

import org.gradus.atoms.Curvature;
import org.gradus.calculus.Directions;
import org.gradus.calculus.series.Real;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A point where a function of several variables has no gradient — a kink, as |x| + |y| at (0, 0) or |x − 1| + y² at
 * (1, 0) — classified as a minimum, a maximum or neither, or found to be no critical point at all. The second-derivative
 * test has nothing to work on there; these proofs take its place, in this order:
 * <ul>
 *   <li>an interval bound over the search box: f's enclosure there lies on one side of f's value at the point
 *   ({@link DegenerateExtremum#bound}): the least or greatest value of f;</li>
 *   <li>the subdifferential ({@link Subdifferential}): 0 outside ∂f(p), no critical point; 0 in it and f convex (or
 *   concave), the least (greatest) value; 0 inside it and f regular, a strict local minimum (maximum);</li>
 *   <li>an interval bound over a small box around the point: a local minimum or maximum;</li>
 *   <li>two rays: along one direction f falls and along another it rises, each shown by the leading term of the series
 *   of f(p + t·d) − f(p) as t → 0⁺ ({@link Directions#change}); then the point is neither (|x| − y² at (0, 0) rises
 *   along x and falls along y).</li>
 * </ul>
 * Where none decides, the point is {@code degenerate} and the note says what the rays showed. The rays tried are the
 * coordinate axes both ways, the diagonals of each pair of coordinates (up to four variables), and the two directions
 * in which f, sampled on a small sphere around the point, fell and rose the most.
 */
final class KinkExtremum {
    private KinkExtremum() {
    }

    /** The type ({@code minimum}, {@code maximum}, {@code neither} or {@code degenerate}) and why; null where p is no critical point. */
    record Verdict(String type, String note) {
    }

    /** Radius of the sphere on which f is sampled for the two extra directions. */
    private static final double SAMPLE_RADIUS = 1e-3;

    /**
     * @param why why f has no gradient at x ("where abs(x): abs has a kink at 0: ...")
     */
    static Verdict classify(Expr f, Domain d, CompiledFunction cf, double[] x, String why) {
        String lead = "f has no gradient here (" + why.replaceFirst("^where ", "") + "); ";
        DegenerateExtremum.Bound bound = DegenerateExtremum.bound(f, d, x);
        if (bound != null && bound.wholeBox()) return new Verdict(bound.type(), lead + "but " + bound.text(d));
        Subdifferential.Zonotope z = Subdifferential.at(f, d.layout(), x);
        Subdifferential.Zero zero = z == null ? Subdifferential.Zero.UNDECIDED : Subdifferential.zero(z);
        if (zero == Subdifferential.Zero.OUTSIDE) return null;   // 0 ∉ ∂f(p): no critical point at all
        if (z != null && z.exact() && zero != Subdifferential.Zero.UNDECIDED) {
            String sub = "∂f(p) = " + z.text();
            Curvature c = Dcp.analyze(f, Enclosure.overBox(d.layout(), d.box)).curvature();
            if (z.sign() > 0 && c.isConvex()) return new Verdict("minimum", lead + "0 ∈ " + sub + " and f is convex (composition rules): a minimum, the least value of f there");
            if (z.sign() < 0 && c.isConcave()) return new Verdict("maximum", lead + "0 ∈ " + sub + " and f is concave (composition rules): a maximum, the greatest value of f there");
            if (zero == Subdifferential.Zero.INSIDE) {
                boolean min = z.sign() > 0;
                return new Verdict(min ? "minimum" : "maximum", lead + "0 lies inside " + sub + ", not on its edge, so every one-sided slope f′(p; d) = "
                        + (min ? "max" : "min") + " of g·d over ∂f(p) is " + (min ? "positive" : "negative") + ": a strict local " + (min ? "minimum" : "maximum"));
            }
        }
        if (bound != null) return new Verdict(bound.type(), lead + "but " + bound.text(d));
        Layout layout = d.layout();
        Real f0 = Directions.value(f, layout, x, false);
        if (f0 == null) return new Verdict("degenerate", lead + "f's value here is not known exactly, so no ray decides it");
        String falls = null, rises = null;
        int tried = 0;
        for (double[] u : directions(d, cf, x)) {
            if (!staysInBox(d, x, u)) continue;
            Directions.Change c = Directions.change(f, layout, x, u, f0);
            tried++;
            if (c == null || c.sign() == 0) continue;
            String along = along(layout, u) + " (f − f(p) = " + c.series() + ")";
            if (c.sign() < 0 && falls == null) falls = along;
            if (c.sign() > 0 && rises == null) rises = along;
            if (falls != null && rises != null) {
                return new Verdict("neither", lead + "f rises " + rises + " and falls " + falls + ", t → 0⁺ (series): neither a minimum nor a maximum");
            }
        }
        String seen = rises != null ? "f rises " + rises + " and along every other of the " + tried + " rays tried that the series decide, but "
                + "no interval bound proves a minimum: it looks like one (not proved)"
                : falls != null ? "f falls " + falls + " and along every other of the " + tried + " rays tried that the series decide, but "
                + "no interval bound proves a maximum: it looks like one (not proved)"
                : "neither an interval bound nor the series along " + tried + " rays decide what it is";
        return new Verdict("degenerate", lead + seen);
    }

    /** The axes both ways, the pairs' diagonals (n ≤ 4), then the sampled directions of steepest fall and rise. */
    private static List<double[]> directions(Domain d, CompiledFunction cf, double[] x) {
        int n = x.length;
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n && i < 50; i++) {
            for (int s = 1; s >= -1; s -= 2) {
                double[] u = new double[n];
                u[i] = s;
                out.add(u);
            }
        }
        if (n <= 4) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    for (int si = 1; si >= -1; si -= 2) {
                        for (int sj = 1; sj >= -1; sj -= 2) {
                            double[] u = new double[n];
                            u[i] = si;
                            u[j] = sj;
                            out.add(u);
                        }
                    }
                }
            }
        }
        double f0 = cf.value(x);
        double[] lowest = null, highest = null;
        double lo = f0, hi = f0;
        Random rnd = new Random(13);
        for (int k = 0; k < 40 * n; k++) {
            double[] u = new double[n];
            double norm = 0;
            for (int i = 0; i < n; i++) {
                u[i] = rnd.nextGaussian();
                norm += u[i] * u[i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) u[i] = Math.rint(u[i] / norm * 1000) / 1000;   // short decimals, read in the note
            double[] y = x.clone();
            for (int i = 0; i < n; i++) y[i] += SAMPLE_RADIUS * u[i];
            if (!d.inside(y)) continue;
            double fy = cf.value(y);
            if (fy < lo) {
                lo = fy;
                lowest = u;
            }
            if (fy > hi) {
                hi = fy;
                highest = u;
            }
        }
        if (lowest != null) out.add(lowest);
        if (highest != null) out.add(highest);
        return out;
    }

    /** Whether x + t·u stays in the search box for small t &gt; 0. */
    private static boolean staysInBox(Domain d, double[] x, double[] u) {
        for (int i = 0; i < x.length; i++) {
            if (u[i] < 0 && !(x[i] > d.box[i].lo())) return false;
            if (u[i] > 0 && !(x[i] < d.box[i].hi())) return false;
        }
        return true;
    }

    /** "along +x", "along −y", or "along the direction (1, −1)" in the layout's coordinate order. */
    private static String along(Layout layout, double[] u) {
        int nonzero = -1, count = 0;
        for (int i = 0; i < u.length; i++) {
            if (u[i] != 0) {
                nonzero = i;
                count++;
            }
        }
        if (count == 1 && Math.abs(u[nonzero]) == 1) return "along " + (u[nonzero] > 0 ? "+" : "−") + layout.coordinateName(nonzero);
        List<String> parts = new ArrayList<>();
        for (double v : u) parts.add(Numbers.format(v));
        return "along the direction (" + String.join(", ", parts) + ")";
    }
}
