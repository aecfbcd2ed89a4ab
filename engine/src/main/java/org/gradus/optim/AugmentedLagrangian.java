package org.gradus.optim;

import org.gradus.eval.CompiledFunction;
import org.gradus.optim.method.Method;
import org.gradus.print.Numbers;

import java.util.List;
import java.util.function.Supplier;

/**
 * General constraints by the augmented Lagrangian method (Powell–Hestenes–Rockafellar; Nocedal &amp; Wright
 * §17.4, inequalities as in LANCELOT/ALGENCAN), around a bound-constrained inner solver (projected
 * L-BFGS by default). Each constraint is written cᵢ(x) = lhs − rhs (≤ 0 or = 0; {@code >=} flips the sign).
 * The inner problem minimizes
 * <pre>  L(x) = f(x) + Σ_eq (λᵢcᵢ + ρ/2·cᵢ²) + Σ_ineq ρ/2·(max(0, cᵢ + λᵢ/ρ)² − (λᵢ/ρ)²)</pre>
 * then λᵢ ← λᵢ + ρcᵢ (clipped at 0 for inequalities) and ρ grows tenfold whenever the violation did not
 * fall below a quarter of the previous one. Converged when every violation ≤ 1e-8, every inequality's
 * complementarity |min(−cᵢ, λᵢ)| ≤ 1e-8 (a positive multiplier only on a constraint that holds with equality:
 * without it, max x·y s.t. x + y ≤ 4 stopped at (1.9945, 1.9945) with λ = 1.99 on a slack constraint), and the inner
 * stationarity (‖projected ∇L‖∞, which is the KKT residual for the updated λ) ≤ tol; infeasible when
 * the violation stays above 1e-6 after 60 outer iterations or at ρ = 1e12. A converged run's point is then polished
 * by Newton's method on the KKT conditions of its active constraints ({@link KktPolish}).
 */
final class AugmentedLagrangian {
    static final double CTOL = 1e-8;
    private AugmentedLagrangian() {
    }

    /** One general constraint cᵢ(x) ≤ 0 (or = 0), compiled over the problem's layout. */
    record Compiled(CompiledFunction c, boolean equality) {
    }

    record Result(Descent.Outcome outcome, double[] lambda, double[] values, int outer, double rho) {
    }

    /** The inner objective L(x) for fixed λ and ρ; f evaluations are counted on {@code f}. */
    static final class Penalized extends Objective {
        final Objective f;
        final List<Compiled> cons;
        final double[] lambda;
        double rho;
        private final double[] gc;

        Penalized(Objective f, List<Compiled> cons, double[] lambda, double rho) {
            super(f.lower(), f.upper());
            this.f = f;
            this.cons = cons;
            this.lambda = lambda;
            this.rho = rho;
            this.gc = new double[f.dimension()];
        }

        /** The multiplier estimate λᵢ + ρcᵢ (clipped for inequalities) that the penalty's gradient uses. */
        double coefficient(int i, double ci) {
            double v = lambda[i] + rho * ci;
            return cons.get(i).equality() ? v : Math.max(0, v);
        }

        @Override
        public double value(double[] x) {
            double v = f.value(x);
            for (int i = 0; i < cons.size(); i++) v += penalty(i, cons.get(i).c().value(x));
            return v;
        }

        private double penalty(int i, double ci) {
            if (cons.get(i).equality()) return lambda[i] * ci + 0.5 * rho * ci * ci;
            double a = Math.max(0, ci + lambda[i] / rho);
            return 0.5 * rho * (a * a - (lambda[i] / rho) * (lambda[i] / rho));
        }

        @Override
        public double valueAndGradient(double[] x, double[] g) {
            double v = f.valueAndGradient(x, g);
            for (int i = 0; i < cons.size(); i++) {
                double ci = cons.get(i).c().valueAndGradient(x, gc);
                v += penalty(i, ci);
                double k = coefficient(i, ci);
                if (k != 0) for (int j = 0; j < g.length; j++) g[j] += k * gc[j];
            }
            return v;
        }
    }

    /** Times a stuck run is moved off a point where every violated constraint's gradient vanishes. */
    private static final int MAX_NUDGES = 3;

    /**
     * Whether every violated constraint has a zero gradient at x: a critical point of the violation (the
     * saddle of x*y at 0, or the true minimum of x**2 + y**2 + 1), where no penalty can move x.
     */
    private static boolean violatedGradientsVanish(List<Compiled> cons, double[] x, double[] values) {
        double[] g = new double[x.length];
        boolean any = false;
        for (int i = 0; i < cons.size(); i++) {
            boolean violated = cons.get(i).equality() ? Math.abs(values[i]) > CTOL : values[i] > CTOL;
            if (!violated) continue;
            any = true;
            cons.get(i).c().valueAndGradient(x, g);
            for (double gj : g) if (Math.abs(gj) > 1e-12 * (1 + Math.abs(values[i]))) return false;
        }
        return any;
    }

    /**
     * x moved by 10⁻³ of its scale along a fixed pseudo-random direction (seeded by the attempt: the same run
     * gives the same result), kept in the bounds. A true infeasible point draws the run back; a saddle of the
     * constraint lets it leave.
     */
    private static double[] nudge(Objective f, double[] x, int attempt) {
        java.util.Random random = new java.util.Random(attempt);
        double[] y = x.clone();
        for (int j = 0; j < y.length; j++) y[j] += 1e-3 * Math.max(1, Math.abs(y[j])) * random.nextGaussian();
        f.project(y);
        return y;
    }

