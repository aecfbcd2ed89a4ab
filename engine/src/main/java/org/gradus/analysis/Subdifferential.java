package org.gradus.analysis;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.gradus.atoms.Abs;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Max;
import org.gradus.atoms.Min;
import org.gradus.atoms.Relu;
import org.gradus.atoms.ScaledTerms;
import org.gradus.atoms.VectorFunction;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.SumOver;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.List;

/**
 * The subdifferential ∂f(p) of a function that is smooth but for kinks of abs, relu, max and min of smooth arguments
 * (|x| + |y|, (x − 1)² + λ(|x| + |y|), relu(x + y − 1) + (x − y)²): the set of its generalized gradients at p, in
 * Clarke's sense, written as a zonotope — the gradient of the smooth parts plus one segment for each kink active at p
 * ([−1, 1]·∇u for |u| with u(p) = 0, [0, 1]·∇u for relu(u), [0, 1]·(∇u − ∇v) for max(u, v) with u(p) = v(p)). Where
 * every kink enters with a coefficient of one sign, f (or −f) is regular and the sum is ∂f(p) itself; otherwise it
 * only contains it ({@link Zonotope#exact}).
 *
 * <p>What it proves: a local minimum or maximum of f lies where 0 ∈ ∂f(p), so 0 outside the zonotope makes p no
 * extremum; with f convex, 0 ∈ ∂f(p) makes p a minimum (the least value); with f regular and 0 inside ∂f(p) — not on
 * its boundary — every one-sided slope f′(p; d) = max over ∂f(p) of g·d is positive, a strict local minimum.
 */
final class Subdifferential {
    private Subdifferential() {
    }

    /** The set {λ·direction : lo ≤ λ ≤ hi}. */
    record Segment(double[] direction, double lo, double hi) {
    }

    /**
     * centre + Σ segments; {@code sign} is +1 where every kink enters with a positive coefficient (f regular), −1 where
     * every one enters with a negative one (−f regular), 0 otherwise (then the zonotope only contains ∂f(p)).
     */
    record Zonotope(double[] centre, List<Segment> segments, int sign) {
        boolean exact() {
            return sign != 0;
        }

        /** "(0, -0.4) + [-1, 1]·(0, 0.5)". */
        String text() {
            StringBuilder sb = new StringBuilder(vector(centre));
            for (Segment s : segments) {
                sb.append(" + [").append(Numbers.format(s.lo())).append(", ").append(Numbers.format(s.hi())).append("]·").append(vector(s.direction()));
            }
            return sb.toString();
        }
    }

    /** Where 0 lies: inside the zonotope (with room around it), on it, outside, or not decided (rounding). */
    enum Zero { INSIDE, ON, OUTSIDE, UNDECIDED }

    /** ∂f(p) as a zonotope, or null where f has a non-smooth part this reading does not know (a kink of sqrt, a jump). */
    static Zonotope at(Expr f, Layout layout, double[] p) {
        Walk w = new Walk(layout, p);
        if (!w.add(f, 1)) return null;
        int sign = w.positive && !w.negative ? 1 : w.negative && !w.positive ? -1 : 0;
        return new Zonotope(w.centre, w.segments, sign);
    }

