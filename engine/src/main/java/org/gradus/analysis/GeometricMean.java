package org.gradus.analysis;

import org.gradus.atoms.Apply;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Power;
import org.gradus.atoms.Sqrt;
import org.gradus.expr.Constant;
import org.gradus.expr.Dependence;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.Variable;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * c·Π uᵢ^aᵢ with every aᵢ &gt; 0 and Σ aᵢ ≤ 1 — a weighted geometric mean (CVXPY's {@code geo_mean}, the
 * Cobb–Douglas function): concave and nondecreasing in each uᵢ on the nonnegative orthant (Boyd and Vandenberghe,
 * <i>Convex Optimization</i>, §3.1.5), so concave of concave or affine uᵢ ≥ 0, and convex with a negative c.
 * {@code sqrt(x*y)}, {@code x**0.5*y**0.5}, {@code (x*y*z)**(1/3)}, {@code x**0.3*y**0.7}. The rule for products
 * cannot see it (two factors depend on the variables), nor the rule for sqrt (x·y is neither convex nor concave).
 *
 * @param bases  the uᵢ, each depending on the variables
 * @param powers the aᵢ
 * @param scale  c, the product of the constant factors
 */
record GeometricMean(List<Expr> bases, List<Double> powers, double scale) {

    /** The form of f when it is a product, square root or power that reads as c·Π uᵢ^aᵢ of two or more uᵢ with Σ aᵢ ≤ 1. */
    static GeometricMean of(Expr f) {
        if (!(f instanceof Apply a) || !(a.atom() instanceof Multiply || a.atom() instanceof Sqrt || a.atom() instanceof Power)) return null;
        Map<Expr, Double> powers = new LinkedHashMap<>();
        double[] scale = {1};
        if (!read(f, 1, powers, scale) || powers.size() < 2 || !(scale[0] != 0) || !Double.isFinite(scale[0])) return null;
        double sum = 0;
        for (double p : powers.values()) {
            if (!(p > 0)) return null;
            sum += p;
        }
        if (sum > 1 + 1e-12) return null;
        return new GeometricMean(new ArrayList<>(powers.keySet()), new ArrayList<>(powers.values()), scale[0]);
    }

    /** Reads e^w as constant and base powers; false for data (a scale of unknown sign) or a constant to a power it cannot take. */
    private static boolean read(Expr e, double w, Map<Expr, Double> powers, double[] scale) {
        if (e instanceof Constant k) {
            if (k.value() < 0 && w != 1) return false;
            scale[0] *= Math.pow(k.value(), w);
            return true;
        }
        if (!Dependence.dependsOnVariables(e)) return false;
        if (e instanceof Apply a && a.atom() instanceof Multiply) {
            for (Expr f : a.args()) if (!read(f, w, powers, scale)) return false;
            return true;
        }
        if (e instanceof Apply a && a.atom() instanceof Sqrt) return read(a.arg(0), w * 0.5, powers, scale);
        if (e instanceof Apply a && a.atom() instanceof Power && a.arg(1) instanceof Constant p) return read(a.arg(0), w * p.value(), powers, scale);
        powers.merge(e, w, Double::sum);
        return true;
    }

    /** Its words in a proof: f, the form, and what the rule needs of the uᵢ. */
    String describe(Expr f) {
        List<String> factors = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < bases.size(); i++) {
            Expr u = bases.get(i);
            String base = u instanceof Variable || u instanceof Element ? Dcp.show(u) : "(" + Dcp.show(u) + ")";
            factors.add(base + "^" + Numbers.round(powers.get(i), 4));
            sum += powers.get(i);
        }
        String times = scale == 1 ? "" : Numbers.format(scale) + " times ";
        return Dcp.show(f) + " is " + times + "the weighted geometric mean " + String.join("·", factors) + " (powers summing to "
                + Numbers.round(sum, 4) + " ≤ 1), concave and nondecreasing in each factor where all are ≥ 0; here every factor is ≥ 0 and "
                + "concave or affine" + (scale < 0 ? ", and the negative multiple makes it convex" : "");
    }
}
