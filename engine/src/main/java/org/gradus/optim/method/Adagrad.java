package org.gradus.optim.method;

import org.gradus.optim.Settings;
import org.gradus.print.Numbers;

/** AdaGrad (Duchi et al. 2011), torch's form: G ← G + g², u = g/(√G + eps). Defaults: lr 0.01, eps 1e-10. */
final class Adagrad extends FirstOrder {
    private final double eps;
    private double[] sum;

    Adagrad(Settings s) {
        super(s, 1e-2, 0, false);
        this.eps = s.eps() == null ? 1e-10 : s.eps();
    }

    @Override
    public String name() {
        return "adagrad";
    }

    @Override
    void update(double[] g, double[] u, int t) {
        if (sum == null) sum = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            sum[i] += g[i] * g[i];
            u[i] = g[i] / (Math.sqrt(sum[i]) + eps);
        }
    }

    @Override
    public String describe() {
        return common() + ", eps " + Numbers.round(eps, 6);
    }
}
