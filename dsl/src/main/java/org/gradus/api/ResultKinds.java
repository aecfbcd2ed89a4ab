package org.gradus.api;

import java.util.Map;
import java.util.function.Function;

/**
 * Which class views which JSON kind: the one place a new kind is registered (see {@link Result}). A kind
 * not listed is viewed as a plain {@link Result}.
 */
final class ResultKinds {
    private static final Map<String, Function<Result.Record, Result>> TYPES = Map.ofEntries(
            Map.entry("number", NumberResult::new),
            Map.entry("expression", ExpressionResult::new),
            Map.entry("value", ValueResult::new),
            Map.entry("vector", ArrayResult::new),
            Map.entry("matrix", ArrayResult::new),
            Map.entry("gradient", Gradient::new),
            Map.entry("hessian", Hessian::new),
            Map.entry("minimize", MinimizeResult::new),
            Map.entry("maximize", MinimizeResult::new),
            Map.entry("convexity", ConvexityReport::new),
            Map.entry("stationary", StationaryReport::new),
            Map.entry("differentiability", DifferentiabilityReport::new),
            Map.entry("limit", LimitResult::new),
            Map.entry("monotonicity", MonotonicityResult::new),
            Map.entry("plot", PlotResult::new),
            Map.entry("table", TableResult::new));

    private ResultKinds() {
    }

    static Result view(Result.Record record) {
        Function<Result.Record, Result> type = TYPES.get(record.kind());
        return type != null ? type.apply(record) : new Result(record);
    }
}
