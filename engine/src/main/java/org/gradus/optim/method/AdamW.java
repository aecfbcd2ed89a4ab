package org.gradus.optim.method;

/**
 * AdamW (Loshchilov &amp; Hutter 2019): Adam with decoupled weight decay, x ← x·(1 − lr_t·wd) − lr_t·u,
 * so every coordinate shrinks by the same factor outside the adaptive scaling. Defaults as Adam, with
 * weightDecay 0.01.
 *
 * <p>Its fixed point is not ∇f = 0. Once m̂ = g and v̂ = g² (steady state), u = g/(|g| + eps), and
 * x is fixed exactly when wd·x + u = 0, that is gᵢ + wd·xᵢ·(|gᵢ| + eps) = 0 for every i. That residual
 * (in the units of the gradient, projected onto the bounds) is the stationarity measure compared with
 * tol. Where |gᵢ| ≫ eps it says |xᵢ| = 1/wd: AdamW's fixed points lie on the box ‖x‖∞ ≤ 1/wd, the
 * constraint its decay implicitly imposes (Xie &amp; Li 2024).
 */
final class AdamW extends Adam {
    static final MethodSpec SPEC = MethodSpec.named("adamw")
            .summary("Adam with decoupled weight decay")
            .description("Adam with decoupled weight decay x ← x(1 − lr_t·wd) − lr_t·u; fixed point gᵢ + wd·xᵢ(|gᵢ| + eps) = 0")
            .stochastic()
            .tol(1e-6, "1e-6 on |g + wd·x·(|g| + eps)|∞, g = ∇f (projected onto the bounds)")
            .options(HyperParameters.LR.withDefault(1e-3), HyperParameters.BETA1, HyperParameters.BETA2, HyperParameters.EPS,
                    HyperParameters.WEIGHT_DECAY.withDefault(1e-2), HyperParameters.SCHEDULE)
            .build(o -> Config.of(o, true), AdamW::new);

    AdamW(Config c) {
        super(c);
    }

    @Override
    public String name() {
        return "adamw";
    }

    /** The residual is gᵢ + wd·xᵢ·(|gᵢ| + eps) (projected): zero exactly at AdamW's fixed point. */
    @Override
    double residualAbsGradient() {
        return 1;
    }

    @Override
    double residualConstant() {
        return epsNow;
    }

    @Override
    public String measureName() {
        return wdNow == 0 ? "|∇f|∞" : "|∇f + wd·x·(|∇f| + eps)|∞";
    }
}
