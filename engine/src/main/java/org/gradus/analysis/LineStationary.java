package org.gradus.analysis;

import org.gradus.atoms.Apply;
import org.gradus.atoms.Cos;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Sin;
import org.gradus.atoms.Tan;
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
 * of zeros). Where that cannot be proved — f is not smooth on the domain, f′ is periodic on an unbounded one
 * (sin x has infinitely many), or a stretch is left unresolved — there is no answer and the search decides.
 */
final class LineStationary {
    /** The zeros of f′ (increasing) and what was searched, for the report's note. */
    record Zeros(List<double[]> points, String note, boolean wholeDomain) {
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
        Enclosure smooth = Enclosure.overBox(d.layout(), new Interval[]{new Interval(lo, hi)});
        smooth.of(f);
        if (!smooth.smooth()) return null;
        RootFinder.Zeros z = RootFinder.of(slope, x, lo, hi);
        if (z.identicallyZero() || !z.unresolved().isEmpty()) return null;
        List<double[]> points = new ArrayList<>();
        for (Polynomial.Root r : z.roots()) points.add(new double[]{r.asDouble()});
        String where = whole ? d.text : "[" + Numbers.round(lo, 6) + ", " + Numbers.round(hi, 6) + "]";
        String note = "every zero of f′ on " + where + " is listed, with a proof that there is no other ("
                + (Polynomial.of(slope, x) != null ? "the exact roots of a polynomial" : "interval bisection with rigorous enclosures")
                + ")" + (whole ? "" : "; f′ is periodic, so the unbounded line was not searched beyond " + where);
        return new Zeros(points, note, whole);
    }

    private static boolean periodic(Expr slope, Variable x) {
        for (Expr node : Traversal.postOrder(slope)) {
            if (node instanceof Apply a && (a.atom() instanceof Sin || a.atom() instanceof Cos || a.atom() instanceof Tan)
                    && Traversal.contains(a.arg(0), x)) return true;
        }
        return false;
    }
}
