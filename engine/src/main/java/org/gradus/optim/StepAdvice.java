package org.gradus.optim;

import java.util.SplittableRandom;

/**
 * The local curvature a diverged run's advice is based on: L ≈ the largest |eigenvalue| of ∇²f at the
 * start, by power iteration with exact Hessian-vector products (never finite differences). Each method
 * turns it into its own advice ({@link org.gradus.optim.method.Method#divergenceAdvice}): gradient
 * descent on a quadratic is stable exactly when lr &lt; 2/L, heavy-ball momentum μ when lr &lt; 2(1+μ)/L.
 */
final class StepAdvice {
    private StepAdvice() {
    }

    /** Largest |eigenvalue| of the Hessian at x, or NaN when it cannot be computed. */
    static double curvature(Objective obj, double[] x) {
        return curvature(obj, x, 100, 1e-6);
    }

    /**
     * The same from at most {@code products} Hessian-vector products, stopping when two estimates agree to {@code rel}: an
     * estimate from below (power iteration climbs to the largest eigenvalue), good enough to choose a step size.
     */
    static double curvature(Objective obj, double[] x, int products, double rel) {
        int n = x.length;
        double[] v = new double[n];
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < n; i++) v[i] = r.nextDouble(-1, 1);
        double[] hv = new double[n];
        double lambda = Double.NaN;
        try {
            for (int k = 0; k < products; k++) {
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
                if (Math.abs(next - lambda) <= rel * next) return next;
                lambda = next;
            }
        } catch (RuntimeException e) {
            return Double.NaN;
        }
        return lambda;
    }
}
