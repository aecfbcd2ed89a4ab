package org.gradus.optim;

import org.gradus.optim.method.Method;
import org.gradus.optim.method.MethodOptions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The descents of one {@code minimize} (fourth stage of {@link Minimizer#run}): one from the start point
 * and {@code restarts − 1} from random points (drawn with {@code seed}), each a single run of the method or,
 * with general constraints, an augmented Lagrangian around it. An interrupt or the time limit ends the
 * restarts. The best run is the feasible, non-diverged one with the lowest f.
 */
final class Runs {
    private Runs() {
    }

    /**
     * One descent and what the report needs of it.
     *
     * @param lambda    the multipliers of the general constraints (null without)
     * @param own       f itself at the end point (with its l1 term, of the user's sign)
     * @param violation the largest violation of a general constraint
     */
    record Run(Descent.Outcome outcome, Trace trace, Method method, double[] lambda, double own, double violation, double[] start) {
    }

    static List<Run> solve(Problem p, MethodChoice choice, MethodOptions options, RunSetup setup, Settings s, RunContext ctx) {
        SplittableRandom rng = new SplittableRandom(s.seed());
        List<Run> runs = new ArrayList<>();
        try {
            for (int r = 0; r < s.restarts(); r++) {
                double[] start = r == 0 ? p.start() : p.randomStart(rng, s.over());
                Run run = setup.constraints().isEmpty() ? single(p, choice, options, setup, s, ctx, start) : lagrangian(p, choice, options, setup, s, start);
                runs.add(run);
                Status st = run.outcome().status();
                if (st == Status.INTERRUPTED || st == Status.TIME_LIMIT) break;
            }
        } finally {
            if (ctx.listener() != null) ctx.listener().onFinish();   // a progress bar erases itself
        }
        return runs;
    }

    /** The feasible (violation ≤ 1e-6), non-diverged run with the lowest f; else the least bad. */
    static Run best(List<Run> runs, double sign) {
        Comparator<Run> better = Comparator
                .comparing((Run run) -> run.violation() > 1e-6)
                .thenComparing(run -> run.outcome().status() == Status.DIVERGED)
                .thenComparingDouble(run -> Double.isNaN(run.own()) ? Double.POSITIVE_INFINITY : sign * run.own());
        return runs.stream().min(better).orElseThrow();
    }

    private static Run single(Problem p, MethodChoice choice, MethodOptions options, RunSetup setup, Settings s, RunContext ctx, double[] start) {
        Trace trace = trace(p, s, setup);
        Method m = choice.spec().create(options);
        Descent.Outcome o = Descent.run(m, setup.objective(), start, setup.limits(), trace, ctx.listener(), p.sign());
        return new Run(o, trace, m, null, setup.full().value(o.x()), 0, start);
    }

    private static Run lagrangian(Problem p, MethodChoice choice, MethodOptions options, RunSetup setup, Settings s, double[] start) {
        Trace trace = trace(p, s, setup);
        AugmentedLagrangian.Result res = AugmentedLagrangian.solve(setup.objective(), setup.constraints(), start,
                () -> choice.spec().create(options), setup.limits(), p.sign(), trace);
        double violation = 0;
        for (int i = 0; i < setup.constraints().size(); i++) {
            double v = res.values()[i];
            violation = Math.max(violation, setup.constraints().get(i).equality() ? Math.abs(v) : Math.max(0, v));
        }
        Descent.Outcome o = res.outcome();
        return new Run(o, trace, choice.spec().create(options), res.lambda(), setup.full().value(o.x()), violation, start);
    }

    /**
     * Every iterate with {@code trace:}; else a thinned path for problems of at most
     * {@link Trace#KEPT_DIMENSION} variables (with constraints, the inner iterates of every augmented-Lagrangian round
     * in one sequence); else none.
     */
    private static Trace trace(Problem p, Settings s, RunSetup setup) {
        boolean asked = s.trace() != null && !Boolean.FALSE.equals(s.trace());
        if (asked) return Trace.everyIterate(p.layout(), setup.stepsPerEpoch());
        if (p.dimension() > Trace.KEPT_DIMENSION) return null;
        return Trace.thinned(p.layout(), setup.stepsPerEpoch());
    }
}
