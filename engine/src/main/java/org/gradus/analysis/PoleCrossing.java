package org.gradus.analysis;

import org.gradus.atoms.Apply;
import org.gradus.atoms.Divide;
import org.gradus.expr.Expr;
import org.gradus.expr.Traversal;
import org.gradus.expr.Variable;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a counterexample secant of a function of one variable crosses a pole — a zero of a denominator, where f
 * is undefined (1/(1 − x) at 1). Such a secant is a fair counterexample (a convex function needs a convex domain, and
 * x ≠ 1 is not one), but a learner should hear why, and that each side of the pole may be convex or concave on its own.
 */
final class PoleCrossing {
    private PoleCrossing() {
    }

    /** The note for a secant from a to b across a pole of f, or null when it crosses none (or f has several variables). */
    static String note(Expr f, Domain d, Secant s) {
        if (s == null || d.dimension() != 1 || !(d.layout().blocks().get(0) instanceof Variable x)) return null;
        double lo = Math.min(s.a()[0], s.b()[0]), hi = Math.max(s.a()[0], s.b()[0]);
        List<Expr> denominators = new ArrayList<>();
        Traversal.forEachNode(f, e -> {
            if (e instanceof Apply a && a.atom() instanceof Divide && Traversal.contains(a.arg(1), x)) denominators.add(a.arg(1));
        });
        for (Expr den : denominators) {
            RootFinder.Zeros z = RootFinder.of(den, x, lo, hi);
            for (Polynomial.Root r : z.roots()) {
                double pole = r.asDouble();
                if (!(pole > lo && pole < hi)) continue;
                String at = MonotonicIntervals.Point.of(r, "pole").text();
                double left = Math.min(d.sampling[0].lo(), pole - 1), right = pole - 0.1;
                return "the secant from x = " + Numbers.round(s.a()[0], 6) + " to x = " + Numbers.round(s.b()[0], 6) + " crosses x = " + at
                        + ", where f is undefined: its domain is not one interval, and a convex (or concave) function needs one; each side "
                        + "of " + at + " may be convex or concave on its own: ask with over:, as over: [x: " + Numbers.round(left, 6) + ".."
                        + Numbers.round(right, 6) + "]";
            }
        }
        return null;
    }
}
