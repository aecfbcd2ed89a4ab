package org.gradus.analysis;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.gradus.atoms.array.Shapes;
import org.gradus.calculus.HessianAt;
import org.gradus.calculus.PointWalk;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Variable;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code stationary(f, over: box)}: the points of the box where ∇f = 0, each classified by the
 * eigenvalues of its Hessian (the second-derivative test): minimum (all &gt; 0), maximum (all &lt; 0),
 * saddle (both signs), degenerate (a zero eigenvalue and no sign change: the test cannot tell, as for
 * x³ or x⁴ at 0).
 *
 * <p>Search: damped Newton on ∇f = 0 (least-squares steps through the SVD, so singular Hessians are
 * fine) from a grid of starts (1-D, 2-D) or random starts (more dimensions), deduplicated. Points are
 * then polished (coordinates rounded to short decimals where that does not increase |∇f|). The search is
 * thorough, not exhaustive: the report says what it did.
 */
public final class Stationary {
    private Stationary() {
    }

    /**
     * The stationary points of f in the box.
     *
     * @param over variable name → {lo, hi}; a variable left out (or a null map) is searched on
     *             [-10, 10], and the report says so
     * @throws IllegalArgumentException when over names something that is not a variable of f
     */
    public static StationaryReport find(Expr f, Map<String, double[]> over) {
        Shapes.requireScalar(f, "stationary");
        Domain d = Domain.of(f, over);
        Layout layout = d.layout();
        int n = d.dimension();
        CompiledFunction cf = new CompiledFunction(f, layout);
        List<String> notes = new ArrayList<>();
        if (d.unbounded) notes.add("unbounded variables were searched on " + Numbers.format(Domain.DEFAULT_HALF_WIDTH) + " either side of 0: " + d.samplingText());
        if (n == 0) return new StationaryReport(f, layout, d.text, List.of(), "f is constant: every point is stationary");
        Enclosure enc = Enclosure.overBox(layout, d.box);
        enc.of(f);
        boolean smooth = enc.smooth();
        Kinks.Found corners = smooth || n != 1 || !(layout.blocks().get(0) instanceof Variable v) ? null
                : Kinks.of(f, v, d.sampling[0].lo(), d.sampling[0].hi());
        if (!smooth) {
            Expr k = enc.firstNonSmooth() != null ? enc.firstNonSmooth() : enc.firstUndefined();
            notes.add("f is not smooth everywhere on the box (" + (k == null ? "f" : Dcp.show(k))
                    + " may have a kink, jump or domain edge): only points where f is differentiable and ∇f = 0 are listed"
                    + (corners == null ? "" : kinksNote(corners)));
        }
        LineStationary.Zeros line = LineStationary.of(f, d);     // smooth on the open domain (log(x)/x on x > 0): every point, proved
        LineStationary.Zeros proved = line != null ? line : PlaneStationary.of(f, d);   // a polynomial in x and y: every point, proved
        if (proved != null) {
            notes.removeIf(m -> m.startsWith("f is not smooth") || (proved.wholeDomain() && m.startsWith("unbounded variables were searched")));
        }
        List<double[]> starts = proved != null ? List.of() : starts(d, n);
        List<double[]> found = proved != null ? proved.points() : new ArrayList<>();
        for (double[] s : starts) {
            double[] x = newton(cf, d, s);
            if (x == null) continue;
            boolean dup = false;
            for (double[] y : found) if (close(x, y, d)) dup = true;
            if (!dup) found.add(x);
        }
        List<StationaryReport.Point> points = new ArrayList<>();
        List<String> kinks = new ArrayList<>();
        List<double[]> kinkPlaces = new ArrayList<>();
        List<String> kinkReasons = new ArrayList<>();
        int degenerate = 0;
        for (double[] x : found) {
            String kink = smooth ? null : kinkAt(f, layout, x);
            if (kink != null) {   // abs(x) + x**2 at 0: the derivative the program takes there (sign(0) = 0) is no gradient
                if (corners == null) {   // several variables: classified below (one: by Kinks)
                    kinkPlaces.add(x);
                    kinkReasons.add(kink);
                    continue;
                }
                boolean listed = corners.kinks().stream().anyMatch(c -> Math.abs(c.x() - x[0]) <= 1e-9 * Math.max(1, Math.abs(x[0])));
                if (kinks.size() < 4 && !listed) kinks.add(org.gradus.expr.PointArgs.format(layout, x) + ", " + kink);
                continue;
            }
            double[][] h = cf.hessian(x);
            double[] ev = HessianAt.eigenvalues(h);
            Double atKink = proved == null ? null : proved.curvatures().get(found.indexOf(x));
            if (atKink != null) ev = atKink.isNaN() ? new double[0] : new double[]{atKink};   // the program's f″ is one side's
            String type = ev.length == 0 ? "degenerate" : SecondDerivativeTest.type(ev);
            String note = null;
            if (type.equals("degenerate")) {
                degenerate++;
                note = DegenerateExtremum.proof(f, d, x);
                String test = proved == null ? null : proved.firstDerivativeTests().get(found.indexOf(x));
                if (note == null && test != null) note = "the second-derivative test cannot tell; the first-derivative test does: " + test;
                if (note == null) note = higherOrder(cf, d, x);
            }
            points.add(new StationaryReport.Point(x, cf.value(x), type, ev, note));
        }
        points.sort((p, q) -> {
            for (int i = 0; i < n; i++) {
                int c = Double.compare(p.x()[i], q.x()[i]);
                if (c != 0) return c;
            }
            return 0;
        });
        if (degenerate > LISTED_DEGENERATE) {
            List<StationaryReport.Point> flat = points.stream().filter(p -> p.type().equals("degenerate")).toList();
            List<StationaryReport.Point> spread = spread(flat.stream().map(StationaryReport.Point::x).toList(), LISTED_DEGENERATE, d).stream().map(flat::get).toList();
            double lo = flat.stream().mapToDouble(StationaryReport.Point::f).min().orElseThrow();
            double hi = flat.stream().mapToDouble(StationaryReport.Point::f).max().orElseThrow();
            String values = hi - lo <= 1e-9 * Math.max(1, Math.abs(hi)) ? "; every one has f = " + Numbers.round(hi, 8) + " (a level set of stationary points, such as a circle)"
                    : "; f there ranges from " + Numbers.round(lo, 8) + " to " + Numbers.round(hi, 8);
            notes.add(degenerate + " degenerate points were found: f's stationary points are probably not isolated (a curve or surface of them)"
                    + values + "; " + LISTED_DEGENERATE + " of them, spread over the set, are listed");
            points = points.stream().filter(p -> !p.type().equals("degenerate") || spread.contains(p)).toList();
        }
        if (!smooth && corners == null) {   // two or three variables: the kinks on the lines (planes) where an affine kink argument is 0
            for (double[] c : KinkPlanes.candidates(f, d)) {
                if (kinkPlaces.stream().anyMatch(k -> close(k, c, d)) || found.stream().anyMatch(k -> close(k, c, d))) continue;
                String kink = kinkAt(f, layout, c);
                if (kink == null) continue;
                kinkPlaces.add(c);
                kinkReasons.add(kink);
            }
        }
        List<StationaryReport.Corner> kinkPoints = new ArrayList<>();
        if (!kinkPlaces.isEmpty()) {   // several variables: the kinks the search met are listed, not all there are
            List<Integer> listed = kinkPlaces.size() > LISTED_KINKS ? spread(kinkPlaces, LISTED_KINKS, d)
                    : java.util.stream.IntStream.range(0, kinkPlaces.size()).boxed().toList();
            for (int i : listed) {
                double[] x = kinkPlaces.get(i);
                KinkExtremum.Verdict v = KinkExtremum.classify(f, d, cf, x, kinkReasons.get(i));
                if (v == null) continue;   // 0 ∉ ∂f(x): no critical point
                kinkPoints.add(new StationaryReport.Corner(x, cf.value(x), v.type(), v.note()));
            }
            notes.replaceAll(m -> m.startsWith("f is not smooth") ? m + " as stationary; the kinks where the search ended are listed apart, "
                    + "classified (there may be others: a kink is a critical point the search meets only by chance)" : m);
            if (kinkPlaces.size() > LISTED_KINKS) {
                notes.add(kinkPlaces.size() + " kinks were found: they are probably not isolated (a curve of them, as |x·y| has along the axes); "
                        + LISTED_KINKS + " of them, spread over the set, are listed");
            }
        }
        if (!kinks.isEmpty()) {
            notes.add("not listed, since f is not differentiable there (no gradient, so no stationary point; differentiable(f, at: ...) "
                    + "gives the one-sided slopes and the subgradient): " + String.join("; ", kinks));
        }
        if (proved != null) notes.add(proved.note());
        else notes.add("damped Newton on ∇f = 0 from " + starts.size() + " starts over " + d.samplingText()
                + "; points closer together than the starts, or outside the box, may be missed");
        List<StationaryReport.Stretch> stretches = proved == null ? List.of() : proved.stretches();
        if (corners != null) {
            corners.kinks().stream()   // an end of a flat stretch belongs to it
                    .filter(k -> stretches.stream().noneMatch(st -> st.from() == k.x() || st.to() == k.x()))
                    .forEach(k -> kinkPoints.add(StationaryReport.Corner.of(k)));
        }
        kinkPoints.sort((p, q) -> java.util.Arrays.compare(p.x(), q.x()));
        return new StationaryReport(f, layout, d.text, points, stretches, kinkPoints, String.join("; ", notes));
    }

