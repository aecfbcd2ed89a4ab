package org.gradus.dsl.vocabulary

import org.gradus.analysis.ProblemConvexity
import org.gradus.analysis.SecondDerivativeTest
import org.gradus.dsl.Coerce
import org.gradus.dsl.ScriptContext
import org.gradus.expr.Expr
import org.gradus.optim.Constraint
import org.gradus.optim.ConstraintSet
import org.gradus.optim.Minimizer
import org.gradus.optim.OptimizationResult
import org.gradus.optim.RestartSummary
import org.gradus.optim.RunContext
import org.gradus.optim.Status
import org.gradus.optim.TraceFiles

/** {@code minimize}, {@code maximize} and their {@code subjectTo: { ... }} constraints (SPEC §2 "Optimization"). */
trait OptimizationVocabulary implements ScriptAccess {
    private List<Constraint> pendingConstraints

    OptimizationResult minimize(Map options = [:], Object f) { optimize(f, false, options) }

    OptimizationResult maximize(Map options = [:], Object f) { optimize(f, true, options) }

    private OptimizationResult optimize(Object f, boolean maximize, Map options) {
        Map<String, Object> opts = new LinkedHashMap<>()
        List<Constraint> constraints = []
        options.each { k, v ->
            String key = String.valueOf(k)
            if (key == 'subjectTo') {
                constraints.addAll(v instanceof ConstraintSet ? ((ConstraintSet) v).constraints() : collectConstraints(v))
            } else if (key == 'over') {
                opts.put(key, Coerce.ranges(v))          // the engine reads the box and the start point, once
            } else {
                opts.put(key, v instanceof GString ? v.toString() : v)
            }
        }
        ScriptContext ctx = context()
        RunContext run = ctx == null ? RunContext.defaults() : RunContext.of(ctx.files, ctx.progress)
        Expr objective = Coerce.expr(f, 'the objective')
        OptimizationResult r = Minimizer.run(objective, maximize, opts, constraints, run)
        Map<String, Object> problem = ProblemConvexity.of(objective, maximize, constraints)
        if (problem.get('convex') == null && opts.get('over') == null && r.status() == Status.CONVERGED) {
            // not proved convex: does the point pass the second-derivative test (along the active constraints, if any)?
            Map<String, Object> test = SecondDerivativeTest.atResult(objective, constraints, r.layout(), r.point(), maximize)
            if (test != null) problem.put('secondOrder', test)
        }
        r = r.withProblem(problem)
        if (r.restarts() != null && problem.get('convex') == null && constraints.isEmpty() && opts.get('over') == null && !r.layout().bounded()) {
            r = classifyEndPoints(r, objective, maximize)
        }
        TraceFiles.write(r, run.files())     // trace: 'run.csv' — written here, through the script's file policy
    }

    /**
     * Restarts of a problem not proved convex: each distinct end point by the second-derivative test, so
     * that a descent that stayed on a saddle (started there, ∇f = 0) is not counted as a minimum; one the test leaves
     * undecided but within rounding of an interval bound of f over the whole space is {@code least} ({@code greatest}),
     * and counts as one. Left unclassified where the test does not apply at some point (too many variables, a Hessian
     * not finite).
     */
    private static OptimizationResult classifyEndPoints(OptimizationResult r, Expr objective, boolean maximize) {
        List<String> types = []
        for (RestartSummary.Minimum m : r.restarts().minima()) {
            Map<String, Object> test = SecondDerivativeTest.atResult(objective, r.layout(), m.x(), maximize)
            if (test == null) return r
            boolean undecided = test.get('type') == 'degenerate'
            types << (undecided && test.get('bound') != null ? (maximize ? 'greatest' : 'least') : (String) test.get('type'))
        }
        r.withEndPointTypes(types)
    }

    /** {@code constraints { x**2 + y**2 <= 1; x + y >= 0 }}: a feasible set, for {@code convexity} or {@code subjectTo:}. */
    ConstraintSet constraints(Object block) {
        if (!(block instanceof Closure)) {
            throw new IllegalArgumentException('constraints takes a block of comparisons: constraints { x**2 + y**2 <= 1; x + y >= 0 }')
        }
        new ConstraintSet(collectConstraints(block))
    }

    /** The comparisons of a {@code subjectTo: { ... }} block as constraints (also read by {@code plot}). */
    List<Constraint> collectConstraints(Object block) {
        if (!(block instanceof Closure)) {
            throw new IllegalArgumentException('subjectTo takes a block of comparisons: subjectTo: { x + y <= 1; x >= 0 }')
        }
        List<Constraint> saved = pendingConstraints
        pendingConstraints = []
        try {
            ((Closure) block).call()
            if (pendingConstraints.isEmpty()) {
                throw new IllegalArgumentException('subjectTo found no constraint; write comparisons such as x + y <= 1, x >= 0 or x*y == 0.5')
            }
            return pendingConstraints
        } finally {
            pendingConstraints = saved
        }
    }

    /** Called for each comparison statement inside {@code subjectTo: { ... }} (rewritten by the compiler). */
    Object __constraint(Object lhs, String op, Object rhs) {
        if (pendingConstraints == null) throw new IllegalStateException('a constraint outside subjectTo or constraints')
        pendingConstraints.addAll(Constraint.elementwise(Coerce.expr(lhs, 'the left side'), op, Coerce.expr(rhs, 'the right side')))
        null
    }
}
