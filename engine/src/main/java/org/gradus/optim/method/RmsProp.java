package org.gradus.optim.method;

import org.gradus.optim.Settings;
import org.gradus.print.Numbers;

/**
 * RMSProp (Hinton's lecture 6e), torch's form: v ← α·v + (1−α)·g², u = g/(√v + eps); with momentum μ > 0,
 * b ← μ·b + g/(√v + eps) and u = b. Defaults: lr 0.01, alpha 0.99, eps 1e-8, momentum 0.
 */
final class RmsProp extends FirstOrder {
    private final double alpha;
    private final double eps;
    private final double mu;
    private double[] sq;
    private double[] buf;

    RmsProp(Settings s) {
        super(s, 1e-2, 0, false);
        this.alpha = s.alpha() == null ? 0.99 : s.alpha();
        this.eps = s.eps() == null ? 1e-8 : s.eps();
        this.mu = s.momentum() == null ? 0 : s.momentum();
    }

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    void update(double[] g, double[] u, int t) {
        if (sq == null) {
            sq = new double[g.length];
            buf = new double[g.length];
        }
        for (int i = 0; i < g.length; i++) {
            sq[i] = alpha * sq[i] + (1 - alpha) * g[i] * g[i];
            double step = g[i] / (Math.sqrt(sq[i]) + eps);
            if (mu > 0) {
                buf[i] = mu * buf[i] + step;
                u[i] = buf[i];
            } else {
                u[i] = step;
            }
        }
    }

    @Override
    public String describe() {
        return common() + ", alpha " + Numbers.format(alpha) + ", eps " + Numbers.round(eps, 6) + (mu > 0 ? ", momentum " + Numbers.format(mu) : "");
    }
}
