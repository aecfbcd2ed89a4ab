package org.gradus.plot.pictures;

import org.gradus.expr.Expr;
import org.gradus.optim.OptimizationResult;
import org.gradus.plot.runs.RunView;

import java.util.ArrayList;
import java.util.List;

/** Conversions of the values a script hands to pictures. */
final class Inputs {
    private Inputs() {
    }

    /** Runs from results (or views, as tests give them): one, or a list. */
    static List<RunView> runs(List<Object> items, String option) {
        List<RunView> out = new ArrayList<>();
        for (Object o : items) {
            if (o instanceof RunView v) out.add(v);
            else if (o instanceof OptimizationResult r) out.add(RunView.of(r));
            else throw new IllegalArgumentException(option + ": results of minimize or maximize, not " + PlotOptions.describe(o));
        }
        return out;
    }

    /** The variable names of f, in layout order. */
    static List<String> names(Expr f) {
        return f.layout().coordinateNames();
    }
}
