package org.gradus.optim;

import org.gradus.optim.method.Method;
import org.gradus.print.Numbers;

/**
 * Why a run of plain gradient descent used all its iterations without converging, when the reason is a step size far
 * below the curvature's: on the quadratic model at the end point a step of lr covers the fraction lr·λ of the way to the
 * minimum along an eigenvector of λ, so with lr·L small (the default lr 0.001 on a least-squares loss with L ≈ 3.2: 0.3 %
 * a step) even the steepest direction is crossed in hundreds of steps and the flattest in far more. The advice is the
 * step the curvature allows: 1/L, with L the larger curvature of the start and the end point (exact Hessian-vector
 * products; x⁴ from 3 has L = 108 at the start, 13 where lr 0.001 left it, and 1/13 from 3 would diverge).
 * Mini-batch runs are left alone: there a small step also averages the batches' noise.
 */
final class SmallSteps {
    private SmallSteps() {
    }

    /** lr·L below this is called small. */
    private static final double SMALL = 0.05;

    /** The advice for a run that ended at {@code o} after using all its iterations, or null when its step was not small. */
    static String describe(Method m, Objective obj, double[] start, Descent.Outcome o) {
        double rate = m.plainStepRate(o.iterations());
        if (!(rate > 0) || obj.stochastic() || o.x() == null) return null;
        double l = Math.max(StepAdvice.curvature(obj, start, 30, 1e-3), StepAdvice.curvature(obj, o.x(), 30, 1e-3));
        if (!(l > 0) || !Double.isFinite(l) || !(rate * l < SMALL)) return null;
        return "the step size lr = " + Numbers.round(rate, 6) + " is small for the curvature (L ≈ " + Numbers.round(l, 4)
                + ", the largest Hessian eigenvalue at the start or where the run stopped): a step goes at most lr·L = "
                + Numbers.round(100 * rate * l, 2) + " % of the way to the minimum along any direction of the quadratic model; try lr: "
                + Numbers.round(1 / l, 4) + " (= 1/L; stable below 2/L = " + Numbers.round(2 / l, 4) + "), or lineSearch: true";
    }
}