    /** What the list of kinks holds: every one, the first of many, or those decided. */
    private static String kinksNote(Kinks.Found corners) {
        if (!corners.unresolved().isEmpty()) return "; its kinks are listed apart, but not all were decided: " + String.join("; ", corners.unresolved());
        return " as stationary; its kinks (every zero of its kinks' arguments, found with a proof) are listed apart, with their one-sided slopes"
                + (corners.leftOut() == 0 ? "" : " — the first " + Kinks.MOST + " places where one may be; " + corners.leftOut()
                + " more to the right are not examined (narrow the interval to see them)");
    }

    /** Kinks of a function of several variables listed when there are more: a curve of them is shown by points along it. */
    private static final int LISTED_KINKS = 6;

    /** Degenerate points listed when there are more: a curve of them is shown by points along it. */
    private static final int LISTED_DEGENERATE = 12;

    /**
     * The indices of {@code count} of the points, each the farthest (in the box's scale) from those already taken, the
     * first the first found: a circle of maxima is shown all round, not by its 12 points nearest x = −1.
     */
    private static List<Integer> spread(List<double[]> points, int count, Domain d) {
        List<Integer> taken = new ArrayList<>(List.of(0));
        double[] nearest = new double[points.size()];
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        while (taken.size() < count) {
            double[] last = points.get(taken.get(taken.size() - 1));
            int far = -1;
            for (int i = 0; i < points.size(); i++) {
                nearest[i] = Math.min(nearest[i], scaledDistance(points.get(i), last, d));
                if (far < 0 || nearest[i] > nearest[far]) far = i;
            }
            taken.add(far);
        }
        return taken;
    }

