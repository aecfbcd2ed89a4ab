package org.gradus.optim;

import org.gradus.atoms.Ops;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Layout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a {@code minimize}/{@code maximize} call reports, typed (last stage of {@link Minimizer#run});
 * {@link OptimizationResult} formats it, for text and JSON, in one place.
 *
 * @param method        the method that ran ({@code auto} resolved)
 * @param point         the solution, flat in layout order
 * @param f             f itself there (also for maximize)
 * @param gradNorm      the stationarity measure there (for derivative-free methods the projected gradient's inf-norm)
 * @param constraints   every constraint at the solution; null without constraints
 * @param auto          why auto picked the method; null when the script named it
 * @param settings      the method's parameters in force
 * @param batchNote     for mini-batch runs, what the batches were and that tol was not tested; else null
 * @param restarts      null unless {@code restarts} > 1
 * @param trace         the recorded iterates of the best run, or null
 * @param traceRows     true when the script asked for the rows ({@code trace: true}): they are part of the output
 * @param traceFileName the file the script asked the trace to be written to, or null
 * @param traceFile     where it was written (once the caller wrote it), or null
 * @param engine        where the objective's data reductions ran when not in this process
 *                      ({@code spark local[2], 8 partitions}); else null
 */
record Report(boolean maximize, String method, Status status, Layout layout, double[] point, double f, double gradNorm, String measureName,
              int iterations, Evaluations evaluations, double seconds, String message, List<ConstraintRow> constraints, double maxViolation,
              String auto, String settings, List<ConvergenceMeasure> convergence, String batchNote, RestartSummary restarts, Trace trace,
              boolean traceRows, String traceFileName, Path traceFile, String engine) {

    static Report of(Problem p, MethodChoice choice, Settings s, RunSetup setup, List<Runs.Run> runs, Runs.Run best, long t0) {
        CompiledObjective obj = setup.objective();
        Evaluations beforeCheck = Evaluations.of(obj);
        Descent.Outcome o = Runaway.check(best.outcome(), obj, p.maximize(), !p.constraints().isEmpty());
        Evaluations check = o == best.outcome() ? Evaluations.of(obj).minus(beforeCheck) : new Evaluations(0, 0, 0, 0);  // a check that found nothing is not the run's work
        double[] x = o.x();
        String message = message(o, best, obj);   // before the counters: divergence advice evaluates ∇²f·v
        double gradNorm = best.method().usesGradient() ? o.measure() : obj.projectedGradientNorm(x, o.g());
        List<ConstraintRow> rows = p.constraints().isEmpty() ? null : constraintRows(p, best);
        double maxViolation = 0;
        if (rows != null) for (ConstraintRow r : rows) maxViolation = Math.max(maxViolation, r.violation());
        Descent.Limits lim = setup.limits();
        String batchNote = setup.batches() == null ? null
                : "mini-batches of " + s.batch() + ", " + setup.stepsPerEpoch() + " steps per epoch; tol is not tested on mini-batch gradients";
        boolean rowsAsked = Boolean.TRUE.equals(s.trace());
        String fileAsked = s.trace() instanceof String name ? name : null;
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Report(p.maximize(), choice.name(), o.status(), p.layout(), x, best.own(), gradNorm, o.measureName(), o.iterations(),
                Evaluations.of(obj).minus(check), seconds, message, rows, maxViolation, choice.reason(), best.method().describe(),
                convergence(o, lim, s), batchNote, s.restarts() > 1 ? RestartSummary.of(runs, p.sign()) : null, best.trace(),
                rowsAsked, fileAsked, null, engine(setup));
    }

    private static String engine(RunSetup setup) {
        List<String> where = setup.objective().function().engines();
        return where.isEmpty() ? null : String.join("; ", where);
    }

    /** The same report, saying where the caller wrote the trace file. */
    Report withTraceFile(Path written) {
        return new Report(maximize, method, status, layout, point, f, gradNorm, measureName, iterations, evaluations, seconds, message,
                constraints, maxViolation, auto, settings, convergence, batchNote, restarts, trace, traceRows, traceFileName, written, engine);
    }

    /** The same report with the restarts' end points classified. */
    Report withRestarts(RestartSummary classified) {
        return new Report(maximize, method, status, layout, point, f, gradNorm, measureName, iterations, evaluations, seconds, message,
                constraints, maxViolation, auto, settings, convergence, batchNote, classified, trace, traceRows, traceFileName, traceFile, engine);
    }

    /** The status's reason, with divergence advice from the method, or the iteration count of a convergence. */
    private static String message(Descent.Outcome o, Runs.Run best, Objective obj) {
        String message = o.message();
        if (o.status() == Status.DIVERGED && message.startsWith(Runaway.PREFIX)) return "diverged at iteration " + o.divergedAt() + ": " + message;
        if (o.status() == Status.DIVERGED) {
            String advice = best.method().divergenceAdvice(() -> StepAdvice.curvature(obj, best.start()));
            String unbounded = "The objective may be unbounded below or undefined along the search path; ";
            if (o.message().endsWith("looks unbounded below") && advice.startsWith(unbounded)) {    // said once, not twice
                advice = Character.toUpperCase(advice.charAt(unbounded.length())) + advice.substring(unbounded.length() + 1);
            }
            return "diverged at iteration " + o.divergedAt() + ": " + o.message() + ". " + advice;
        }
        if (o.status() == Status.MAX_ITERATIONS) {
            String idle = best.method().idleAdvice(o.iterations());
            if (idle != null) return message + "; " + idle;
            String bounce = Bounce.describe(best.method(), obj, o);
            if (bounce != null) return message + "; " + bounce;
            String small = SmallSteps.describe(best.method(), obj, best.start(), o);
            if (small != null) return message + "; " + small;
        }
        if (o.status() == Status.STALLED && message.endsWith(Descent.ROUNDING) && best.method().usesGradient()) {
            String kink = KinkNearby.describe(obj, o.x());
            if (kink != null) return message.substring(0, message.length() - Descent.ROUNDING.length()) + " — " + kink;
        }
        if (o.status() == Status.CONVERGED && !message.startsWith("max violation")) {
            return message + " after " + o.iterations() + (o.iterations() == 1 ? " iteration" : " iterations");
        }
        return message;
    }

    private static List<ConvergenceMeasure> convergence(Descent.Outcome o, Descent.Limits lim, Settings s) {
        List<ConvergenceMeasure> c = new ArrayList<>();
        if (!Double.isNaN(o.measure())) {
            c.add(new ConvergenceMeasure(ConvergenceMeasure.Kind.TOLERANCE, o.measureName(), o.measure(), lim.tol(), o.measure() <= lim.tol()));
        }
        c.add(new ConvergenceMeasure(ConvergenceMeasure.Kind.ITERATIONS, lim.budget(), o.iterations(), lim.maxIter(), o.iterations() >= lim.maxIter()));
        if (lim.ftol() > 0) {
            boolean byFtol = o.status() == Status.CONVERGED && o.message().startsWith("relative change of f");
            c.add(new ConvergenceMeasure(ConvergenceMeasure.Kind.FTOL, "ftol", Double.NaN, lim.ftol(), byFtol));
        }
        if (s.timeLimit() != null) {
            c.add(new ConvergenceMeasure(ConvergenceMeasure.Kind.TIME_LIMIT, "timeLimit", Double.NaN, s.timeLimit(), o.status() == Status.TIME_LIMIT));
        }
        return List.copyOf(c);
    }

    /**
     * Every constraint at x: its value lhs − rhs, violation, and multiplier — from the augmented
     * Lagrangian for general constraints, from the gradient at an active bound for bounds.
     */
    private static List<ConstraintRow> constraintRows(Problem p, Runs.Run best) {
        double[] x = best.outcome().x();
        double[] g = best.outcome().g();
        List<ConstraintRow> rows = new ArrayList<>();
        int general = 0;
        for (Constraint c : p.constraints()) {
            double value = new CompiledFunction(Ops.sub(c.lhs(), c.rhs()), p.layout()).value(x);
            double violation = switch (c.op()) {
                case "<=" -> Math.max(0, value);
                case ">=" -> Math.max(0, -value);
                default -> Math.abs(value);
            };
            double multiplier;
            Problem.Bound b = p.boundOf(c);
            if (b != null) {
                double gi = g[b.index()];
                boolean active = Math.abs(x[b.index()] - b.value()) <= 1e-9 * Math.max(1, Math.abs(b.value()));
                double lam = switch (b.op()) {
                    case ">=" -> Math.max(0, gi);
                    case "<=" -> Math.max(0, -gi);
                    default -> gi;
                };
                // a bound written as constant <= variable has the variable on the right; the multiplier is the same
                multiplier = active ? lam : 0;
            } else {
                multiplier = best.lambda() == null ? 0 : best.lambda()[general];
                general++;
            }
            rows.add(new ConstraintRow(c.text(), value, violation, multiplier));
        }
        return List.copyOf(rows);
    }
}
