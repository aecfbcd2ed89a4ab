package org.gradus.optim.method;

import org.gradus.optim.Settings;
import org.gradus.print.Numbers;

/**
 * Adam (Kingma &amp; Ba 2015) with bias correction: m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g²,
 * u = m̂/(√v̂ + eps) with m̂ = m/(1−β1^(t+1)), v̂ = v/(1−β2^(t+1)).
 *
 * <p>AdamW (Loshchilov &amp; Hutter 2019) decouples weight decay: x ← x·(1 − lr_t·wd) − lr_t·u. Adam's
 * {@code weightDecay} instead adds wd·x to the gradient, which then passes through the adaptive scaling
 * 1/√v̂, so coordinates with large gradients are barely regularized; AdamW shrinks every coordinate
 * by the same factor. Defaults (torch): lr 0.001, beta1 0.9, beta2 0.999, eps 1e-8, weightDecay 0 (adam)
 * or 0.01 (adamw).
 */
final class Adam extends FirstOrder {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final boolean adamw;
    private double[] m;
    private double[] v;
    private double b1t = 1;
    private double b2t = 1;

    Adam(Settings s, boolean adamw) {
        super(s, 1e-3, adamw ? 1e-2 : 0, adamw);
        this.beta1 = s.beta1() == null ? 0.9 : s.beta1();
        this.beta2 = s.beta2() == null ? 0.999 : s.beta2();
        this.eps = s.eps() == null ? 1e-8 : s.eps();
        this.adamw = adamw;
    }

    @Override
    public String name() {
        return adamw ? "adamw" : "adam";
    }

    @Override
    void update(double[] g, double[] u, int t) {
        if (m == null) {
            m = new double[g.length];
            v = new double[g.length];
        }
        b1t *= beta1;
        b2t *= beta2;
        double c1 = 1 / (1 - b1t);
        double c2 = 1 / (1 - b2t);
        for (int i = 0; i < g.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            u[i] = m[i] * c1 / (Math.sqrt(v[i] * c2) + eps);
        }
    }

    @Override
    public String describe() {
        return common() + ", beta1 " + Numbers.format(beta1) + ", beta2 " + Numbers.format(beta2) + ", eps " + Numbers.round(eps, 6);
    }
}
