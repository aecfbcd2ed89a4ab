package org.gradus.optim;

import org.gradus.eval.EvaluationInterruptedException;

import org.gradus.optim.method.Method;
import org.gradus.print.Numbers;

/**
 * The one generic loop every method runs in (Optim.jl's {@code optimize.jl}). Each pass first observes
 * the iterate — its stationarity measure, a trace row, progress, the best point — then applies the
 * stopping tests in a fixed order: the status the last step returned, ftol, divergence, stationarity ≤ tol
 * (not for mini-batches), maxIter, interruption, timeLimit; then one step of the method.
 *
 * <p>What holds between passes: x, f and g of the iterate belong together (on the current mini-batch
 * when stochastic); the best point seen (lowest full f with a finite gradient) is either the current
 * point or kept in a buffer of its own; nothing is copied or allocated per iteration (moves swap buffers,
 * see {@link Iterate}).
 */
public final class Descent {
    private Descent() {
    }

    /**
     * The stopping rules of one run. {@code deadline} is a System.nanoTime() value (Long.MAX_VALUE: none); {@code epochs}
     * is the number of passes over the data that set maxIter ({@code epochs: 5} of a mini-batch run), 0 when maxIter is
     * the method's default or given.
     */
    public record Limits(int maxIter, double tol, double ftol, long deadline, double timeLimit, int epochs) {
        public Limits(int maxIter, double tol, double ftol, long deadline, double timeLimit) {
            this(maxIter, tol, ftol, deadline, timeLimit, 0);
        }

        /** Where maxIter comes from, as a report names it: {@code maxIter}, or {@code 5 epochs}. */
        String budget() {
            return epochs == 0 ? "maxIter" : epochs + (epochs == 1 ? " epoch" : " epochs");
        }
    }

    /** What a run ended with. f and g are of the minimized objective (−f for maximize). */
    public record Outcome(double[] x, double f, double[] g, Status status, String message, int iterations,
                          double measure, String measureName, double startF, int divergedAt) {
    }

    /** Runs the method from x0 (projected onto the bounds). {@code sign} converts f to the user's sign for traces and progress. */
    public static Outcome run(Method m, Objective obj, double[] x0, Limits lim, Trace trace, ProgressListener pl, double sign) {
        boolean stochastic = obj.stochastic();
        Iterate it = new Iterate(obj, x0.clone());
        it.stepNormWanted = trace != null;
        obj.project(it.x);
        obj.selectBatch(0);
        it.evaluate();
        m.init(it);
        double f0 = it.f;
        double x0norm = infNorm(it.x);
        // the best point: the current one, or (after a step that made f worse) the one kept in bestX
        double[] bestX = new double[it.x.length];
        boolean bestIsCurrent = true;
        double bestF = Double.isFinite(it.f) ? it.f : Double.POSITIVE_INFINITY;
        Status status;
        String message = null;
        Status stepStatus = null;
        int divergedAt = -1;
        int t = 0;
        long movesBefore = it.moves();
        double fPrev = Double.NaN;
        double measure;
        if (trace != null) trace.start(it);
        // a method that can, takes step t in the pass that measures iterate t; the step moves only if the tests below go on
        boolean ahead = trace == null && !stochastic && m.stepsAhead(it);
        while (true) {
            // observe iterate t: one pass over g (and x where the measure needs it)
            measure = ahead ? m.stepAhead(it, t) : stochastic ? gradientNorm(it.g) : m.stationarity(it);
            boolean gFinite = stochastic || m.stationarityChecksFinite() ? !Double.isNaN(measure) && measure != Double.POSITIVE_INFINITY
                    : allFinite(it.g);
            if (trace != null) trace.record(t, it, sign, measure);
            if (t > 0) {
                if (pl != null) pl.onIteration(t, lim.maxIter(), sign * it.f);
                if (it.moves() != movesBefore) {
                    if (Double.isFinite(it.f) && it.f < bestF && gFinite) {
                        bestF = it.f;
                        bestIsCurrent = true;
                    } else if (bestIsCurrent) {
                        bestX = it.takePreviousX(bestX);    // the point the step left was the best: keep it
                        bestIsCurrent = false;
                    }
                }
                if (stepStatus != null) {
                    status = stepStatus;
                    if (stepStatus == Status.CONVERGED) message = converged(measureName(m, obj), measure, lim);
                    break;
                }
                if (lim.ftol() > 0 && !stochastic && Double.isFinite(it.f)) {
                    double change = Math.abs(fPrev - it.f) / Math.max(1, Math.max(Math.abs(fPrev), Math.abs(it.f)));
                    if (change <= lim.ftol()) {
                        status = Status.CONVERGED;
                        message = "relative change of f " + Numbers.round(change, 3) + " ≤ ftol " + Numbers.round(lim.ftol(), 6);
                        break;
                    }
                }
            }
            String runaway = runaway(it, gFinite, f0, x0norm);
            if (runaway != null) {
                status = Status.DIVERGED;
                message = runaway;
                divergedAt = t;
                break;
            }
            if (!stochastic && measure <= lim.tol()) {
                status = Status.CONVERGED;
                message = converged(measureName(m, obj), measure, lim);
                break;
            }
            if (t >= lim.maxIter()) {
                status = Status.MAX_ITERATIONS;
                break;
            }
            if (Thread.currentThread().isInterrupted()) {
                status = Status.INTERRUPTED;
                break;
            }
            if (lim.deadline() != Long.MAX_VALUE && System.nanoTime() - lim.deadline() >= 0) {
                status = Status.TIME_LIMIT;
                break;
            }
            fPrev = it.f;
            movesBefore = it.moves();
            obj.selectBatch(t + 1);
            try {
                stepStatus = m.step(it, t);
            } catch (EvaluationInterruptedException e) { // Ctrl-C during a pass over the data
                status = Status.INTERRUPTED;
                break;
            }
            t++;
        }
        if (trace != null) trace.last(t, it, sign, measure);
        if (status == Status.INTERRUPTED) Thread.interrupted();  // handled: the run reports it
        boolean keepBest = status == Status.DIVERGED || status == Status.INTERRUPTED || status == Status.TIME_LIMIT || status == Status.STALLED;
        obj.useAllRows();
        boolean useBest = !bestIsCurrent && (keepBest && !stochastic || status == Status.DIVERGED && stochastic);
        double[] x = (useBest ? bestX : it.x).clone();
        double[] g = new double[x.length];
        double f;
        if (stochastic || useBest || !m.usesGradient()) {
            f = obj.valueAndGradient(x, g);
            it = new Iterate(obj, x.clone());
            System.arraycopy(g, 0, it.g, 0, g.length);
            it.f = f;
        } else {
            f = it.f;
            System.arraycopy(it.g, 0, g, 0, g.length);
        }
        if (status != Status.DIVERGED || Double.isFinite(f)) measure = safeMeasure(m, it);
        if (message == null) message = describe(status, t, lim, measure, measureName(m, obj));
        return new Outcome(x, f, g, status, message, t, measure, measureName(m, obj), f0, divergedAt);
    }

