package org.gradus.analysis;

import org.apache.commons.math3.fraction.BigFraction;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Cos;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Sin;
import org.gradus.atoms.Tan;
import org.gradus.calculus.PointWalk;
import org.gradus.diff.Differentiator;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Traversal;
import org.gradus.expr.Variable;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stationary points of f of one variable, every one of them: the zeros of f′ on the whole domain (x &gt; 0 for
 * log(x)/x, the line for x³ − 3x, the interval given), found with a proof that there is no other ({@link RootFinder}:
 * exact roots of a polynomial, interval bisection otherwise, tails beyond 10¹² proved free of zeros). The line is cut
 * where f is undefined (1/x + x at 0), and at its kinks and jumps (|x − 1| + |x + 1| at ±1), which must lie at exact
 * points: between two cuts f is one smooth expression, searched on its own, and where its f′ is identically 0 the
 * whole stretch is stationary (f = 2 on [−1, 1]: a flat minimum, {@link FlatStretch}). A kink is stationary only where f
 * is differentiable there with f′ = 0 (max(x, 0)² at 0); the others are listed for the report to say why they are
 * not. Where that cannot be proved — a kink at an irrational point, f′ periodic on an unbounded domain (sin x has
 * infinitely many zeros there), a stretch left unresolved, or f′ only 0 up to rounding somewhere (1 − cos x near 0: a
 * zero, or several, or none) — there is no answer and the search decides.
 */
final class LineStationary {
    /**
     * The zeros of f′ and the kinks of f (increasing), what was searched (for the report's note), for each point the
     * first-derivative test's verdict in words (null where the sign of f′ beside it is not certain, or at a kink),
     * the stretches where f′ is identically 0, and for each point f″ where the program's cannot be taken: at a kink
     * where f′ = 0 the one-sided second derivatives (2 for relu(x)² + relu(−x)² = x², whose program says 0), NaN
     * where they differ (x·|x|: −2 and 2, no f″), null elsewhere.
     */
    record Zeros(List<double[]> points, String note, boolean wholeDomain, List<String> firstDerivativeTests,
                 List<StationaryReport.Stretch> stretches, List<Double> curvatures) {
        Zeros(List<double[]> points, String note, boolean wholeDomain, List<String> firstDerivativeTests) {
            this(points, note, wholeDomain, firstDerivativeTests, List.of(), java.util.Collections.nCopies(points.size(), null));
        }
    }

    /** A point where the line is cut: f undefined there (a pole), or a kink or jump of f at an exact double. */
    record Cut(double at, double from, double to, boolean pole, String text) {
    }

    /** What f is at a kink or jump: differentiable with f′ = 0, differentiable with another slope, or not differentiable. */
    enum Kink { STATIONARY, SLOPED, NOT_DIFFERENTIABLE }

    /** The stretch between two cuts: f there is {@code smooth}, with slope f′ and the zeros of f′; flat where f′ ≡ 0. */
    record Piece(double from, double to, boolean defined, Expr smooth, Expr slope, List<Polynomial.Root> zeros, boolean flat) {
    }

    private LineStationary() {
    }

