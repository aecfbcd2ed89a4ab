package org.gradus.optim;

import org.gradus.optim.method.Method;
import org.gradus.print.Numbers;

/**
 * Why a run of plain gradient descent used all its iterations without converging, when the reason is the step size:
 * its iterates bounce between two points across a valley, x₁ = x₀ − lr·∇f(x₀) and back to x₀ (−log x − log(1 − x) + 3x
 * with lr 0.1: 0.206 ⇄ 0.265 for ever). The step is then too large for the curvature there — it neither converges nor
 * diverges — and the advice is the same as for a diverged run: lr below 2/L, 1/L to be safe, with L the largest
 * curvature at the two points (exact Hessian-vector products).
 */
final class Bounce {
    private Bounce() {
    }

    /** The advice for a run that ended at {@code o} after using all its iterations, or null when it did not bounce. */
    static String describe(Method m, Objective obj, Descent.Outcome o) {
        double rate = m.plainStepRate(o.iterations());
        if (!(rate > 0) || obj.stochastic() || o.g() == null) return null;
        double[] x0 = o.x(), g0 = o.g();
        int n = x0.length;
        double[] x1 = new double[n], g1 = new double[n];
        for (int i = 0; i < n; i++) x1[i] = x0[i] - rate * g0[i];
        if (!Double.isFinite(obj.valueAndGradient(x1, g1))) return null;
        double step = 0, back = 0, size = 0;
        for (int i = 0; i < n; i++) {
            step = Math.max(step, Math.abs(x1[i] - x0[i]));
            back = Math.max(back, Math.abs(x1[i] - rate * g1[i] - x0[i]));
            size = Math.max(size, Math.abs(x0[i]));
        }
        if (!(step > 1e-8 * Math.max(1, size)) || !(back <= 1e-3 * step)) return null;
        double l = Math.max(StepAdvice.curvature(obj, x0), StepAdvice.curvature(obj, x1));
        if (!(l > 0) || !Double.isFinite(l)) return null;
        return "the iterates bounce between two points across a valley (each step of lr = " + Numbers.round(rate, 4)
                + " lands where the next one leads back), so the step size is too large for the curvature there (up to L ≈ "
                + Numbers.round(l, 4) + "): gradient descent settles only for lr < 2/L = " + Numbers.round(2 / l, 4) + "; try lr: "
                + Numbers.round(1 / l, 4) + " (= 1/L), or lineSearch: true";
    }
}