    /**
     * The method's stationarity measure by name; inside bounds it is the projected gradient's (a component pushing
     * out at an active bound counts as 0, as scipy's L-BFGS-B pgtol), so the name says "projected": at a corner
     * minimum ∇f itself is not 0.
     */
    private static String measureName(Method m, Objective obj) {
        String name = m.measureName();
        return obj.bounded() && name.startsWith("|∇") ? "projected " + name : name;
    }

    private static String converged(String measureName, double measure, Limits lim) {
        return measureName + " = " + Numbers.round(measure, 3) + " ≤ tol " + Numbers.round(lim.tol(), 6);
    }

    private static double safeMeasure(Method m, Iterate it) {
        try {
            return m.stationarity(it);
        } catch (RuntimeException e) {
            return it.objective.projectedGradientNorm(it.x, it.g);
        }
    }

    /** The usual reason of a stall, which the report replaces where f has a kink at the point ({@link KinkNearby}). */
    static final String ROUNDING = " (often the limit of floating-point accuracy; loosen tol)";

    private static String describe(Status s, int t, Limits lim, double measure, String measureName) {
        String m = Double.isNaN(measure) ? "" : measureName + " = " + Numbers.round(measure, 3) + " > tol " + Numbers.round(lim.tol(), 6);
        return switch (s) {
            case MAX_ITERATIONS -> (lim.epochs() > 0 ? "ran the " + lim.budget() + " asked (" + lim.maxIter() + " steps)"
                    : "stopped after maxIter = " + lim.maxIter() + " iterations") + (m.isEmpty() ? "" : "; " + m);
            case TIME_LIMIT -> "stopped by timeLimit " + Numbers.format(lim.timeLimit()) + " s at iteration " + t + "; the best point is kept" + (m.isEmpty() ? "" : "; " + m);
            case INTERRUPTED -> "interrupted at iteration " + t + "; the best point is kept";
            case STALLED -> "stalled at iteration " + t + ": no step along the search direction decreases f"
                    + (m.isEmpty() ? "" : "; " + m) + ROUNDING;
            default -> s.text();
        };
    }

    /** Why the iterate counts as diverged, or null. ‖x‖∞ comes from the last step when it computed it. */
    private static String runaway(Iterate it, boolean gFinite, double f0, double x0norm) {
        if (!Double.isFinite(it.f)) return "f became " + Numbers.format(it.f);
        if (!gFinite) return "the gradient became non-finite";
        double xNorm = it.xNorm >= 0 ? it.xNorm : Double.isNaN(it.xNorm) ? Double.NaN : infNorm(it.x);
        if (!Double.isFinite(xNorm)) return "x became non-finite";
        double scale = Math.max(1, Math.abs(f0));
        if (it.f > f0 + 1e10 * scale) return "f grew from " + Numbers.round(f0, 4) + " to " + Numbers.round(it.f, 4) + " (more than 1e10 × its start value)";
        if (it.f < f0 - 1e10 * scale) return "f fell from " + Numbers.round(f0, 4) + " to " + Numbers.round(it.f, 4) + ": the objective looks unbounded below";
        if (xNorm > 1e10 * Math.max(1, x0norm)) return "x grew to " + Numbers.round(xNorm, 3) + " (more than 1e10 × the start)";
        return null;
    }

    static boolean allFinite(double[] v) {
        double s = 0;
        for (double d : v) s += d * 0;
        return s == 0;
    }

    /** ‖v‖∞, NaN when v has a NaN. */
    static double infNorm(double[] v) {
        return MaxAbs.of(v);
    }

    /** ‖g‖∞ for mini-batch runs (NaN or ∞ when g is not finite). */
    private static double gradientNorm(double[] g) {
        return infNorm(g);
    }
}
