package org.gradus.analysis;

import org.gradus.atoms.Add;
import org.gradus.atoms.Cosh;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Divide;
import org.gradus.atoms.Exp;
import org.gradus.atoms.Log;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Ops;
import org.gradus.atoms.Sigmoid;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.List;

/**
 * log(c + a₁·exp(u₁) + … + aₖ·exp(uₖ)) with constants c ≥ 0 and aᵢ &gt; 0 is a log-sum-exp,
 * logsumexp(log c, log a₁ + u₁, …, log aₖ + uₖ): convex, and increasing in every exponent uᵢ (Boyd and
 * Vandenberghe, <i>Convex Optimization</i>, §3.1.5 and §3.2.4), so convex wherever every uᵢ is convex or
 * affine. The composition rules alone cannot see it — log is concave and its argument convex — and CVXPY
 * wants it written {@code log_sum_exp} or {@code logistic}; softplus written out, log(1 + exp(u)), and the
 * logistic loss written by hand, log(1 + exp(−y·z)), are its everyday cases; a·cosh(u) counts as (a/2)·exp(u) +
 * (a/2)·exp(−u), so the log-cosh loss log(cosh(u)) is one too. With one exponential and no
 * constant it is log a + u, of u's curvature.
 *
 * <p>Its negation, concave where every exponent is convex or affine, is the log of a sigmoid — the
 * cross-entropy as the lectures write it, y·log(sigmoid(z)) + (1 − y)·log(1 − sigmoid(z)):
 * log(sigmoid(u)) = −logsumexp(0, −u), log(1 − sigmoid(u)) = log(sigmoid(−u)) = −logsumexp(0, u), and
 * log(k / (c + Σ aᵢ·exp(uᵢ))) = log k − logsumexp(…) for a constant k &gt; 0.
 *
 * @param exponents the uᵢ, in the order of the sum
 * @param shifts    log aᵢ, beside each exponent
 * @param constant  c (0 when the sum has no constant term)
 * @param negated   whether f is offset − logsumexp(…) rather than logsumexp(…)
 * @param offset    log k of log(k / sum), 0 otherwise
 */
record LogOfExponentials(List<Expr> exponents, List<Double> shifts, double constant, boolean negated, double offset) {

    /** The form of {@code f}, when f is log of such a sum, of a sigmoid or of a constant over such a sum; null otherwise. */
    static LogOfExponentials of(Expr f) {
        if (!(f instanceof Apply log) || !(log.atom() instanceof Log) || log.args().size() != 1) return null;
        Expr inside = log.arg(0);
        Expr sigmoidArgument = sigmoidArgument(inside);
        if (sigmoidArgument != null) return new LogOfExponentials(List.of(Ops.neg(sigmoidArgument)), List.of(0.0), 1, true, 0);
        if (inside instanceof Apply q && q.atom() instanceof Divide && q.arg(0) instanceof Constant k && k.value() > 0) {
            LogOfExponentials sum = ofSum(q.arg(1));
            return sum == null ? null : new LogOfExponentials(sum.exponents, sum.shifts, sum.constant, true, Math.log(k.value()));
        }
        return ofSum(inside);
    }

    /** u of sigmoid(u), and −u of 1 − sigmoid(u) (which is sigmoid(−u)); null for anything else. */
    private static Expr sigmoidArgument(Expr e) {
        if (e instanceof Apply s && s.atom() instanceof Sigmoid) return s.arg(0);
        if (!(e instanceof Apply sum) || !(sum.atom() instanceof Add) || sum.args().size() != 2) return null;
        for (int k = 0; k < 2; k++) {
            if (!(sum.arg(k) instanceof Constant one && one.value() == 1)) continue;
            if (sum.arg(1 - k) instanceof Apply m && m.atom() instanceof Multiply && m.args().size() == 2
                    && m.arg(0) instanceof Constant minus && minus.value() == -1
                    && m.arg(1) instanceof Apply s && s.atom() instanceof Sigmoid) {
                return Ops.neg(s.arg(0));
            }
        }
        return null;
    }

    /** c + Σ aᵢ·exp(uᵢ) under the log. */
    private static LogOfExponentials ofSum(Expr sum) {
        List<Expr> terms = sum instanceof Apply s && s.atom() instanceof Add ? s.args() : List.of(sum);
        List<Expr> exponents = new ArrayList<>();
        List<Double> shifts = new ArrayList<>();
        double constant = 0;
        for (Expr t : terms) {
            if (t instanceof Constant k) {
                if (!(k.value() >= 0)) return null;
                constant += k.value();
                continue;
            }
            double scale = 1;
            Expr e = t;
            if (t instanceof Apply m && m.atom() instanceof Multiply && m.args().size() == 2) {
                int k = m.arg(0) instanceof Constant ? 0 : m.arg(1) instanceof Constant ? 1 : -1;
                if (k < 0) return null;
                scale = ((Constant) m.arg(k)).value();
                e = m.arg(1 - k);
            }
            if (!(scale > 0) || !(e instanceof Apply x)) return null;
            if (x.atom() instanceof Cosh) {                      // a·cosh(u) = (a/2)·exp(u) + (a/2)·exp(−u)
                exponents.add(x.arg(0));
                exponents.add(Ops.neg(x.arg(0)));
                shifts.add(Math.log(scale / 2));
                shifts.add(Math.log(scale / 2));
                continue;
            }
            if (!(x.atom() instanceof Exp)) return null;
            exponents.add(x.arg(0));
            shifts.add(Math.log(scale));
        }
        return exponents.isEmpty() ? null : new LogOfExponentials(List.copyOf(exponents), List.copyOf(shifts), constant, false, 0);
    }

    /** Whether it is log a + u (or log k − log a − u): one exponential, no constant term. */
    boolean single() {
        return exponents.size() == 1 && constant == 0;
    }

    /** The log-sum-exp it is, as text: {@code logsumexp(0, x)} for log(1 + exp(x)), {@code −logsumexp(0, -x)} for log(sigmoid(x)). */
    String asLogSumExp() {
        List<String> args = new ArrayList<>();
        if (constant > 0) args.add(Numbers.format(Math.log(constant)));
        for (int i = 0; i < exponents.size(); i++) {
            String u = Dcp.show(exponents.get(i));
            double shift = shifts.get(i);
            args.add(shift == 0 ? u : Numbers.format(shift) + (u.startsWith("-") ? " - " + u.substring(1) : " + " + u));
        }
        String lse = "logsumexp(" + String.join(", ", args) + ")";
        if (!negated) return lse;
        return (offset == 0 ? "−" : Numbers.format(offset) + " − ") + lse;
    }
}