    /** Every zero of f′ on the domain (or, for a periodic f′ on an unbounded one, on the sampling box), or null. */
    static Zeros of(Expr f, Domain d) {
        if (d.dimension() != 1 || !(d.layout().blocks().get(0) instanceof Variable x)) return null;
        Interval b = d.box[0];
        double lo = d.openLower[0] ? Math.nextUp(b.lo()) : b.lo(), hi = d.openUpper[0] ? Math.nextDown(b.hi()) : b.hi();
        Expr slope = Differentiator.partial(f, x);
        boolean whole = true;
        if ((Double.isInfinite(lo) || Double.isInfinite(hi)) && periodic(slope, x)) {
            lo = d.sampling[0].lo();
            hi = d.sampling[0].hi();
            whole = false;
        }
        CompiledFunction slopeAt = new CompiledFunction(slope, d.layout());
        if (!d.openLower[0]) lo = withoutInfiniteSlope(slopeAt, lo, true);  // sqrt(1 − x²) at ±1: a closed edge where f′
        if (!d.openUpper[0]) hi = withoutInfiniteSlope(slopeAt, hi, false); // has no value is no zero of it
        Expr g = PiecewiseSmooth.expanded(f);
        List<Cut> cuts = cuts(f, g, x, d, lo, hi);
        if (cuts == null) return null;
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i <= cuts.size(); i++) {
            double from = i == 0 ? lo : Math.nextUp(cuts.get(i - 1).to());
            double to = i == cuts.size() ? hi : Math.nextDown(cuts.get(i).from());
            Piece p = piece(f, g, x, d.layout(), from, to);
            if (p == null) return null;
            pieces.add(p);
        }
        List<Kink> kinks = new ArrayList<>();
        for (Cut c : cuts) {
            Kink k = c.pole() ? null : kink(f, x, c.at());
            if (!c.pole() && k == null) return null;
            kinks.add(k);
        }
        List<double[]> points = new ArrayList<>();
        List<String> tests = new ArrayList<>();
        List<Double> curvatures = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            List<Polynomial.Root> roots = p.zeros();
            for (int k = 0; k < roots.size(); k++) {
                double at = roots.get(k).asDouble();
                points.add(new double[]{at});
                curvatures.add(null);
                double left = k == 0 ? p.from() : roots.get(k - 1).asDouble();
                double right = k + 1 == roots.size() ? p.to() : roots.get(k + 1).asDouble();
                tests.add(firstDerivativeTest(d.layout(), p.slope(), p.slope(), MonotonicIntervals.middle(left, at), MonotonicIntervals.middle(at, right)));
            }
            if (i == cuts.size() || kinks.get(i) == null || kinks.get(i) == Kink.SLOPED) continue;
            Piece next = pieces.get(i + 1);
            boolean stationary = kinks.get(i) == Kink.STATIONARY;
            if (stationary && (p.flat() || next.flat())) continue;       // an end of a flat stretch
            points.add(new double[]{cuts.get(i).at()});      // not differentiable: listed, and the report says why f has no f′ there
            boolean sides = stationary && p.defined() && next.defined();
            tests.add(sides ? firstDerivativeTest(d.layout(), p.slope(), next.slope(), beforeKink(p), afterKink(next)) : null);
            curvatures.add(sides ? curvature(d.layout(), x, p.slope(), next.slope(), cuts.get(i).at()) : null);
        }
        List<StationaryReport.Stretch> stretches = new FlatStretch(f, d.layout(), lo, whole && d.openLower[0], hi, whole && d.openUpper[0], cuts, kinks, pieces).all();
        String where = whole ? d.text : "[" + Numbers.round(lo, 6) + ", " + Numbers.round(hi, 6) + "]";
        List<String> poles = undefined(cuts, pieces, lo, hi), kinked = new ArrayList<>();
        for (Cut c : cuts) if (!c.pole()) kinked.add(c.text());
        boolean polynomial = Polynomial.of(slope, x) != null;
        String apart = poles.size() < 2 ? String.join("", poles)
                : String.join(", ", poles.subList(0, poles.size() - 1)) + " and " + poles.get(poles.size() - 1);
        String note = "every zero of f′ on " + where + (poles.isEmpty() ? "" : " (apart from " + apart
                + ", where f is undefined)") + " is listed" + (stretches.isEmpty() ? "" : " (a stretch where f′ is 0 throughout as one interval)")
                + ", with a proof that there is no other ("
                + (polynomial ? "the exact roots of a polynomial" : "interval bisection with rigorous enclosures")
                + (kinked.isEmpty() ? "" : ", on each piece between the kinks or jumps of f at " + String.join(", ", kinked))
                + ")" + (whole ? "" : "; f′ is periodic, so the unbounded line was not searched beyond " + where);
        return new Zeros(points, note, whole, tests, stretches, curvatures);
    }

    /** A finite end of the search where f′ is infinite or undefined, moved one double inside; any other end as it is. */
    private static double withoutInfiniteSlope(CompiledFunction slope, double end, boolean lower) {
        if (!Double.isFinite(end)) return end;
        double value = slope.value(new double[]{end});
        return Double.isFinite(value) ? end : lower ? Math.nextUp(end) : Math.nextDown(end);
    }

    /**
     * Where f has no value, in order: a pole between two pieces where f is defined ({@code 0} for 1/x), and a whole
     * piece where it is undefined, with the cuts that bound it ({@code (-∞, -1]} and {@code [1, ∞)} for log(1 − x²)).
     */
    private static List<String> undefined(List<Cut> cuts, List<Piece> pieces, double lo, double hi) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            if (!pieces.get(i).defined()) {
                int j = i;
                while (j + 1 < pieces.size() && !pieces.get(j + 1).defined()) j++;
                String from = i == 0 ? (Double.isInfinite(lo) ? "(-∞" : "[" + Numbers.round(lo, 6)) : "[" + cuts.get(i - 1).text();
                String to = j == cuts.size() ? (Double.isInfinite(hi) ? "∞)" : Numbers.round(hi, 6) + "]") : cuts.get(j).text() + "]";
                out.add(from + ", " + to);
                i = j;
            } else if (i < cuts.size() && cuts.get(i).pole() && pieces.get(i + 1).defined()) {
                out.add(cuts.get(i).text());
            }
        }
        return out;
    }

    /**
     * Where f is undefined ({@code pole}: 1/x + x at 0, left out with its root's enclosure) or has a kink or jump
     * (|x − 1| at 1), inside [lo, hi], in order; null where a kink lies at a point that is not a double (|x² − 2| at
     * ±√2: f′ there is not decided at a rounded point), which the search decides.
     */
    private static List<Cut> cuts(Expr f, Expr g, Variable x, Domain d, double lo, double hi) {
        List<Cut> cuts = new ArrayList<>();
        for (Expr s : PiecewiseSmooth.switches(g)) {
            RootFinder.Zeros z = RootFinder.of(s, x, lo, hi);
            if (z.identicallyZero() || !z.unresolved().isEmpty() || z.nearZeros() > 0) return null;
            for (Polynomial.Root r : z.roots()) {
                double at = r.asDouble();
                if (!(at > lo && at < hi)) continue;
                double from = r.lo() != null ? Math.min(at, Math.nextDown(r.lo().doubleValue())) : Math.nextDown(at);
                double to = r.hi() != null ? Math.max(at, Math.nextUp(r.hi().doubleValue())) : Math.nextUp(at);
                Interval near = Enclosure.overBox(d.layout(), new Interval[]{new Interval(from, to)}).of(f);
                boolean pole = PointWalk.at(f, d.layout(), new double[]{at}).first(PointWalk.Kind.UNDEFINED) != null
                        || Double.isInfinite(near.lo()) || Double.isInfinite(near.hi()) || Double.isNaN(near.lo());
                String text = MonotonicIntervals.Point.of(r, "break").text();
                if (!pole && !atDouble(r)) return null;
                cuts.add(pole ? new Cut(at, from, to, true, text) : new Cut(at, at, at, false, text));
            }
        }
        cuts.sort((p, q) -> Double.compare(p.at(), q.at()));
        List<Cut> merged = new ArrayList<>();
        for (Cut c : cuts) {
            Cut last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last == null || c.from() > last.to()) {
                merged.add(c);
            } else if (last.pole() || c.pole()) {     // a kink inside a pole's enclosure, or two poles: one cut round both
                merged.set(merged.size() - 1, new Cut(last.at(), Math.min(last.from(), c.from()), Math.max(last.to(), c.to()), true, last.text()));
            }                                         // else the same kink again (abs(x) and max(x, 0) both at 0)
        }
        return merged;
    }

    /** Whether a switch's zero is exactly a double (1, 0.5, the double 0.3 itself): f can be examined at the kink. */
    private static boolean atDouble(Polynomial.Root r) {
        if (r.exact() != null) return r.exact().equals(new BigFraction(r.asDouble()));
        return r.lo() != null && r.lo().equals(r.hi());
    }

    /**
     * The stretch (from, to) between two cuts: f there as one smooth expression (each sign and step fixed at its
     * value inside), the zeros of its slope, or flat where the slope is identically 0; null where the zeros are not
     * proved.
     */
    private static Piece piece(Expr f, Expr g, Variable x, Layout layout, double from, double to) {
        double mid = MonotonicIntervals.middle(from, to);
        if (!(from <= to) || PointWalk.at(f, layout, new double[]{mid}).first(PointWalk.Kind.UNDEFINED) != null) {
            return new Piece(from, to, false, null, null, List.of(), false);
        }
        Expr smooth = PiecewiseSmooth.specialized(g, layout, mid);
        Expr slope = Differentiator.partial(smooth, x);
        RootFinder.Zeros z = RootFinder.of(slope, x, from, to);
        if (z.identicallyZero()) return new Piece(from, to, true, smooth, slope, List.of(), true);
        if (!z.unresolved().isEmpty() || z.nearZeros() > 0) return null;
        return new Piece(from, to, true, smooth, slope, z.roots(), false);
    }

    /**
     * Whether f is differentiable at a kink or jump, and its slope there exactly 0 (max(x, 0)² at 0); null where
     * differentiability is not decided.
     */
    private static Kink kink(Expr f, Variable x, double at) {
        DifferentiabilityReport r = Differentiability.check(f, Map.of(x.name(), at));
        if (r.differentiable() == null) return null;
        if (!r.differentiable()) return Kink.NOT_DIFFERENTIABLE;
        Object g = r.fields().get("gradient");
        return g instanceof Map<?, ?> m && m.get(x.name()) instanceof Number v && v.doubleValue() == 0 ? Kink.STATIONARY : Kink.SLOPED;
    }

    /** f″ at a kink from the two pieces' second derivatives there: their common value, or NaN where they differ. */
    private static double curvature(Layout layout, Variable x, Expr leftSlope, Expr rightSlope, double at) {
        double[] p = {at};
        double left = org.gradus.eval.Program.compile(Differentiator.partial(leftSlope, x), layout).value(p);
        double right = org.gradus.eval.Program.compile(Differentiator.partial(rightSlope, x), layout).value(p);
        return Double.isFinite(left) && left == right ? left : Double.NaN;
    }

    /** A point of p before its kink at p.to(): past p's last zero of f′, so f′ has one sign from there to the kink. */
    static double beforeKink(Piece p) {
        double last = p.zeros().isEmpty() ? p.from() : p.zeros().get(p.zeros().size() - 1).asDouble();
        return MonotonicIntervals.middle(last, p.to());
    }

    /** A point of p after its kink at p.from(): before p's first zero of f′. */
    static double afterKink(Piece p) {
        double first = p.zeros().isEmpty() ? p.to() : p.zeros().get(0).asDouble();
        return MonotonicIntervals.middle(p.from(), first);
    }

    /**
     * The first-derivative test at a zero of f′ with no other zero of f′ between it and {@code left} or
     * {@code right}: f′ has one sign on each side up to them, read there with a rigorous enclosure (of the left
     * piece's slope on the left and the right one's on the right, which differ at a kink).
     */
    private static String firstDerivativeTest(Layout layout, Expr leftSlope, Expr rightSlope, double left, double right) {
        int sl = sign(Enclosure.atPoint(layout, new double[]{left}).of(leftSlope));
        int sr = sign(Enclosure.atPoint(layout, new double[]{right}).of(rightSlope));
        if (sl == 0 || sr == 0) return null;
        String signs = "f′ " + (sl > 0 ? "> 0" : "< 0") + " on the left (at " + Numbers.round(left, 6) + ") and "
                + (sl == sr ? "on the right too" : (sr > 0 ? "> 0" : "< 0") + " on the right") + " (at " + Numbers.round(right, 6)
                + "), with no other zero of f′ between";
        if (sl == sr) {
            return signs + ": f " + (sl > 0 ? "increases" : "decreases") + " through the point, so it is not an extremum (an inflection)";
        }
        return signs + ": a strict local " + (sl < 0 ? "minimum" : "maximum");
    }

    /** 1 or −1 where an enclosure excludes 0, else 0. */
    static int sign(Interval v) {
        return v.lo() > 0 ? 1 : v.hi() < 0 ? -1 : 0;
    }

    private static boolean periodic(Expr slope, Variable x) {
        for (Expr node : Traversal.postOrder(slope)) {
            if (node instanceof Apply a && (a.atom() instanceof Sin || a.atom() instanceof Cos || a.atom() instanceof Tan)
                    && Traversal.contains(a.arg(0), x)) return true;
        }
        return false;
    }
}
