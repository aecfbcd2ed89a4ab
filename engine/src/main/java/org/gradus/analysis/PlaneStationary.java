package org.gradus.analysis;

import org.gradus.atoms.Interval;
import org.gradus.diff.Differentiator;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Variable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The stationary points of a polynomial f(x, y), every one of them, with a proof that there is no other: the x of
 * each common zero of f_x and f_y is a real root of their resultant in y, its y a root of their resultant in x
 * ({@link BivariatePolynomial}); each pair of roots is then a stationary point or not, decided exactly when both
 * are rational (x³ − 3x + y²: (±1, 0)) and otherwise by interval arithmetic — a box about the pair where f_x or
 * f_y has no zero rules it out; Krawczyk's interval Newton test on a box holding no other pair proves exactly one
 * zero there (x⁴ − 2x² + y² − 2y: (±1, 1) and (0, 1)). Where a resultant vanishes identically (f_x and f_y share
 * a factor: a curve of stationary points, as for (x − y)²) or a pair is left undecided (a degenerate point at an
 * irrational place), there is no answer and the search decides.
 */
final class PlaneStationary {
    private static final int MAX_DEGREE = 6;

    private PlaneStationary() {
    }

    /** Every stationary point of f on the domain's box, or null. */
    static LineStationary.Zeros of(Expr f, Domain d) {
        if (d.dimension() != 2 || !(d.layout().blocks().get(0) instanceof Variable x)
                || !(d.layout().blocks().size() == 2 && d.layout().blocks().get(1) instanceof Variable y)) return null;
        Expr fx = Differentiator.partial(f, x), fy = Differentiator.partial(f, y);
        BivariatePolynomial polynomial = BivariatePolynomial.of(f, x, y);
        // degree ≤ 6: the resultants then have degree ≤ 25 and the exact arithmetic stays within a second
        if (polynomial == null || polynomial.totalDegree() > MAX_DEGREE) return null;
        BivariatePolynomial p = BivariatePolynomial.of(fx, x, y), q = BivariatePolynomial.of(fy, x, y);
        if (p == null || q == null) return null;
        if (p.isZero() && q.isZero()) return null;                          // f constant: handled before
        boolean plane = d.box[0].lo() == Double.NEGATIVE_INFINITY && d.box[0].hi() == Double.POSITIVE_INFINITY
                && d.box[1].lo() == Double.NEGATIVE_INFINITY && d.box[1].hi() == Double.POSITIVE_INFINITY;
        String where = plane ? "in the plane" : "on the box";
        for (Expr partial : new Expr[]{fx, fy}) {
            if (partial instanceof org.gradus.expr.Constant k && k.value() != 0) {      // x + y: ∇f = (1, 1) is never 0
                return new LineStationary.Zeros(List.of(), "there is none " + where + ": " + (partial == fx ? "f_" + x.name() : "f_" + y.name())
                        + " = " + org.gradus.print.Numbers.format(k.value()) + " everywhere", plane, List.of());
            }
        }
        List<Polynomial.Root> xs, ys;
        try {
            Polynomial rx = BivariatePolynomial.resultantInY(p, q), ry = BivariatePolynomial.resultantInY(p.swapped(), q.swapped());
            if (rx == null || ry == null || rx.isZero() || ry.isZero()) return null;
            xs = rx.roots(d.box[0].lo(), d.box[0].hi());
            ys = ry.roots(d.box[1].lo(), d.box[1].hi());
        } catch (ArithmeticException | IllegalStateException tooHard) {
            return null;
        }
        Layout layout = d.layout();
        List<double[]> points = new ArrayList<>();
        for (Polynomial.Root a : xs) {
            for (Polynomial.Root b : ys) {
                Boolean stationary = decide(p, q, fx, fy, layout, a, b, xs, ys);
                if (stationary == null) return null;
                if (stationary) points.add(new double[]{a.asDouble(), b.asDouble()});
            }
        }
        if (xs.isEmpty() || ys.isEmpty()) {
            return new LineStationary.Zeros(List.of(), "there is none " + where + ", proved: the resultant of f_" + x.name() + " and f_" + y.name()
                    + " in " + (xs.isEmpty() ? y.name() : x.name()) + ", which vanishes at the " + (xs.isEmpty() ? x.name() : y.name())
                    + " of every solution, has no real root there", plane, List.of());
        }
        String note = "every solution of ∇f = 0 " + where + " is listed, with a proof that there is no other: "
                + "its " + x.name() + " is a real root of the resultant of f_" + x.name() + " and f_" + y.name() + " in " + y.name()
                + " (" + xs.size() + " of them), its " + y.name() + " one of the resultant in " + x.name() + " (" + ys.size() + "), and "
                + (xs.size() * ys.size() == 1 ? "the one pair was" : "each of the " + xs.size() * ys.size() + " pairs was")
                + " checked (exactly, or by interval Newton)";
        return new LineStationary.Zeros(points, note, plane, new ArrayList<>(Collections.nCopies(points.size(), (String) null)));
    }

    /** Whether (a, b) is a zero of both partials: true, false, or null when neither can be proved. */
    private static Boolean decide(BivariatePolynomial p, BivariatePolynomial q, Expr fx, Expr fy, Layout layout,
                                  Polynomial.Root a, Polynomial.Root b, List<Polynomial.Root> xs, List<Polynomial.Root> ys) {
        if (a.exact() != null && b.exact() != null) {
            return p.at(a.exact(), b.exact()).getNumerator().signum() == 0 && q.at(a.exact(), b.exact()).getNumerator().signum() == 0;
        }
        Interval[] tight = {around(a), around(b)};
        Enclosure e = Enclosure.overBox(layout, tight);
        if (!e.of(fx).contains(0) || !e.of(fy).contains(0)) return false;
        // a box 10⁻⁸ wide about the pair, holding no other pair of roots, where Krawczyk's test proves one zero
        double ra = 1e-8 * Math.max(1, Math.abs(a.asDouble())), rb = 1e-8 * Math.max(1, Math.abs(b.asDouble()));
        Interval[] box = {new Interval(a.asDouble() - ra, a.asDouble() + ra), new Interval(b.asDouble() - rb, b.asDouble() + rb)};
        for (Polynomial.Root o : xs) if (o != a && box[0].contains(o.asDouble())) return null;
        for (Polynomial.Root o : ys) if (o != b && box[1].contains(o.asDouble())) return null;
        return Krawczyk.provesZero(new Expr[]{fx, fy}, layout, box) ? true : null;
    }

    /** The root's isolating interval, outward to doubles. */
    private static Interval around(Polynomial.Root r) {
        return new Interval(Math.nextDown(r.lo().doubleValue()), Math.nextUp(r.hi().doubleValue()));
    }
}
