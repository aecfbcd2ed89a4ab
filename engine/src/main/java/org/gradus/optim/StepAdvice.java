package org.gradus.optim;

import org.gradus.optim.method.Method;
import org.gradus.print.Numbers;

import java.util.SplittableRandom;

/**
 * The step-size suggestion for a diverged run, from the local curvature: L ≈ the largest |eigenvalue|
 * of ∇²f at the start, by power iteration with exact Hessian-vector products (never finite
 * differences). Gradient descent on a quadratic is stable exactly when lr &lt; 2/L; heavy-ball momentum μ
 * when lr &lt; 2(1+μ)/L.
 */
final class StepAdvice {
    private StepAdvice() {
    }

    /** Largest |eigenvalue| of the Hessian at x, or NaN when it cannot be computed. */
    static double curvature(Objective obj, double[] x) {
        int n = x.length;
        double[] v = new double[n];
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < n; i++) v[i] = r.nextDouble(-1, 1);
        double[] hv = new double[n];
        double lambda = Double.NaN;
        try {
            for (int k = 0; k < 100; k++) {
                double norm = 0;
                for (double a : v) norm += a * a;
                norm = Math.sqrt(norm);
                if (!(norm > 0) || !Double.isFinite(norm)) return Double.NaN;
                for (int i = 0; i < n; i++) v[i] /= norm;
                obj.hessianVector(x, v, hv);
                double hn = 0;
                for (double a : hv) hn += a * a;
                double next = Math.sqrt(hn);
                double[] t = v;
                v = hv;
                hv = t;
                if (Math.abs(next - lambda) <= 1e-6 * next) return next;
                lambda = next;
            }
        } catch (RuntimeException e) {
            return Double.NaN;
        }
        return lambda;
    }

    static String advise(String method, Method m, Objective obj, double[] x0, Double lr, Double momentum) {
        if (!org.gradus.optim.method.Methods.stochastic(method)) {
            return "The objective may be unbounded below or undefined along the search path; add bounds or constraints, or check the function.";
        }
        double l = curvature(obj, x0);
        double rate = lr == null ? defaultLr(method) : lr;
        String rateText = "lr = " + Numbers.round(rate, 4);
        if (!(l > 0) || !Double.isFinite(l)) return "The step " + rateText + " is too large; try a smaller lr, e.g. lr: " + Numbers.round(rate / 10, 3) + ".";
        String curv = "the local curvature L ≈ " + Numbers.round(l, 4) + " (largest Hessian eigenvalue at the start)";
        if ("gd".equals(method)) {
            return "The step size " + rateText + " is too large for " + curv + ": gradient descent is stable only for lr < 2/L = "
                    + Numbers.round(2 / l, 4) + "; try lr: " + Numbers.round(1 / l, 4) + " (= 1/L).";
        }
        if ("momentum".equals(method) || "nesterov".equals(method)) {
            double mu = momentum == null ? 0.9 : momentum;
            return "The step size " + rateText + " is too large for " + curv + " with momentum " + Numbers.format(mu)
                    + ": heavy-ball steps are stable only for lr < 2(1+μ)/L = " + Numbers.round(2 * (1 + mu) / l, 4) + "; try lr: "
                    + Numbers.round(1 / l, 4) + " (= 1/L).";
        }
        return "The step size " + rateText + " is too large for " + curv + "; try lr: " + Numbers.round(1 / l, 4) + " (= 1/L) or smaller.";
    }

    static double defaultLr(String method) {
        return switch (method) {
            case "adagrad", "rmsprop" -> 1e-2;
            default -> 1e-3;
        };
    }
}
