package org.gradus.optim;

import org.gradus.print.Numbers;

/**
 * A run whose stopping test passed where f has no minimum: ∇f → 0 along a ray as f keeps falling, so a small
 * gradient is reached far out with nothing below it. {@code minimize(exp(-x))} by L-BFGS stops at x ≈ 14 with
 * |f′| ≤ 10⁻⁶; {@code maximize(log(x))} at x ≈ 1.3·10⁶; logistic regression on separable data with ever larger
 * weights. The test "converged" there would be a wrong answer (and "a convex problem, so a local minimum is global"
 * a wrong claim). The sign: the Newton step along −∇f, s = −∇f·‖∇f‖²/(∇fᵀ∇²f∇f) (one exact Hessian-vector
 * product), is long — at a true minimum it shrinks with the gradient — and f keeps falling at x + s, x + 10s and
 * x + 100s. Three values lower than f(x) prove x is no minimum of f along that ray; the run is reported diverged.
 */
final class Runaway {
    /** The message's start, by which the report knows the reason: no step-size advice follows it. */
    static final String PREFIX = "the gradient became small far out, but f keeps ";

    private Runaway() {
    }

    /** The outcome as it stands, or the same point reported diverged when f keeps falling past it along −∇f. */
    static Descent.Outcome check(Descent.Outcome o, Objective obj, boolean maximize, boolean constrained) {
        if (o.status() != Status.CONVERGED || constrained || obj.bounded() || obj.stochastic() || o.g() == null) return o;
        double[] x = o.x(), g = o.g();
        int n = x.length;
        double gg = 0, size = 0;
        for (int i = 0; i < n; i++) {
            gg += g[i] * g[i];
            size = Math.max(size, Math.abs(x[i]));
        }
        if (!(gg > 0)) return o;
        double[] hg = new double[n];
        try {
            obj.hessianVector(x, g, hg);
        } catch (RuntimeException e) {
            return o;
        }
        double curvature = 0;
        for (int i = 0; i < n; i++) curvature += g[i] * hg[i];
        if (!(curvature > 0)) return o;                  // not convex along −∇f here: the second-order test speaks
        double t = gg / curvature;
        double longest = 0;
        for (double gi : g) longest = Math.max(longest, Math.abs(t * gi));
        if (!(longest > 1e-3 * Math.max(1, size))) return o;
        double f = o.f();
        double[] values = new double[3];
        double[] y = new double[n], scratch = new double[n];
        double before = f;
        for (int k = 0; k < 3; k++) {
            double reach = Math.pow(10, k) * t;
            for (int i = 0; i < n; i++) y[i] = x[i] - reach * g[i];
            values[k] = obj.valueAndGradient(y, scratch);
            if (!(values[k] < before)) return o;
            before = values[k];
        }
        if (!(f - values[2] > 1e-9 * Math.max(1, Math.abs(f)))) return o;
        double sign = maximize ? -1 : 1;
        String word = maximize ? "increasing" : "decreasing";
        String message = PREFIX + word + " beyond the point along " + (maximize ? "∇f" : "−∇f") + " (f = "
                + Numbers.round(sign * f, 6) + " there, then " + Numbers.round(sign * values[0], 6) + ", "
                + Numbers.round(sign * values[1], 6) + ", " + Numbers.round(sign * values[2], 6) + " at 1, 10 and 100 Newton steps of length "
                + Numbers.round(longest, 3) + "): f has no " + (maximize ? "maximum" : "minimum") + " there; it "
                + (maximize ? "grows without bound or approaches a supremum" : "falls without bound or approaches an infimum")
                + " as the iterates run away (|x|∞ = " + Numbers.round(size, 4) + "). Add bounds, constraints or a regularizer such as 0.01*l2(w)";
        return new Descent.Outcome(x, f, g, Status.DIVERGED, message, o.iterations(), o.measure(), o.measureName(), o.startF(), o.iterations());
    }
}
