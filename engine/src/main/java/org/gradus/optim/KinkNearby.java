package org.gradus.optim;

import org.gradus.print.Numbers;

import java.util.Random;

/**
 * Why a method that assumes a smooth f stalled: whether f has a kink at, or within a hair of, the point — the
 * hinge of an SVM at its support vectors, |x| at 0. The gradient is taken on both sides of the point along a few
 * fixed directions, at two distances h and h/16: a smooth f's difference shrinks with the distance (16 times), a
 * kink's stays. At a kink the gradient need not vanish even at the minimum, so the test |∇f| ≤ tol cannot pass
 * there, and the report says so rather than blaming rounding.
 */
final class KinkNearby {
    private KinkNearby() {
    }

    /** The sentence for the report, or null when the gradient looks continuous around x. */
    static String describe(Objective obj, double[] x) {
        int n = x.length;
        double scale = 1;
        for (double v : x) scale = Math.max(scale, Math.abs(v));
        double h = 1e-7 * scale;
        Random random = new Random(1);           // fixed directions: the same report every run
        double[] d = new double[n];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < n; i++) d[i] = random.nextGaussian();
            double far = jump(obj, x, d, h), near = jump(obj, x, d, h / 16);
            if (!(far > 0) || !Double.isFinite(far) || !Double.isFinite(near)) continue;
            if (near > far / 4) {
                return "the gradient jumps across the point (by " + Numbers.round(near, 2) + " within " + Numbers.round(h / 16, 1)
                        + " of it, as much as within " + Numbers.round(h, 1) + "): f has a kink here, where the gradient need not vanish "
                        + "even at a minimum, so the test on |∇f| cannot pass; the point may still be the minimum (this method assumes "
                        + "a smooth f; method: 'gd' with a decreasing step, schedule: inverseTime(), is a subgradient method, which "
                        + "approaches a minimum at a kink)";
            }
        }
        return null;
    }

    /** ‖∇f(x + t·d) − ∇f(x − t·d)‖∞. */
    private static double jump(Objective obj, double[] x, double[] d, double t) {
        int n = x.length;
        double[] a = new double[n], b = new double[n], ga = new double[n], gb = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = x[i] + t * d[i];
            b[i] = x[i] - t * d[i];
        }
        obj.valueAndGradient(a, ga);
        obj.valueAndGradient(b, gb);
        double m = 0;
        for (int i = 0; i < n; i++) m = Math.max(m, Math.abs(ga[i] - gb[i]));
        return m;
    }
}
