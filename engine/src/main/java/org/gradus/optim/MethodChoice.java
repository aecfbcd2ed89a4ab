package org.gradus.optim;

import org.gradus.expr.Expr;
import org.gradus.optim.method.MethodSpec;
import org.gradus.optim.method.Optimizers;

/**
 * Which method runs (second stage of {@link Minimizer#run}), and for {@code auto} why: general
 * constraints → L-BFGS inside an augmented Lagrangian; smooth + λ·l1 → FISTA (soft-thresholding gives
 * exact zeros); otherwise L-BFGS, projected when there are bounds. A proximal method gets the objective
 * split into its smooth part and the l1 weights.
 *
 * @param reason for {@code auto}: what it picked and why; null when the script named the method
 * @param split  the smooth + Σλᵢ|xᵢ| split for a proximal method, else null
 */
record MethodChoice(MethodSpec spec, boolean auto, String reason, L1Split split) {

    /** What {@code method: 'auto'} does, in a line (REPL help). */
    static final String AUTO_SUMMARY = "picks lbfgs, a bound-aware or constrained method, or fista, and says which";

    /**
     * @param requested a name from {@link Optimizers#methodNames()} (checked by {@link Settings})
     * @throws IllegalArgumentException when the named method cannot maximize and should
     */
    static MethodChoice of(String requested, Problem p) {
        return "auto".equals(requested) ? auto(p) : named(Optimizers.get(requested), p);
    }

    /**
     * @throws IllegalArgumentException when the problem has general constraints the method cannot take
     *                                  (checked after its options, so an option error is said first)
     */
    void checkConstraints(Problem p) {
        if (!p.general().isEmpty() && !spec.takesConstraints()) {
            throw new IllegalArgumentException("method '" + spec.name() + "' cannot take constraints (subjectTo); use method: 'auto' or 'lbfgs' "
                    + "(an augmented Lagrangian around L-BFGS)");
        }
    }

    private static MethodChoice auto(Problem p) {
        MethodSpec lbfgs = Optimizers.get("lbfgs");
        if (!p.general().isEmpty()) {
            return new MethodChoice(lbfgs, true, "picked lbfgs inside an augmented Lagrangian: there are constraints (" + p.general().size()
                    + " general" + (p.bounds().isEmpty() ? "" : ", " + p.bounds().size() + " kept as bounds") + ")", null);
        }
        L1Split split = p.maximize() ? null : L1Split.of(p.f(), p.layout());
        if (split != null) {
            return new MethodChoice(Optimizers.get("fista"), true, "picked fista: the objective is smooth + λ·l1, and soft-thresholding gives exact zeros",
                    split);
        }
        return new MethodChoice(lbfgs, true, p.bounded() ? "picked lbfgs, projected onto the bounds (L-BFGS-B style): the variables have bounds"
                : "picked lbfgs: no bounds, constraints or l1 term", null);
    }

    private static MethodChoice named(MethodSpec spec, Problem p) {
        if (!spec.proximal()) return new MethodChoice(spec, false, null, null);
        if (p.maximize()) {
            throw new IllegalArgumentException(spec.name() + " minimizes smooth + l1 objectives; it cannot maximize. Use maximize with lbfgs, or minimize the negation");
        }
        L1Split split = L1Split.of(p.f(), p.layout());
        return new MethodChoice(spec, false, null, split != null ? split : new L1Split(p.f(), new double[p.dimension()]));
    }

    /** The name of the method that runs. */
    String name() {
        return spec.name();
    }

    /** What the method minimizes: the smooth part for a proximal method, else f. */
    Expr target(Expr f) {
        return split != null ? split.smooth() : f;
    }

    /** λᵢ per coordinate for a proximal method, else null. */
    double[] l1Weights() {
        return split == null ? null : split.weights();
    }

    /** cᵢ of each term λᵢ|xᵢ − cᵢ| for a proximal method, else null. */
    double[] l1Centres() {
        return split == null ? null : split.centres();
    }
}
