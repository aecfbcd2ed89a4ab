package org.gradus.analysis;

import org.gradus.atoms.Add;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Power;
import org.gradus.atoms.Sqrt;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.SumOver;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.List;

/**
 * √(c + a₁·u₁² + … + aₖ·uₖ²) with constants c ≥ 0 and aᵢ &gt; 0 (a sum over i of such squares among the terms) is the
 * Euclidean norm ‖(√a₁·u₁, …, √aₖ·uₖ, √c)‖₂: convex where every uᵢ is affine (a norm of an affine map; Boyd and
 * Vandenberghe, <i>Convex Optimization</i>, §3.1.5 and §3.2.2) — the distance √(x² + y²), the smoothed absolute value
 * √(1 + x²), the Euclidean norm of a vector written out. The composition rules alone cannot see it (sqrt is concave
 * and its argument convex); CVXPY wants it written {@code norm(…, 2)}. Raised to a power p/2 with p ≥ 1 it is the
 * norm to the p, convex too ((x² + y²)**0.75).
 *
 * @param bases    the uᵢ under the squares (a sum's body where a term sums over an index)
 * @param weights  aᵢ, beside each base
 * @param indices  " for each i" beside a base summed over i, "" beside the others
 * @param constant c
 * @param exponent p: the norm to this power (1 for the square root)
 */
record EuclideanNorm(List<Expr> bases, List<Double> weights, List<String> indices, double constant, double exponent) {

    /** The form of f when f is √(c + Σ aᵢ·uᵢ²) or (c + Σ aᵢ·uᵢ²)**(p/2) with 1 ≤ p &lt; 2; null otherwise. */
    static EuclideanNorm of(Expr f) {
        if (!(f instanceof Apply a)) return null;
        double exponent;
        if (a.atom() instanceof Sqrt) exponent = 1;
        else if (a.atom() instanceof Power && a.arg(1) instanceof Constant k && k.value() >= 0.5 && k.value() < 1) exponent = 2 * k.value();
        else return null;
        List<Expr> bases = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<String> indices = new ArrayList<>();
        double constant = 0;
        Expr inside = a.arg(0);
        for (Expr t : inside instanceof Apply s && s.atom() instanceof Add ? s.args() : List.of(inside)) {
            if (t instanceof Constant c) {
                if (!(c.value() >= 0)) return null;
                constant += c.value();
                continue;
            }
            Expr square = t instanceof SumOver sum ? sum.body() : t;
            indices.add(t instanceof SumOver sum ? " for each " + sum.index().name() : "");
            double weight = 1;
            if (square instanceof Apply m && m.atom() instanceof Multiply && m.args().size() == 2 && m.arg(0) instanceof Constant w) {
                weight = w.value();
                square = m.arg(1);
            }
            if (!(weight > 0) || !Double.isFinite(weight)) return null;
            if (!(square instanceof Apply p && p.atom() instanceof Power && p.arg(1) instanceof Constant two && two.value() == 2)) return null;
            bases.add(p.arg(0));
            weights.add(weight);
        }
        return bases.isEmpty() ? null : new EuclideanNorm(List.copyOf(bases), List.copyOf(weights), List.copyOf(indices), constant, exponent);
    }

    /** √a as a number where it is one exactly (√4 = 2), else √a. */
    private static String root(double a) {
        double r = Math.sqrt(a);
        return r * r == a ? Numbers.format(r) : "√" + Numbers.format(a);
    }

    /** Its words in a proof. */
    String describe(Expr f) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < bases.size(); i++) {
            String u = Dcp.show(bases.get(i));
            parts.add((weights.get(i) == 1 ? u : root(weights.get(i)) + "·(" + u + ")") + indices.get(i));
        }
        if (constant > 0) parts.add(root(constant));
        String power = exponent == 1 ? "" : " to the power " + Numbers.format(exponent) + " (≥ 1, so convex and increasing in the norm)";
        return Dcp.show(f) + " is the Euclidean norm ‖(" + String.join(", ", parts) + ")‖₂" + power
                + ", a norm of an affine map, which is convex";
    }
}
