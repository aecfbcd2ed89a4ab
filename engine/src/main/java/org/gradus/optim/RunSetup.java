package org.gradus.optim;

import org.gradus.atoms.Ops;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Expr;
import org.gradus.optim.method.MethodSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * What every run of one {@code minimize} shares (third stage of {@link Minimizer#run}): the compiled
 * objective the method sees (sign·f, or its smooth part for a proximal method, on mini-batches with
 * {@code batch:}), the full objective the runs are compared on, the general constraints compiled as
 * cᵢ(x) ≤ 0 or = 0, and the stopping rules. Each compiled function passes over data sets on
 * {@code threads:} threads when given (the results do not depend on it).
 *
 * @param full        f itself (with its l1 term), compared between runs and reported
 * @param batches     null without {@code batch:}
 * @param constraints the general constraints, compiled
 */
record RunSetup(CompiledObjective objective, CompiledFunction full, Batches batches, List<AugmentedLagrangian.Compiled> constraints,
                Descent.Limits limits) {

    /**
     * @param t0 System.nanoTime() when the call began (the time limit counts from there)
     * @throws IllegalArgumentException for {@code batch:} with constraints or without a data reduction
     */
    static RunSetup of(Problem p, MethodChoice choice, Settings s, long t0) {
        if (!p.general().isEmpty() && s.batch() != null) {
            throw new IllegalArgumentException("batch: cannot be combined with constraints (subjectTo)");
        }
        Expr target = choice.target(p.f());
        CompiledFunction fn = new CompiledFunction(target, p.layout());
        CompiledFunction full = choice.split() != null ? new CompiledFunction(p.f(), p.layout()) : fn;
        if (!Double.isFinite(full.value(p.start()))) {
            // no step size helps a descent that starts where the objective is undefined
            String outside = org.gradus.eval.DomainCheck.at(p.f(), p.layout(), p.start());
            if (outside != null) {
                throw new IllegalArgumentException("the start point is outside the objective's domain: " + outside
                        + "; start inside it (start: [...], or the variables' start values)");
            }
        }
        Batches batches = Batches.of(target, s);
        List<AugmentedLagrangian.Compiled> compiled = new ArrayList<>();
        for (Constraint c : p.general()) {
            Expr ce = ">=".equals(c.op()) ? Ops.sub(c.rhs(), c.lhs()) : Ops.sub(c.lhs(), c.rhs());
            compiled.add(new AugmentedLagrangian.Compiled(new CompiledFunction(ce, p.layout()), c.isEquality()));
        }
        if (s.threads() != null) {
            fn.threads(s.threads());
            full.threads(s.threads());
            for (AugmentedLagrangian.Compiled c : compiled) c.c().threads(s.threads());
        }
        CompiledObjective obj = new CompiledObjective(fn, p.sign(), p.lower(), p.upper(), batches);
        return new RunSetup(obj, full, batches, List.copyOf(compiled), limits(choice.spec(), s, p.dimension(), batches, t0));
    }

    /**
     * maxIter (the method's default, or {@code epochs} × steps per epoch, capped by {@code maxIter}), tol
     * (the method's default), ftol (off by default) and the deadline of {@code timeLimit}.
     */
    private static Descent.Limits limits(MethodSpec spec, Settings s, int n, Batches batches, long t0) {
        int maxIter, epochs = 0;
        if (s.epochs() != null) {
            long e = (long) s.epochs() * (batches == null ? 1 : batches.stepsPerEpoch());
            maxIter = (int) Math.min(Integer.MAX_VALUE, e);
            if (s.maxIter() != null) maxIter = Math.min(maxIter, s.maxIter());
            if (maxIter == e) epochs = s.epochs();
        } else {
            maxIter = s.maxIter() != null ? s.maxIter() : spec.defaultMaxIter(n);
        }
        double tol = s.tol(spec.defaultTol());
        double ftol = s.ftol() == null ? 0 : s.ftol();
        long deadline = s.timeLimit() == null ? Long.MAX_VALUE : t0 + (long) (s.timeLimit() * 1e9);
        return new Descent.Limits(maxIter, tol, ftol, deadline, s.timeLimit() == null ? Double.NaN : s.timeLimit(), epochs);
    }

    /** Mini-batch steps per epoch, or 0 for full-batch runs. */
    int stepsPerEpoch() {
        return batches == null ? 0 : batches.stepsPerEpoch();
    }
}
