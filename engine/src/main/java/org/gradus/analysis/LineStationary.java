package org.gradus.analysis;

import org.gradus.atoms.Apply;
import org.gradus.atoms.Cos;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Sin;
import org.gradus.atoms.Tan;
import org.gradus.calculus.PointWalk;
import org.gradus.diff.Differentiator;
import org.gradus.expr.Expr;
import org.gradus.expr.Traversal;
import org.gradus.expr.Variable;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.List;

/**
 * The stationary points of a smooth f of one variable, every one of them: the zeros of f′ on the whole domain
 * (x &gt; 0 for log(x)/x, the line for x³ − 3x, the interval given), found with a proof that there is no other
 * ({@link RootFinder}: exact roots of a polynomial, interval bisection otherwise, tails beyond 10¹² proved free
 * of zeros), on each side of a point where f is undefined (1/x + x at 0). Where that cannot be proved — f has a kink
 * or a jump, f′ is periodic on an unbounded domain (sin x has infinitely many zeros there), a stretch is left
 * unresolved, or f′ is only 0 up to rounding somewhere (1 − cos x near 0: a zero, or several, or none) — there is
 * no answer and the search decides.
 */
final class LineStationary {
    /**
     * The zeros of f′ (increasing), what was searched (for the report's note), and for each zero the first-derivative
     * test's verdict in words, or null where the sign of f′ beside it is not certain.
     */
    record Zeros(List<double[]> points, String note, boolean wholeDomain, List<String> firstDerivativeTests) {
    }

    private LineStationary() {
    }

    /** Every zero of f′ on the domain (or, for a periodic f′ on an unbounded one, on the sampling box), or null. */
    static Zeros of(Expr f, Domain d) {
        if (d.dimension() != 1 || !(d.layout().blocks().get(0) instanceof Variable x)) return null;
        Interval b = d.box[0];
        double lo = d.openLower[0] ? Math.nextUp(b.lo()) : b.lo(), hi = b.hi();
        Expr slope = Differentiator.partial(f, x);
        boolean whole = true;
        if ((Double.isInfinite(lo) || Double.isInfinite(hi)) && periodic(slope, x)) {
            lo = d.sampling[0].lo();
            hi = d.sampling[0].hi();
            whole = false;
        }
        List<double[]> pieces = pieces(f, x, d, lo, hi);
        if (pieces == null) return null;
        List<double[]> points = new ArrayList<>();
        List<String> tests = new ArrayList<>();
        boolean polynomial = Polynomial.of(slope, x) != null;
        for (double[] piece : pieces) {
            // every kink, pole and domain edge of f is a zero of one of its switches, and each is a cut: f is smooth
            // on each piece, or undefined on all of it (log(-x) for x > 0), which one point tells
            if (PointWalk.at(f, d.layout(), new double[]{MonotonicIntervals.middle(piece[0], piece[1])}).first(PointWalk.Kind.UNDEFINED) != null) continue;
            RootFinder.Zeros z = RootFinder.of(slope, x, piece[0], piece[1]);
            if (z.identicallyZero() || !z.unresolved().isEmpty() || z.nearZeros() > 0) return null;
            List<Polynomial.Root> roots = z.roots();
            for (int i = 0; i < roots.size(); i++) {
                double at = roots.get(i).asDouble();
                points.add(new double[]{at});
                double left = i == 0 ? piece[0] : roots.get(i - 1).asDouble();
                double right = i + 1 == roots.size() ? piece[1] : roots.get(i + 1).asDouble();
                tests.add(firstDerivativeTest(slope, d, MonotonicIntervals.middle(left, at), MonotonicIntervals.middle(at, right)));
            }
        }
        String where = whole ? d.text : "[" + Numbers.round(lo, 6) + ", " + Numbers.round(hi, 6) + "]";
        List<String> poles = new ArrayList<>();
        for (int i = 1; i < pieces.size(); i++) poles.add(Numbers.round(0.5 * (pieces.get(i - 1)[1] + pieces.get(i)[0]), 8));
        String note = "every zero of f′ on " + where + (poles.isEmpty() ? "" : " (apart from " + String.join(", ", poles)
                + ", where f is undefined)") + " is listed, with a proof that there is no other ("
                + (polynomial ? "the exact roots of a polynomial" : "interval bisection with rigorous enclosures")
                + ")" + (whole ? "" : "; f′ is periodic, so the unbounded line was not searched beyond " + where);
        return new Zeros(points, note, whole, tests);
    }

    /**
     * [lo, hi] cut where f is undefined inside it (1/x + x at 0, a pole), each cut left out with its root's enclosure;
     * null where f has a kink or jump inside (abs(x) + x² at 0: defined there, not smooth), which the search decides.
     */
    private static List<double[]> pieces(Expr f, Variable x, Domain d, double lo, double hi) {
        List<double[]> cuts = new ArrayList<>();
        for (Expr s : MonotonicIntervals.switches(MonotonicIntervals.expanded(f))) {
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
                if (!pole) return null;
                cuts.add(new double[]{from, to});
            }
        }
        cuts.sort((p, q) -> Double.compare(p[0], q[0]));
        List<double[]> pieces = new ArrayList<>();
        double start = lo;
        for (double[] c : cuts) {
            if (c[0] <= start) {
                start = Math.max(start, Math.nextUp(c[1]));
                continue;
            }
            pieces.add(new double[]{start, Math.nextDown(c[0])});
            start = Math.nextUp(c[1]);
        }
        if (start <= hi) pieces.add(new double[]{start, hi});
        return pieces;
    }

    /**
     * The first-derivative test at a zero of f′ whose neighbouring zeros (or the piece's ends) lie beyond {@code left}
     * and {@code right}: f′ has one sign on each side up to them, read there with a rigorous enclosure.
     */
    private static String firstDerivativeTest(Expr slope, Domain d, double left, double right) {
        int sl = sign(Enclosure.atPoint(d.layout(), new double[]{left}).of(slope));
        int sr = sign(Enclosure.atPoint(d.layout(), new double[]{right}).of(slope));
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
    private static int sign(Interval v) {
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
