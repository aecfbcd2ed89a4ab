package org.gradus.optim.method;

/**
 * Nesterov's accelerated gradient in torch.optim.SGD's form: b ← μ·b + g, x ← x − lr·(g + μ·b).
 * The heavy-ball method with another update: its spec is all this file adds.
 */
final class Nesterov {
    private Nesterov() {
    }

    static final MethodSpec SPEC = MethodSpec.named("nesterov")
            .summary("Nesterov accelerated gradient")
            .description("torch form: b ← μb + g, x ← x − lr·(g + μb)")
            .stochastic()
            .tol(1e-6, "1e-6 on |∇f + wd·x|∞ (projected onto the bounds)")
            .options(HyperParameters.LR.withDefault(1e-3), HyperParameters.MOMENTUM, HyperParameters.WEIGHT_DECAY, HyperParameters.SCHEDULE)
            .build(o -> Momentum.Config.of(o, true), Momentum::new);
}
