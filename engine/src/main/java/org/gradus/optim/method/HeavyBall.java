package org.gradus.optim.method;

import org.gradus.optim.Settings;
import org.gradus.print.Numbers;

/**
 * Momentum (Polyak's heavy ball) and Nesterov's accelerated gradient in torch.optim.SGD's form:
 * b ← μ·b + g (b = g at the first step); the update is b, or g + μ·b for Nesterov.
 * Defaults: lr 0.001, momentum 0.9.
 */
final class HeavyBall extends FirstOrder {
    private final double mu;
    private final boolean nesterov;
    private double[] buf;

    HeavyBall(Settings s, boolean nesterov) {
        super(s, 1e-3, 0, false);
        this.mu = s.momentum() == null ? 0.9 : s.momentum();
        this.nesterov = nesterov;
    }

    @Override
    public String name() {
        return nesterov ? "nesterov" : "momentum";
    }

    public double momentum() {
        return mu;
    }

    @Override
    void update(double[] g, double[] u, int t) {
        if (buf == null) {
            buf = g.clone();
        } else {
            for (int i = 0; i < g.length; i++) buf[i] = mu * buf[i] + g[i];
        }
        for (int i = 0; i < g.length; i++) u[i] = nesterov ? g[i] + mu * buf[i] : buf[i];
    }

    @Override
    public String describe() {
        return common() + ", momentum " + Numbers.format(mu);
    }
}
