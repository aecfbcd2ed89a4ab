package org.gradus.optim;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Newton's method on the KKT conditions of the constraints active where an augmented-Lagrangian run converged:
 * ∇f + Σ λᵢ∇cᵢ = 0 and cᵢ = 0 for the equalities and the inequalities with λᵢ &gt; 0, solved for (x, λ) with the exact
 * Hessian of the Lagrangian (the SQP step of Nocedal &amp; Wright §18.1 at a known active set). The penalty leaves x
 * about 10⁻⁹ outside the set (min x + y on the unit disc ended at −0.7071067823, f = −1.414213565 against −√2 =
 * −1.4142135624); from there Newton converges quadratically, and two or three steps put the point on the constraints
 * to rounding. A step is kept only while the KKT residual falls, the active inequalities' multipliers stay ≥ 0 and
 * the inactive ones still hold: otherwise the run's own point stands. Problems with bounds, or more than
 * {@link #MOST_VARIABLES} variables (a dense Hessian each step), are left as the run ended.
 */
final class KktPolish {
    private KktPolish() {
    }

    static final int MOST_VARIABLES = 40;
    private static final int MOST_STEPS = 8;

    /** The polished point, multipliers and constraint values, or null where no step improved the run's own. */
    record Polished(double[] x, double[] lambda, double[] values, double[] lagrangianGradient) {
    }

    static Polished polish(Objective f, List<AugmentedLagrangian.Compiled> cons, double[] x0, double[] lambda0) {
        int n = x0.length, m = cons.size();
        if (n > MOST_VARIABLES || f.bounded() || m == 0) return null;
        List<Integer> active = new ArrayList<>();
        for (int i = 0; i < m; i++) if (cons.get(i).equality() || lambda0[i] > 0) active.add(i);
        int k = active.size();
        if (k > n) return null;
        double[] x = x0.clone(), lambda = lambda0.clone();
        double[] gradient = new double[n];
        double residual = residual(f, cons, active, x, lambda, gradient);
        boolean improved = false;
        try {
            for (int step = 0; step < MOST_STEPS && residual > 0; step++) {
                double[][] kkt = new double[n + k][n + k];
                double[] rhs = new double[n + k];
                double[][] h = f.hessian(x);
                for (int r = 0; r < n; r++) System.arraycopy(h[r], 0, kkt[r], 0, n);
                double[] gc = new double[n];
                for (int a = 0; a < k; a++) {
                    int i = active.get(a);
                    double ci = cons.get(i).c().valueAndGradient(x, gc);
                    double[][] hc = cons.get(i).c().hessian(x);
                    for (int r = 0; r < n; r++) {
                        for (int c = 0; c < n; c++) kkt[r][c] += lambda[i] * hc[r][c];
                        kkt[r][n + a] = gc[r];
                        kkt[n + a][r] = gc[r];
                    }
                    rhs[n + a] = -ci;
                }
                for (int r = 0; r < n; r++) rhs[r] = -gradient[r];
                RealVector d = new LUDecomposition(new Array2DRowRealMatrix(kkt, false)).getSolver().solve(new ArrayRealVector(rhs, false));
                double[] nx = x.clone(), nl = lambda.clone();
                for (int r = 0; r < n; r++) nx[r] += d.getEntry(r);
                for (int a = 0; a < k; a++) nl[active.get(a)] += d.getEntry(n + a);
                if (!admissible(cons, active, nx, nl)) break;
                double[] ng = new double[n];
                double next = residual(f, cons, active, nx, nl, ng);
                if (!(next < residual)) break;
                x = nx;
                lambda = nl;
                gradient = ng;
                residual = next;
                improved = true;
            }
        } catch (RuntimeException e) {   // a singular KKT matrix (a degenerate active set), an objective without a Hessian
            // the steps taken so far stand: a polish never costs a converged run its result
        }
        if (!improved) return null;
        double[] values = new double[m];
        for (int i = 0; i < m; i++) values[i] = cons.get(i).c().value(x);
        return new Polished(x, lambda, values, gradient);
    }

    /** The active inequalities keep λ ≥ 0; the inactive ones still hold. */
    private static boolean admissible(List<AugmentedLagrangian.Compiled> cons, List<Integer> active, double[] x, double[] lambda) {
        for (int i = 0; i < cons.size(); i++) {
            if (cons.get(i).equality()) continue;
            if (active.contains(i) ? !(lambda[i] >= 0) : !(cons.get(i).c().value(x) <= 0)) return false;
        }
        for (double v : x) if (!Double.isFinite(v)) return false;
        return true;
    }

    /** max(‖∇f + Σ λᵢ∇cᵢ‖∞, max |cᵢ| over the active set); the Lagrangian's gradient into {@code g}. */
    private static double residual(Objective f, List<AugmentedLagrangian.Compiled> cons, List<Integer> active, double[] x, double[] lambda, double[] g) {
        double fx = f.valueAndGradient(x, g);
        if (!Double.isFinite(fx)) return Double.POSITIVE_INFINITY;
        double worst = 0;
        double[] gc = new double[x.length];
        for (int i : active) {
            double ci = cons.get(i).c().valueAndGradient(x, gc);
            worst = Math.max(worst, Math.abs(ci));
            for (int j = 0; j < g.length; j++) g[j] += lambda[i] * gc[j];
        }
        for (double v : g) worst = Math.max(worst, Math.abs(v));
        return Double.isFinite(worst) ? worst : Double.POSITIVE_INFINITY;
    }
}
