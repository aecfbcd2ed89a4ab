package org.gradus.dsl.vocabulary

import org.gradus.dsl.Coerce
import org.gradus.dsl.ScriptContext
import org.gradus.optim.Constraint
import org.gradus.optim.Minimizer
import org.gradus.optim.OptimizationResult
import org.gradus.optim.RunContext
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
                constraints.addAll(collectConstraints(v))
            } else if (key == 'over') {
                opts.put(key, Coerce.ranges(v))          // the engine reads the box and the start point, once
            } else {
                opts.put(key, v instanceof GString ? v.toString() : v)
            }
        }
        ScriptContext ctx = context()
        RunContext run = ctx == null ? RunContext.defaults() : RunContext.of(ctx.files, ctx.progress)
        OptimizationResult r = Minimizer.run(Coerce.expr(f, 'the objective'), maximize, opts, constraints, run)
        TraceFiles.write(r, run.files())     // trace: 'run.csv' — written here, through the script's file policy
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
        if (pendingConstraints == null) throw new IllegalStateException('a constraint outside subjectTo')
        pendingConstraints << new Constraint(Coerce.expr(lhs, 'the left side'), op, Coerce.expr(rhs, 'the right side'))
        null
    }
}
