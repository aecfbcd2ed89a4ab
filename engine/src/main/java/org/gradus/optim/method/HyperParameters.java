package org.gradus.optim.method;

import org.gradus.optim.OptionSpec;
import org.gradus.optim.linesearch.LineSearches;

import java.util.List;

/**
 * The hyper-parameters several methods share, each declared once: name, documentation, kind and range.
 * A method takes one with its own default ({@code HyperParameters.LR.withDefault(1e-3)}); a parameter
 * only one method has is declared in that method's file instead. Ranges follow torch.optim.
 */
public final class HyperParameters {
    private HyperParameters() {
    }

    private static final double INF = Double.POSITIVE_INFINITY;

    public static final OptionSpec LR = OptionSpec.real("lr", "step size (learning rate), a number or a schedule", 0, INF, false, false, null)
            .orSchedule();
    public static final OptionSpec NORMALIZED = OptionSpec.flag("normalized", "step along ∇f/‖∇f‖, so the step length is lr", false);
    public static final OptionSpec LINE_SEARCH = OptionSpec.choice("lineSearch", "'none', 'armijo' or 'wolfe'", LineSearches.names(), null);
    public static final OptionSpec MOMENTUM = OptionSpec.real("momentum", "momentum coefficient μ", 0, 1, true, false, 0.9).orSchedule();
    public static final OptionSpec BETA1 = OptionSpec.real("beta1", "Adam's first-moment decay", 0, 1, true, false, 0.9).orSchedule();
    public static final OptionSpec BETA2 = OptionSpec.real("beta2", "Adam's second-moment decay", 0, 1, true, false, 0.999).orSchedule();
    public static final OptionSpec EPS = OptionSpec.real("eps", "the small constant in adaptive denominators", 0, INF, true, false, 1e-8).orSchedule();
    public static final OptionSpec WEIGHT_DECAY = OptionSpec.real("weightDecay", "decoupled weight decay (adamw) or L2 penalty", 0, INF, true, false, 0.0)
            .orSchedule();
    public static final OptionSpec ALPHA = OptionSpec.real("alpha", "rmsprop's smoothing constant", 0, 1, true, false, 0.99).orSchedule();
    public static final OptionSpec MEMORY = OptionSpec.integer("memory", "number of stored correction pairs", 1, 10);
    public static final OptionSpec SCHEDULE = OptionSpec.schedule("schedule", "learning-rate schedule, e.g. cosine(period: 1000)");

    /** The shared ones in SPEC order: option lists (errors, completion, docs) follow this order. */
    public static final List<OptionSpec> SHARED = List.of(LR, NORMALIZED, LINE_SEARCH, MOMENTUM, BETA1, BETA2, EPS, WEIGHT_DECAY, ALPHA, MEMORY,
            SCHEDULE);
}
