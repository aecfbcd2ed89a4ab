package org.gradus.analysis;

import org.gradus.atoms.Apply;
import org.gradus.atoms.Divide;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Ops;
import org.gradus.atoms.Power;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Traversal;
import org.gradus.expr.Variable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The factors every term of a sum shares, taken out: exp(−x) − x·exp(−x) = exp(−x)·(1 − x), and the derivative
 * of log(x)²/x, 2·(1/x)²·log(x) − log(x)²/x², is log(x)·(2 − log(x)) over the common denominator x². Each term is
 * read as c·Π uᵢ^eᵢ (products, quotients, integer powers of those, and any power of a factor); a factor u that
 * every term has to a power of one sign is taken out to the smallest: a positive power is a factor whose zeros
 * are the sum's, a negative one a common denominator (finite and nonzero wherever the sum is defined). What is
 * left is far easier to enclose: 2 − log(x) is −25.6 or less on [10¹², ∞), where the sum's own enclosure holds 0.
 * A factor whose powers cancel within a term goes too (x·(1/x) = 1 wherever the sum is defined).
 */
final class SharedFactors {
    /** The shared factors with a positive power (zeros of the sum) and the sum of what is left of the terms. */
    record Split(List<Expr> factors, Expr rest) {
    }

    private SharedFactors() {
    }

    /**
     * The split of a sum, or null when its terms share no factor that depends on x and no term simplifies: log(x) +
     * x·(1/x) has no shared factor, but its rest is log(x) + 1, whose enclosure near 0 is not ∞·0.
     */
    static Split of(Apply sum, Variable x) {
        List<Map<Expr, Double>> terms = new ArrayList<>();
        List<Double> constants = new ArrayList<>();
        boolean cancels = false;     // x*(1/x) in the derivative of x*log(x): a factor whose powers cancel within a term
        for (Expr term : sum.args()) {
            Map<Expr, Double> powers = new LinkedHashMap<>();
            double[] c = {1};
            if (!read(term, 1, powers, c)) return null;
            cancels |= powers.containsValue(0.0);
            terms.add(powers);
            constants.add(c[0]);
        }
        Map<Expr, Double> shared = new LinkedHashMap<>();
        for (Map.Entry<Expr, Double> e : terms.get(0).entrySet()) {
            if (e.getValue() == 0 || !Traversal.contains(e.getKey(), x)) continue;
            double sign = Math.signum(e.getValue()), p = Math.abs(e.getValue());
            for (Map<Expr, Double> t : terms) p = Math.min(p, sign * t.getOrDefault(e.getKey(), 0.0));
            if (p > 0) shared.put(e.getKey(), sign * p);
        }
        if (shared.isEmpty() && !cancels) return null;
        List<Expr> rests = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            List<Expr> factors = new ArrayList<>();
            factors.add(Constant.of(constants.get(i)));
            for (Map.Entry<Expr, Double> e : terms.get(i).entrySet()) {
                factors.add(Ops.pow(e.getKey(), Constant.of(e.getValue() - shared.getOrDefault(e.getKey(), 0.0))));
            }
            rests.add(Ops.mul(factors));
        }
        List<Expr> zeros = new ArrayList<>();
        for (Map.Entry<Expr, Double> e : shared.entrySet()) if (e.getValue() > 0) zeros.add(e.getKey());
        return new Split(zeros, Ops.add(rests));
    }

    /** Reads e^power into factor powers and a constant; false when a constant is not finite. */
    private static boolean read(Expr e, double power, Map<Expr, Double> powers, double[] c) {
        if (e instanceof Constant k) {
            c[0] *= Math.pow(k.value(), power);
            return Double.isFinite(c[0]);
        }
        if (e instanceof Apply a && a.atom() instanceof Multiply) {
            for (Expr f : a.args()) if (!read(f, power, powers, c)) return false;
            return true;
        }
        if (e instanceof Apply a && a.atom() instanceof Divide) {
            return read(a.arg(0), power, powers, c) && read(a.arg(1), -power, powers, c);
        }
        if (e instanceof Apply a && a.atom() instanceof Power && a.arg(1) instanceof Constant k) {
            if (k.value() == Math.rint(k.value())) return read(a.arg(0), power * k.value(), powers, c);   // (u/v)**2 = u**2 * v**-2
            powers.merge(a.arg(0), power * k.value(), Double::sum);                                       // u**0.5: u stays whole
            return true;
        }
        powers.merge(e, power, Double::sum);
        return true;
    }
}
