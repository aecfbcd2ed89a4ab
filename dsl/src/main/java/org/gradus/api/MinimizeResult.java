package org.gradus.api;

import org.gradus.optim.Status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code minimize} or {@code maximize} (JSON kinds {@code minimize}, {@code maximize}): the
 * solution {@link #x()}, the objective's value there {@link #f()}, why the run stopped {@link #status()},
 * and the work it took. A {@code diverged} or {@code max-iterations} status is a result, not an error.
 */
public final class MinimizeResult extends Result {
    /** What the run counted: evaluations of f, of its gradient and of its Hessian. */
    public record Evaluations(long f, long gradient, long hessian) {
    }

    /** A constraint at the solution: its text, the value of lhs − rhs, how far it is violated, its multiplier. */
    public record ConstraintValue(String text, double value, double violation, double multiplier) {
    }

    MinimizeResult(Record record) {
        super(record);
    }

    /** True for {@code maximize}. */
    public boolean isMaximize() {
        return "maximize".equals(kind());
    }

    /** The method that ran ({@code auto} resolved: {@code lbfgs}, {@code adam}, ...). */
    public String method() {
        return text("method");
    }

    /** Why the run stopped: converged, max-iterations, diverged, time-limit, interrupted, stalled, infeasible. */
    public Status status() {
        String s = text("status");
        for (Status st : Status.values()) if (st.text().equals(s)) return st;
        throw new IllegalStateException("unknown status '" + s + "' (this API is older than the engine that ran the script)");
    }

    /** True when the run converged (status {@code converged}). */
    public boolean converged() {
        return status() == Status.CONVERGED;
    }

    /** The solution: the best point found. */
    public Point x() {
        return point("x");
    }

    /** The value of the scalar variable {@code name} at the solution; see {@link Point#get}. */
    public double x(String name) {
        return x().get(name);
    }

    /** The objective's own value at the solution (also for {@code maximize}: f, not −f). */
    public double f() {
        return number("f");
    }

    /** The gradient's norm at the solution (the measure the method tests against {@code tol}). */
    public double gradNorm() {
        return number("gradNorm");
    }

    /** Iterations the method took. */
    public long iterations() {
        return count("iterations");
    }

    /** Evaluations of f, ∇f and ∇²f. */
    public Evaluations evaluations() {
        Map<?, ?> e = field("evaluations") instanceof Map<?, ?> m ? m : Map.of();
        return new Evaluations(n(e.get("f")), n(e.get("gradient")), n(e.get("hessian")));
    }

    /** Seconds the run took (wall clock). */
    public double seconds() {
        return number("seconds");
    }

    /** Why it stopped, in words ({@code |∇f|∞ = 1.3e-15 ≤ tol 1e-6 after 2 iterations}). */
    public String message() {
        return text("message");
    }

    /** The constraints at the solution; empty for an unconstrained problem. */
    public List<ConstraintValue> constraints() {
        if (!(field("constraints") instanceof List<?> list)) return List.of();
        List<ConstraintValue> out = new ArrayList<>();
        for (Object o : list) {
            Map<?, ?> c = (Map<?, ?>) o;
            out.add(new ConstraintValue(String.valueOf(c.get("text")), JsonValues.number(c.get("value")),
                    JsonValues.number(c.get("violation")), JsonValues.number(c.get("multiplier"))));
        }
        return Collections.unmodifiableList(out);
    }

    /** The largest constraint violation at the solution; NaN without constraints. */
    public double maxViolation() {
        return number("maxViolation");
    }

    /**
     * The recorded iterates, one row per iteration (with {@code trace: true}); empty when the run recorded
     * none or wrote its trace to a file.
     */
    public List<TraceRow> trace() {
        if (!(field("trace") instanceof List<?> list)) return List.of();
        List<TraceRow> out = new ArrayList<>(list.size());
        for (Object o : list) if (o instanceof Map<?, ?> m) out.add(new TraceRow(m));
        return Collections.unmodifiableList(out);
    }

    /**
     * True when the problem solved is proved convex (a convex objective — concave for maximize — over a
     * convex feasible set: the optimum found is global); null when the rules could not prove it.
     */
    public Boolean isConvexProblem() {
        return field("problem") instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("convex")) ? Boolean.TRUE : null;
    }

    /** Why the problem is (or is not proved) convex; null when not analysed. */
    public String convexityReason() {
        return field("problem") instanceof Map<?, ?> m && m.get("reason") != null ? String.valueOf(m.get("reason")) : null;
    }

    private static long n(Object v) {
        return v instanceof Number num ? num.longValue() : 0;
    }
}