    /**
     * Why f may have no gradient at x, or null: an atom's kink at x itself (abs at 0), or, by interval arithmetic, one
     * within 10⁻⁹ of it (relu(x) + x² − x, whose Newton steps end at 2.8e-17, just right of relu's kink at 0: the
     * derivative the program takes there is that of one side).
     */
    private static String kinkAt(Expr f, Layout layout, double[] x) {
        try {
            PointWalk walk = PointWalk.at(f, layout, x);
            PointWalk.Finding k = walk.first(PointWalk.Kind.JUMP) != null ? walk.first(PointWalk.Kind.JUMP) : walk.first(PointWalk.Kind.KINK);
            if (k != null) {   // a kink that cancels (abs(x**2) at 0) leaves f differentiable: the one-sided slopes decide
                Boolean differentiable = Differentiability.check(f, layout.toMap(x)).differentiable();
                return Boolean.TRUE.equals(differentiable) ? null : "where " + Dcp.show(k.node()) + ": " + k.message();
            }
        } catch (ClassCastException | UnsupportedOperationException e) {
            // array operations: the enclosure below sees them
        }
        Enclosure e = Enclosure.around(layout, x, 1e-9);
        e.of(f);
        if (e.smooth()) return null;
        Expr at = e.firstNonSmooth() != null ? e.firstNonSmooth() : e.firstUndefined();
        return "within 1e-9 of a kink of " + (at == null ? "f" : Dcp.show(at));
    }

