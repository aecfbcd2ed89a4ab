package org.gradus.optim;

import org.gradus.atoms.array.Shapes;
import org.gradus.expr.Expr;
import org.gradus.optim.method.MethodOptions;

import java.util.List;
import java.util.Map;

/**
 * {@code minimize} and {@code maximize} (SPEC §2 "Optimization"), in stages as Optim.jl's
 * {@code optimize.jl}: the options ({@link Settings}), the problem ({@link Problem}: variables, bounds from
 * constraints, the start point), the method ({@link MethodChoice}: {@code auto} with its reason), what the
 * runs share ({@link RunSetup}), the runs ({@link Runs}: single, multi-start, augmented Lagrangian), and
 * the report ({@link Report}, shown by {@link OptimizationResult}). Runs never throw for numerical
 * trouble: divergence, stalls and infeasibility are statuses. The minimizer does no I/O: a trace file the
 * options name is written by the caller ({@link TraceFiles}).
 */
public final class Minimizer {
    private Minimizer() {
    }

    /** What {@code method: 'auto'} does, in a line (REPL help). */
    public static final String AUTO_SUMMARY = MethodChoice.AUTO_SUMMARY;

    /**
     * Minimizes (maximize = false) or maximizes f.
     *
     * @param options     the script's named options as SPEC names them (see {@link Settings})
     * @param constraints may be empty or null
     * @param context     who hears of progress (and the files the caller may write); null for none
     * @throws IllegalArgumentException for an unknown method or option, an option that does not apply to the
     *                                  method, a bad value, or a problem the method cannot take
     */
    public static OptimizationResult run(Expr f, boolean maximize, Map<String, ?> options, List<Constraint> constraints, RunContext context) {
        Shapes.requireScalar(f, maximize ? "maximize" : "minimize");
        long t0 = System.nanoTime();
        RunContext ctx = context == null ? RunContext.defaults() : context;
        // what was asked, and of which problem
        Settings settings = Settings.parse(options);
        Problem problem = Problem.of(f, maximize, constraints, settings);
        // which method, configured from its own options
        MethodChoice choice = MethodChoice.of(settings.method(), problem);
        MethodOptions methodOptions = settings.methodOptions(choice.spec(), choice.auto(), choice.l1Weights(), choice.l1Centres());
        choice.checkConstraints(problem);
        // compiled once for every run: the objective the method sees, f itself, the constraints, the limits
        RunSetup setup = RunSetup.of(problem, choice, settings, t0);
        // from the start, then from random points; each run alone or in an augmented Lagrangian
        List<Runs.Run> runs = Runs.solve(problem, choice, methodOptions, setup, settings, ctx);
        Runs.Run best = Runs.best(runs, problem.sign());
        return new OptimizationResult(Report.of(problem, choice, settings, setup, runs, best, t0));
    }
}