    /**
     * Solves from x0 with inner methods made by {@code inner}; limits apply to each inner run, the deadline
     * to all. The inner iterates go to {@code trace} (may be null) in one sequence, with f's own values.
     */
    static Result solve(Objective f, List<Compiled> cons, double[] x0, Supplier<Method> inner, Descent.Limits lim, double sign, Trace trace) {
        int m = cons.size();
        double[] lambda = new double[m];
        double rho = 10;
        double[] x = x0.clone();
        double prevViolation = Double.POSITIVE_INFINITY;
        int totalIterations = 0;
        Descent.Outcome out = null;
        double[] values = new double[m];
        int outer = 0;
        int nudges = 0;
        Status status = null;
        String message = null;
        for (outer = 1; outer <= 60; outer++) {
            Penalized p = new Penalized(f, cons, lambda, rho);
            int remaining = Math.max(0, lim.maxIter() - totalIterations);
            Descent.Limits innerLim = new Descent.Limits(remaining, lim.tol(), lim.ftol(), lim.deadline(), lim.timeLimit());
            if (trace != null) trace.follow(totalIterations, f);
            out = Descent.run(inner.get(), p, x, innerLim, trace, null, sign);
            totalIterations += out.iterations();
            x = out.x();
            double violation = 0;
            for (int i = 0; i < m; i++) {
                values[i] = cons.get(i).c().value(x);
                violation = Math.max(violation, cons.get(i).equality() ? Math.abs(values[i]) : Math.max(0, values[i]));
            }
            Status s = out.status();
            if (violation > CTOL && nudges < MAX_NUDGES && s == Status.CONVERGED && violatedGradientsVanish(cons, x, values)) {
                x = nudge(f, x, ++nudges);      // the penalty's gradient is 0 here: no penalty moves x (x*y >= 1 from (0, 0))
                prevViolation = Double.POSITIVE_INFINITY;
                continue;
            }
            double complementarity = 0;       // |min(−cᵢ, λᵢ)|: a multiplier on an inequality that does not hold with equality
            for (int i = 0; i < m; i++) {
                lambda[i] = p.coefficient(i, values[i]);
                if (!cons.get(i).equality()) complementarity = Math.max(complementarity, Math.abs(Math.min(-values[i], lambda[i])));
            }
            if (s == Status.INTERRUPTED || s == Status.TIME_LIMIT || s == Status.DIVERGED) {
                status = s;
                message = out.message();
                break;
            }
            if (violation <= CTOL && complementarity <= CTOL && out.measure() <= lim.tol()) {
                KktPolish.Polished polished = f.stochastic() ? null : KktPolish.polish(f, cons, x, lambda);
                String polish = "";
                if (polished != null) {      // the penalty's last 1e-9 of violation, removed by Newton on the KKT conditions
                    x = polished.x();
                    System.arraycopy(polished.lambda(), 0, lambda, 0, m);
                    System.arraycopy(polished.values(), 0, values, 0, m);
                    violation = 0;
                    for (int i = 0; i < m; i++) violation = Math.max(violation, cons.get(i).equality() ? Math.abs(values[i]) : Math.max(0, values[i]));
                    double measure = 0;
                    for (double gj : polished.lagrangianGradient()) measure = Math.max(measure, Math.abs(gj));
                    out = new Descent.Outcome(x, f.value(x), polished.lagrangianGradient(), out.status(), out.message(), out.iterations(),
                            measure, out.measureName(), out.startF(), out.divergedAt());
                    polish = ", then Newton's method on the KKT conditions of the active constraints";
                }
                status = Status.CONVERGED;
                message = "max violation " + Numbers.round(violation, 3) + " ≤ 1e-8 and " + out.measureName() + " of the Lagrangian = "
                        + Numbers.round(out.measure(), 3) + " ≤ tol " + Numbers.round(lim.tol(), 6) + " after " + outer + " augmented-Lagrangian rounds"
                        + polish;
                break;
            }
            if (totalIterations >= lim.maxIter()) {
                status = violation > 1e-6 ? Status.INFEASIBLE : Status.MAX_ITERATIONS;
                message = "stopped after maxIter = " + lim.maxIter() + " inner iterations; max violation " + Numbers.round(violation, 3);
                break;
            }
            if (violation > 0.25 * prevViolation) {
                if (rho >= 1e12) {
                    status = violation > 1e-6 ? Status.INFEASIBLE : Status.STALLED;
                    message = "the violation stays at " + Numbers.round(violation, 3) + " with penalty ρ = 1e12"
                            + (violation > 1e-6 ? ": the constraints look infeasible" : "")
                            + (nudges > 0 ? " (moved " + nudges + (nudges == 1 ? " time" : " times") + " off a point where the violated "
                            + "constraints' gradients vanish, the run came back to it)" : "");
                    break;
                }
                rho *= 10;
            }
            prevViolation = Math.min(prevViolation, violation);
        }
        if (status == null) {
            double violation = 0;
            for (int i = 0; i < m; i++) violation = Math.max(violation, cons.get(i).equality() ? Math.abs(values[i]) : Math.max(0, values[i]));
            status = violation > 1e-6 ? Status.INFEASIBLE : Status.MAX_ITERATIONS;
            message = "60 augmented-Lagrangian rounds; max violation " + Numbers.round(violation, 3);
        }
        Descent.Outcome o = new Descent.Outcome(out.x(), out.f(), out.g(), status, message, totalIterations, out.measure(),
                out.measureName(), out.startF(), out.divergedAt());
        return new Result(o, lambda, values, Math.min(outer, 60), rho);
    }
}