    private static List<double[]> starts(Domain d, int n) {
        List<double[]> out = new ArrayList<>();
        Random rnd = new Random(7);
        if (n == 1) {
            int k = 400;
            for (int i = 0; i <= k; i++) out.add(new double[]{d.sampling[0].lo() + i * (d.sampling[0].hi() - d.sampling[0].lo()) / k});
        } else if (n == 2) {
            int k = 24;
            for (int i = 0; i <= k; i++) {
                for (int j = 0; j <= k; j++) {
                    out.add(new double[]{d.sampling[0].lo() + (i + 0.5 * (j % 2) * 0) * (d.sampling[0].hi() - d.sampling[0].lo()) / k,
                            d.sampling[1].lo() + j * (d.sampling[1].hi() - d.sampling[1].lo()) / k});
                }
            }
            for (int i = 0; i < 100; i++) out.add(d.sample(rnd));
        } else {
            int k = Math.min(3000, 150 * n);
            out.add(d.center());
            for (int i = 0; i < k; i++) out.add(d.sample(rnd));
        }
        out.removeIf(x -> !d.inside(x));
        return out;
    }

    private static double norm(double[] g) {
        double s = 0;
        for (double v : g) s += v * v;
        return Math.sqrt(s);
    }

    /** Damped Newton (least-squares steps) on ∇f = 0; the converged point, or null. */
    private static double[] newton(CompiledFunction cf, Domain d, double[] start) {
        int n = start.length;
        double[] x = start.clone(), g = new double[n];
        double fx = cf.valueAndGradient(x, g);
        if (!Double.isFinite(fx)) return null;
        double gn = norm(g);
        for (int it = 0; it < 200 && gn > 0; it++) {
            double[][] h = cf.hessian(x);
            double[] step;
            try {
                step = new SingularValueDecomposition(new Array2DRowRealMatrix(h, false)).getSolver()
                        .solve(new ArrayRealVector(g, false)).toArray();
            } catch (RuntimeException e) {
                return null;
            }
            double alpha = 1;
            boolean moved = false;
            for (int k = 0; k < 40; k++, alpha *= 0.5) {
                double[] y = new double[n], gy = new double[n];
                for (int i = 0; i < n; i++) y[i] = x[i] - alpha * step[i];
                double fy = cf.valueAndGradient(y, gy);
                double gyn = norm(gy);
                if (Double.isFinite(fy) && gyn < gn) {
                    x = y;
                    g = gy;
                    gn = gyn;
                    moved = true;
                    break;
                }
            }
            if (!moved) break;
            if (!inBox(x, d, 1e-6)) return null;
        }
        if (!Double.isFinite(gn)) return null;
        x = polish(cf, x);
        cf.valueAndGradient(x, g);
        gn = norm(g);
        double fscale = 1 + Math.abs(cf.value(x));
        double xscale = 1;
        for (double v : x) xscale = Math.max(xscale, Math.abs(v));
        if (gn > 1e-7 * fscale / xscale * 10) return null;
        if (!inBox(x, d, 1e-9)) return null;
        return x;
    }

    private static boolean inBox(double[] x, Domain d, double slack) {
        for (int i = 0; i < x.length; i++) {
            double w = Math.max(1e-12, d.sampling[i].hi() - d.sampling[i].lo()) * slack;
            if (!(x[i] >= d.box[i].lo() - w && x[i] <= d.box[i].hi() + w)) return false;
            if (d.box[i].lo() == Double.NEGATIVE_INFINITY && x[i] < d.sampling[i].lo() - w) return false;
            if (d.box[i].hi() == Double.POSITIVE_INFINITY && x[i] > d.sampling[i].hi() + w) return false;
        }
        return true;
    }

