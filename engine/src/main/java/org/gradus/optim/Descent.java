package org.gradus.optim;

import org.gradus.eval.EvaluationInterruptedException;

import org.gradus.optim.method.Method;
import org.gradus.print.Numbers;

/**
 * The one generic loop every method runs in. Between iterations it holds: x, f and g of the iterate
 * belong together (on the current mini-batch when stochastic), and {@code best} is the point with the
 * lowest full f seen. Each pass applies the stopping tests in a fixed order — divergence, stationarity
 * ≤ tol (not for mini-batches), maxIter, interruption, timeLimit — then one step of the method, then
 * the ftol test.
 */
public final class Descent {
    private Descent() {
    }

    /** The stopping rules of one run. {@code deadline} is a System.nanoTime() value (Long.MAX_VALUE: none). */
    public record Limits(int maxIter, double tol, double ftol, long deadline, double timeLimit) {
    }

    /** What a run ended with. f and g are of the minimized objective (−f for maximize). */
    public record Outcome(double[] x, double f, double[] g, Status status, String message, int iterations,
                          double measure, String measureName, double startF, int divergedAt) {
    }

    /** Runs the method from x0 (projected onto the bounds). {@code sign} converts f to the user's sign for traces and progress. */
    public static Outcome run(Method m, Objective obj, double[] x0, Limits lim, Trace trace, ProgressListener pl, double sign) {
        boolean stochastic = obj.stochastic();
        Iterate it = new Iterate(obj, x0.clone());
        obj.project(it.x);
        obj.selectBatch(0);
        it.evaluate();
        m.init(it);
        double f0 = it.f;
        double x0norm = infNorm(it.x);
        double[] best = it.x.clone();
        double bestF = Double.isFinite(it.f) ? it.f : Double.POSITIVE_INFINITY;
        Status status = null;
        String message = null;
        int divergedAt = -1;
        int t = 0;
        double measure = Double.NaN;
        if (trace != null) trace.add(0, sign * it.f, m.stationarity(it), 0, Double.NaN);
        while (true) {
            String runaway = runaway(it, f0, x0norm);
            if (runaway != null) {
                status = Status.DIVERGED;
                message = runaway;
                divergedAt = t;
                break;
            }
            if (!stochastic) {
                measure = m.stationarity(it);
                if (measure <= lim.tol()) {
                    status = Status.CONVERGED;
                    message = m.measureName() + " = " + Numbers.round(measure, 3) + " ≤ tol " + Numbers.round(lim.tol(), 6);
                    break;
                }
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
            double fPrev = it.f;
            obj.selectBatch(t + 1);
            Status s;
            try {
                s = m.step(it, t);
            } catch (EvaluationInterruptedException e) { // Ctrl-C during a pass over the data
                status = Status.INTERRUPTED;
                break;
            }
            t++;
            if (trace != null) trace.add(t, sign * it.f, stochastic ? infNorm(it.g) : m.stationarity(it), it.stepNorm, it.lr);
            if (pl != null) pl.onIteration(t, lim.maxIter(), sign * it.f);
            if (Double.isFinite(it.f) && it.f < bestF && allFinite(it.g)) {
                bestF = it.f;
                System.arraycopy(it.x, 0, best, 0, best.length);
            }
            if (s != null) {
                status = s;
                if (s == Status.CONVERGED) message = m.measureName() + " = " + Numbers.round(m.stationarity(it), 3) + " ≤ tol " + Numbers.round(lim.tol(), 6);
                break;
            }
            if (lim.ftol() > 0 && !stochastic && Double.isFinite(it.f)
                    && Math.abs(fPrev - it.f) <= lim.ftol() * Math.max(1, Math.max(Math.abs(fPrev), Math.abs(it.f)))) {
                status = Status.CONVERGED;
                message = "relative change of f " + Numbers.round(Math.abs(fPrev - it.f) / Math.max(1, Math.max(Math.abs(fPrev), Math.abs(it.f))), 3)
                        + " ≤ ftol " + Numbers.round(lim.ftol(), 6);
                break;
            }
        }
        if (status == Status.INTERRUPTED) Thread.interrupted();  // handled: the run reports it
        boolean keepBest = status == Status.DIVERGED || status == Status.INTERRUPTED || status == Status.TIME_LIMIT || status == Status.STALLED;
        obj.useAllRows();
        double[] x = keepBest && !stochastic ? best : it.x;
        if (status == Status.DIVERGED && stochastic) x = best;
        double[] g = new double[x.length];
        double f;
        if (stochastic || x != it.x || !m.usesGradient()) {
            f = obj.valueAndGradient(x, g);
            it = new Iterate(obj, x);
            System.arraycopy(g, 0, it.g, 0, g.length);
            it.f = f;
        } else {
            f = it.f;
            System.arraycopy(it.g, 0, g, 0, g.length);
        }
        if (status != Status.DIVERGED || Double.isFinite(f)) measure = safeMeasure(m, it);
        if (message == null) message = describe(status, t, lim, measure, m.measureName());
        return new Outcome(x, f, g, status, message, t, measure, m.measureName(), f0, divergedAt);
    }

    private static double safeMeasure(Method m, Iterate it) {
        try {
            return m.stationarity(it);
        } catch (RuntimeException e) {
            return it.objective.projectedGradientNorm(it.x, it.g);
        }
    }

    private static String describe(Status s, int t, Limits lim, double measure, String measureName) {
        String m = Double.isNaN(measure) ? "" : measureName + " = " + Numbers.round(measure, 3) + " > tol " + Numbers.round(lim.tol(), 6);
        return switch (s) {
            case MAX_ITERATIONS -> "stopped after maxIter = " + lim.maxIter() + " iterations" + (m.isEmpty() ? "" : "; " + m);
            case TIME_LIMIT -> "stopped by timeLimit " + Numbers.format(lim.timeLimit()) + " s at iteration " + t + "; the best point is kept" + (m.isEmpty() ? "" : "; " + m);
            case INTERRUPTED -> "interrupted at iteration " + t + "; the best point is kept";
            case STALLED -> "stalled at iteration " + t + ": no step along the search direction decreases f"
                    + (m.isEmpty() ? "" : "; " + m) + " (often the limit of floating-point accuracy; loosen tol)";
            default -> s.text();
        };
    }

    /** Why the iterate counts as diverged, or null. */
    private static String runaway(Iterate it, double f0, double x0norm) {
        if (!Double.isFinite(it.f)) return "f became " + Numbers.format(it.f);
        if (!allFinite(it.g)) return "the gradient became non-finite";
        if (!allFinite(it.x)) return "x became non-finite";
        double scale = Math.max(1, Math.abs(f0));
        if (it.f > f0 + 1e10 * scale) return "f grew from " + Numbers.round(f0, 4) + " to " + Numbers.round(it.f, 4) + " (more than 1e10 × its start value)";
        if (it.f < f0 - 1e10 * scale) return "f fell from " + Numbers.round(f0, 4) + " to " + Numbers.round(it.f, 4) + ": the objective looks unbounded below";
        if (infNorm(it.x) > 1e10 * Math.max(1, x0norm)) return "x grew to " + Numbers.round(infNorm(it.x), 3) + " (more than 1e10 × the start)";
        return null;
    }

    static boolean allFinite(double[] v) {
        double s = 0;
        for (double d : v) s += d * 0;
        return s == 0;
    }

    static double infNorm(double[] v) {
        double m = 0;
        for (double d : v) m = Math.max(m, Math.abs(d));
        return m;
    }
}
