package org.gradus.analysis;

import org.apache.commons.math3.fraction.BigFraction;
import org.gradus.atoms.Add;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Power;
import org.gradus.atoms.Sqrt;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.SumOver;
import org.gradus.expr.Variable;
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
 * @param identity where the squares were completed from a quadratic, the identity that shows it ("x**2 + 2*x*y +
 *                 2*y**2 = (x + y)**2 + y**2"); null where they are written
 */
record EuclideanNorm(List<Expr> bases, List<Double> weights, List<String> indices, double constant, double exponent, String identity) {

    /** The form of f when f is √(c + Σ aᵢ·uᵢ²) or (c + Σ aᵢ·uᵢ²)**(p/2) with 1 ≤ p &lt; 2; null otherwise. */
    static EuclideanNorm of(Expr f) {
        if (!(f instanceof Apply a)) return null;
        double exponent;
        if (a.atom() instanceof Sqrt) exponent = 1;
        else if (a.atom() instanceof Power && a.arg(1) instanceof Constant k && k.value() >= 0.5 && k.value() < 1) exponent = 2 * k.value();
        else return null;
        EuclideanNorm written = squares(a.arg(0), exponent);
        return written != null ? written : completed(a.arg(0), exponent);
    }

    /** c + Σ aᵢ·uᵢ² as written: constants, weighted squares, and sums (or data means) of weighted squares. */
    private static EuclideanNorm squares(Expr inside, double exponent) {
        List<Expr> bases = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<String> indices = new ArrayList<>();
        double constant = 0;
        for (Expr t : inside instanceof Apply s && s.atom() instanceof Add ? s.args() : List.of(inside)) {
            if (t instanceof Constant c) {
                if (!(c.value() >= 0)) return null;
                constant += c.value();
                continue;
            }
            double weight = weight(t);
            Expr square = unweighted(t);
            String index = "";
            if (square instanceof SumOver sum) {        // Σᵢ aᵢ·uᵢ², or a mean over the rows: (1/n)·Σ
                index = " for each " + sum.index().name();
                weight *= weight(sum.body());
                square = unweighted(sum.body());
            }
            if (!(weight > 0) || !Double.isFinite(weight)) return null;
            if (!(square instanceof Apply p && p.atom() instanceof Power && p.arg(1) instanceof Constant two && two.value() == 2)) return null;
            bases.add(p.arg(0));
            weights.add(weight);
            indices.add(index);
        }
        return bases.isEmpty() ? null : new EuclideanNorm(List.copyOf(bases), List.copyOf(weights), List.copyOf(indices), constant, exponent, null);
    }

    private static double weight(Expr t) {
        return t instanceof Apply m && m.atom() instanceof Multiply && m.args().size() == 2 && m.arg(0) instanceof Constant w ? w.value() : 1;
    }

    private static Expr unweighted(Expr t) {
        return t instanceof Apply m && m.atom() instanceof Multiply && m.args().size() == 2 && m.arg(0) instanceof Constant ? m.arg(1) : t;
    }

    /**
     * A quadratic in scalar variables that is ≥ 0 everywhere, its squares completed exactly ({@link QuadraticForm}):
     * x² + 2xy + 2y² = (x + y)² + y², x² − 2x + 2 = (x − 1)² + 1. Null where the quadratic is negative somewhere
     * (x² + 4xy + y²), where √ of it is not convex on the whole space.
     */
    private static EuclideanNorm completed(Expr inside, double exponent) {
        QuadraticForm q = QuadraticForm.of(inside);
        QuadraticForm.Squares s = q == null ? null : q.squares();
        if (s == null) return null;
        List<Expr> bases = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        double constant = 0;
        int n = s.variables().size();
        for (int k = 0; k < s.weights().size(); k++) {
            BigFraction[] row = s.rows().get(k);
            double d = s.weights().get(k).doubleValue();
            boolean constantOnly = true;
            for (int j = 0; j < n; j++) constantOnly &= row[j].equals(BigFraction.ZERO);
            if (constantOnly) {
                constant += s.weights().get(k).multiply(row[n]).multiply(row[n]).doubleValue();
                continue;
            }
            Expr u = QuadraticForm.affine(s.variables(), row);
            bases.add(u);
            weights.add(d);
            terms.add((d == 1 ? "" : Numbers.format(d) + "*") + (u instanceof Variable ? u + "**2" : "(" + u + ")**2"));
        }
        if (bases.isEmpty()) return null;
        if (constant > 0) terms.add(Numbers.format(constant));
        List<String> none = java.util.Collections.nCopies(bases.size(), "");
        String identity = Dcp.show(inside) + " = " + String.join(" + ", terms);
        return new EuclideanNorm(List.copyOf(bases), List.copyOf(weights), none, constant, exponent, identity);
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
            Expr base = bases.get(i);
            String factor = base instanceof Variable || base instanceof Constant ? u : "(" + u + ")";
            parts.add((weights.get(i) == 1 ? u : root(weights.get(i)) + "·" + factor) + indices.get(i));
        }
        if (constant > 0) parts.add(root(constant));
        String power = exponent == 1 ? "" : " to the power " + Numbers.format(exponent) + " (≥ 1, so convex and increasing in the norm)";
        return Dcp.show(f) + " is the Euclidean norm ‖(" + String.join(", ", parts) + ")‖₂" + power
                + (identity == null ? "" : " (" + identity + ", the squares completed exactly)")
                + ", a norm of an affine map, which is convex";
    }
}