    /** Rounds coordinates to short decimals where |∇f| does not grow: 0.9999999999 becomes 1. */
    private static double[] polish(CompiledFunction cf, double[] x) {
        int n = x.length;
        double[] g = new double[n];
        cf.valueAndGradient(x, g);
        double best = norm(g);
        for (int digits = 0; digits <= 10; digits++) {   // all coordinates at once: (1e-36, 1e-36) becomes (0, 0)
            double p = Math.pow(10, digits);
            double[] y = new double[n];
            boolean near = true;
            for (int i = 0; i < n; i++) {
                y[i] = Math.rint(x[i] * p) / p + 0.0;
                near &= Math.abs(y[i] - x[i]) <= 1e-7 * Math.max(1, Math.abs(x[i]));
            }
            if (!near) continue;
            double[] gy = new double[n];
            cf.valueAndGradient(y, gy);
            if (norm(gy) <= best) {
                x = y;
                best = norm(gy);
            }
            break;
        }
        for (int i = 0; i < n; i++) {
            for (int digits = 0; digits <= 10; digits++) {
                double p = Math.pow(10, digits);
                double r = Math.rint(x[i] * p) / p;
                if (r == x[i]) break;
                if (Math.abs(r - x[i]) > 1e-7 * Math.max(1, Math.abs(x[i]))) continue;
                double[] y = x.clone();
                y[i] = r;
                double[] gy = new double[n];
                cf.valueAndGradient(y, gy);
                double gn = norm(gy);
                if (gn <= best) {
                    x = y;
                    best = gn;
                    break;
                }
            }
        }
        return x;
    }

    /** The Euclidean distance with each coordinate divided by its sampling width. */
    private static double scaledDistance(double[] a, double[] b, Domain d) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double t = (a[i] - b[i]) / Math.max(d.sampling[i].hi() - d.sampling[i].lo(), 1e-300);
            sum += t * t;
        }
        return Math.sqrt(sum);
    }

    private static boolean close(double[] a, double[] b, Domain d) {
        for (int i = 0; i < a.length; i++) {
            double w = d.sampling[i].hi() - d.sampling[i].lo();
            if (Math.abs(a[i] - b[i]) > 1e-6 * Math.max(w, Math.max(Math.abs(a[i]), 1e-3))) return false;
        }
        return true;
    }

    /** At a degenerate point, compare f on a small sphere around it: a hint beyond the second-derivative test. */
    private static String higherOrder(CompiledFunction cf, Domain d, double[] x) {
        int n = x.length;
        double f0 = cf.value(x);
        Random rnd = new Random(11);
        int above = 0, below = 0;
        for (double r : new double[]{1e-2, 1e-3}) {
            for (int k = 0; k < 20 * n + 2; k++) {
                double[] y = x.clone();
                if (k < 2 * n) y[k / 2] += (k % 2 == 0 ? r : -r);
                else for (int i = 0; i < n; i++) y[i] += r * rnd.nextGaussian() / Math.sqrt(n);
                if (!d.inside(y)) continue;
                double fy = cf.value(y);
                if (fy > f0) above++;
                else if (fy < f0) below++;
            }
        }
        String seen = "nearby values of f are ";
        if (below == 0 && above > 0) return "the second-derivative test cannot tell; " + seen + "all higher: looks like a minimum (sampled, not proved)";
        if (above == 0 && below > 0) return "the second-derivative test cannot tell; " + seen + "all lower: looks like a maximum (sampled, not proved)";
        if (above > 0) return "the second-derivative test cannot tell; " + seen + "higher in some directions and lower in others: an inflection or saddle, not an extremum";
        return "the second-derivative test cannot tell; f looks flat around this point";
    }

    static String fmt(double v) {
        return Numbers.round(v, 8);
    }
}
