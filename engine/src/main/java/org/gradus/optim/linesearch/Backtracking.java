package org.gradus.optim.linesearch;

import org.gradus.optim.Iterate;
import org.gradus.print.Numbers;

/**
 * Armijo backtracking (Nocedal &amp; Wright, Algorithm 3.1): accept the first α with
 * f(x + αd) ≤ f(x) + c1·α·∇f·d, shrinking α by the minimizer of the quadratic interpolant, kept within
 * [rhoLo·α, rhoHi·α]. With {@code projected}, trial points are projected onto the bounds and the
 * decrease is measured along the projected path (Bertsekas' projected Armijo rule).
 *
 * <p>Defaults (LineSearches.jl {@code BackTracking}): c1 = 1e-4, rhoHi = 0.5, rhoLo = 0.1, at most 50 evaluations.
 */
public record Backtracking(double c1, double rhoHi, double rhoLo, int maxEvaluations, boolean projected) implements LineSearch {
    public static final Backtracking DEFAULT = new Backtracking(1e-4, 0.5, 0.1, 50, false);
    /** {@link #DEFAULT} with its trial points projected onto the bounds. */
    public static final Backtracking PROJECTED = DEFAULT.withProjection();

    public Backtracking withProjection() {
        return new Backtracking(c1, rhoHi, rhoLo, maxEvaluations, true);
    }

    @Override
    public double search(Iterate it, double[] d, double alpha0) {
        Probe p = it.probe(d, projected);
        if (!(p.dphi0 < 0)) return Double.NaN;
        double alpha = alpha0;
        for (int k = 0; k < maxEvaluations; k++) {
            double f = p.at(alpha);
            double predicted = projected ? p.predicted() : alpha * p.dphi0;
            if (Double.isFinite(f) && f <= p.f0 + c1 * predicted) return p.accept(alpha);
            double next;
            if (Double.isFinite(f)) {
                double denom = 2 * (f - p.f0 - p.dphi0 * alpha);
                next = denom > 0 ? -p.dphi0 * alpha * alpha / denom : rhoHi * alpha;
            } else {
                next = rhoLo * alpha;
            }
            alpha = Math.max(rhoLo * alpha, Math.min(rhoHi * alpha, next));
            if (alpha < 1e-20) break;
        }
        return Double.NaN;
    }

    @Override
    public LineSearch forBounds(boolean bounded) {
        if (!bounded || projected) return this;
        return this.equals(DEFAULT) ? PROJECTED : withProjection();
    }

    @Override
    public String describe() {
        return "Armijo backtracking (c1 = " + Numbers.format(c1) + ")";
    }
}