    /**
     * Where 0 lies with respect to the zonotope, by a linear program: the largest margin t (up to 1) such that
     * 0 = centre + Σ λₖ·directionₖ with every λₖ at least t·(its range)/2 inside its range. t &gt; 0 and directions that
     * span the space: 0 is inside; t = 0 up to rounding: on the boundary; t &lt; 0 or no λ at all: outside.
     */
    static Zero zero(Zonotope z) {
        int n = z.centre().length, m = z.segments().size();
        if (m == 0) {
            double norm = 0;
            for (double c : z.centre()) norm = Math.max(norm, Math.abs(c));
            return norm <= 1e-9 ? Zero.ON : Zero.OUTSIDE;
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] row = new double[m + 1];
            for (int k = 0; k < m; k++) row[k] = z.segments().get(k).direction()[i];
            constraints.add(new LinearConstraint(row, Relationship.EQ, -z.centre()[i]));
        }
        for (int k = 0; k < m; k++) {
            Segment s = z.segments().get(k);
            double half = 0.5 * (s.hi() - s.lo());
            double[] lower = new double[m + 1], upper = new double[m + 1];
            lower[k] = 1;
            lower[m] = -half;
            upper[k] = 1;
            upper[m] = half;
            constraints.add(new LinearConstraint(lower, Relationship.GEQ, s.lo()));
            constraints.add(new LinearConstraint(upper, Relationship.LEQ, s.hi()));
        }
        double[] t = new double[m + 1];
        t[m] = 1;
        constraints.add(new LinearConstraint(t, Relationship.LEQ, 1));
        double margin;
        try {
            PointValuePair best = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(1000), new LinearObjectiveFunction(t, 0),
                    new LinearConstraintSet(constraints), GoalType.MAXIMIZE, new NonNegativeConstraint(false));
            margin = best.getValue();
        } catch (NoFeasibleSolutionException e) {
            return Zero.OUTSIDE;
        } catch (RuntimeException e) {   // too many iterations, unbounded: not decided
            return Zero.UNDECIDED;
        }
        if (margin < -1e-6) return Zero.OUTSIDE;
        if (margin < 1e-9) return margin >= -1e-9 ? Zero.ON : Zero.UNDECIDED;
        double[][] d = new double[n][m];
        for (int k = 0; k < m; k++) for (int i = 0; i < n; i++) d[i][k] = z.segments().get(k).direction()[i];
        int rank = new SingularValueDecomposition(new Array2DRowRealMatrix(d, false)).getRank();
        return rank == n ? Zero.INSIDE : Zero.ON;
    }

    private static String vector(double[] v) {
        List<String> parts = new ArrayList<>();
        for (double x : v) parts.add(Numbers.round(x, 8));
        return "(" + String.join(", ", parts) + ")";
    }

    /** Adds each part's contribution, scaled by the coefficient it enters f with. */
    private static final class Walk {
        private final Layout layout;
        private final double[] p;
        final double[] centre;
        final List<Segment> segments = new ArrayList<>();
        boolean positive, negative;

        Walk(Layout layout, double[] p) {
            this.layout = layout;
            this.p = p;
            this.centre = new double[p.length];
        }

        boolean add(Expr e, double k) {
            if (smoothAt(e)) {
                double[] g = gradient(e);
                if (g == null) return false;
                for (int i = 0; i < g.length; i++) centre[i] += k * g[i];
                return true;
            }
            if (e instanceof VectorFunction v) return add(v.lowered(), k);   // l1(w) as |w[0]| + |w[1]| + …
            List<Expr> summed = e instanceof SumOver s ? ScalarCoordinates.terms(s) : null;
            if (summed != null) {
                for (Expr t : summed) if (!add(t, k)) return false;
                return true;
            }
            ScaledTerms terms = ScaledTerms.of(e);     // a sum, or a constant multiple: each term with its coefficient
            if (!terms.whole(e)) {
                for (int t = 0; t < terms.cores().size(); t++) if (!add(terms.cores().get(t), k * terms.coefficients().get(t))) return false;
                return true;
            }
            if (!(e instanceof Apply a)) return false;
            if (a.atom() instanceof Abs) return kink(a.arg(0), null, -1, k, k);
            if (a.atom() instanceof Relu) return kink(a.arg(0), null, 0, k, k);
            if (a.atom() instanceof Max) return kink(a.arg(0), a.arg(1), 0, k, k);
            if (a.atom() instanceof Min) return kink(a.arg(0), a.arg(1), 0, k, -k);   // min(u, v) = −max(−u, −v)
            return false;
        }

        /**
         * A kink at p: for one argument u, λ·∇u with λ in [lo, 1] (abs: −1, relu: 0); for two, ∇v + λ·(∇u − ∇v) with λ in
         * [0, 1]. {@code regularity} is the coefficient's sign as it counts for regularity (a min counts as its max negated).
         */
        private boolean kink(Expr u, Expr v, double lo, double k, double regularity) {
            if (!smoothAt(u) || (v != null && !smoothAt(v))) return false;
            double[] gu = gradient(u), gv = v == null ? null : gradient(v);
            if (gu == null || (v != null && gv == null)) return false;
            double[] dir = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                dir[i] = k * (v == null ? gu[i] : gu[i] - gv[i]);
                if (v != null) centre[i] += k * gv[i];
            }
            segments.add(new Segment(dir, lo, 1));
            if (regularity > 0) positive = true;
            if (regularity < 0) negative = true;
            return true;
        }

        private boolean smoothAt(Expr e) {
            Enclosure enc = Enclosure.around(layout, p, 1e-9);
            enc.of(e);
            return enc.smooth() && enc.defined();
        }

        private double[] gradient(Expr e) {
            double[] g = new double[p.length];
            double v = new CompiledFunction(e, layout).valueAndGradient(p, g);
            for (double x : g) if (!Double.isFinite(x)) return null;
            return Double.isFinite(v) ? g : null;
        }
    }
}
