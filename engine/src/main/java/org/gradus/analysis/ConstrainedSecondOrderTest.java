package org.gradus.analysis;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.gradus.atoms.Ops;
import org.gradus.calculus.HessianAt;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.optim.Constraint;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second-order test of a constrained minimum (Nocedal and Wright, Theorems 12.5 and 12.6): at a point that satisfies
 * the first-order (KKT) conditions, the Hessian of the Lagrangian ∇²f + Σ μᵢ∇²cᵢ, restricted to the directions along
 * the active constraints (the null space of their gradients), must be positive semidefinite at a minimum, and positive
 * definite there makes the point a strict local minimum. What the unconstrained test is for a saddle, this is for a
 * point that only balances the constraints: {@code minimize(x*y, subjectTo: { x + y == 1 })} from (0, 0) stops at
 * (½, ½), the maximum of x(1 − x) along the line, where f decreases without bound in both directions.
 *
 * <p>Everything is computed again at the point: which constraints hold with equality (within 1e-6 of their scale), their
 * multipliers by least squares from ∇f + Σ μᵢ∇cᵢ = 0, and the Hessians. A constraint active with a zero multiplier
 * (an inequality: an equality binds whatever its multiplier) makes the directions a cone, not a subspace: the verdict is then a minimum only when the directions along the
 * constraints with positive multipliers already show it, not one when those along all active ones show a negative
 * curvature, and otherwise {@code degenerate}. Where the multipliers do not balance ∇f (the run stopped short of a KKT
 * point) or the active gradients are dependent, the test does not apply (null).
 */
public final class ConstrainedSecondOrderTest {
    private static final double ACTIVE = 1e-6;
    private static final double BALANCED = 1e-5;

    private ConstrainedSecondOrderTest() {
    }

    /** One constraint written cᵢ(x) ≤ 0, == 0 or ≥ 0 with its gradient and (for a general one) its Hessian at the point. */
    private record Row(String text, String op, double[] gradient, double[][] hessian) {
    }

    /**
     * The test at {@code x}, where a run of {@code minimize} (or {@code maximize}) subject to {@code constraints} and the
     * layout's bounds stopped: {@code type} ({@code minimum}, {@code maximum}, {@code saddle}, {@code degenerate}, for
     * {@code f} itself, as the unconstrained test says it), {@code eigenvalues} of the Hessian of the Lagrangian along the
     * active constraints (ascending) and {@code text}; null where it does not apply.
     */
    public static Map<String, Object> atResult(Expr f, List<Constraint> constraints, Layout layout, double[] x, boolean maximize) {
        int n = layout.dimension();
        if (n == 0 || n > SecondDerivativeTest.MAX_VARIABLES) return null;
        CompiledFunction objective = new CompiledFunction(f, layout);
        double sign = maximize ? -1 : 1;                           // the problem as minimized: sign·f
        double[] g = new double[n];
        objective.valueAndGradient(x, g);
        double[][] h = objective.hessian(x);
        if (!HessianAt.finite(h)) return null;
        for (int i = 0; i < n; i++) {
            g[i] *= sign;
            for (int j = 0; j < n; j++) h[i][j] *= sign;
        }
        List<Row> active = activeRows(constraints, layout, x);
        if (active == null) return null;
        int m = active.size();
        double[] mu = multipliers(active, g, n);
        if (mu == null) return null;
        double scale = Math.max(1, norm(g));
        List<Row> strong = new ArrayList<>();
        boolean weak = false;
        for (int i = 0; i < m; i++) {
            Row r = active.get(i);
            double toward = r.op.equals("<=") ? mu[i] : r.op.equals(">=") ? -mu[i] : Math.abs(mu[i]);  // ≥ 0 at a KKT point
            if (toward < -BALANCED * scale) return null;                     // a wrong-signed multiplier: not a KKT point
            if (r.op.equals("==") || toward > ACTIVE * scale) strong.add(r);       // an equality binds whatever its multiplier
            else weak = true;
            if (r.hessian != null) {
                for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) h[a][b] += mu[i] * r.hessian[a][b];
            }
        }
        double[] along = reducedEigenvalues(h, strong, n);
        double[] alongAll = weak ? reducedEigenvalues(h, active, n) : along;
        if (along == null || alongAll == null) return null;
        String type = along.length == 0 ? "minimum" : SecondDerivativeTest.type(along);
        if (weak && !type.equals("minimum")) {
            String all = alongAll.length == 0 ? "minimum" : SecondDerivativeTest.type(alongAll);
            type = all.equals("saddle") || all.equals("maximum") ? all : "degenerate";
            along = alongAll;
        }
        if (maximize) type = type.equals("minimum") ? "maximum" : type.equals("maximum") ? "minimum" : type;
        return report(type, along, active, strong.size(), maximize);
    }

    /** The constraints (and bounds) that hold with equality at x, or null when one is not finite there. */
    private static List<Row> activeRows(List<Constraint> constraints, Layout layout, double[] x) {
        int n = layout.dimension();
        List<Row> rows = new ArrayList<>();
        List<String> bounds = new ArrayList<>();
        for (Constraint c : constraints) {
            Constraint.Bound b = c.asBound(layout);
            if (b != null) {
                addBound(rows, bounds, b.index(), b.op(), b.value(), x, c.text(), n);
                continue;
            }
            CompiledFunction cf = new CompiledFunction(Ops.sub(c.lhs(), c.rhs()), layout);
            double[] a = new double[n];
            double value = cf.valueAndGradient(x, a);
            if (!Double.isFinite(value)) return null;
            if (!c.isEquality() && Math.abs(value) > ACTIVE * Math.max(1, norm(a))) continue;
            double[][] hc = cf.hessian(x);
            if (!HessianAt.finite(hc)) return null;
            rows.add(new Row(c.text(), c.op(), a, hc));
        }
        double[] lower = layout.lower(), upper = layout.upper();
        for (int i = 0; i < n; i++) {
            String name = layout.coordinateName(i);
            if (Double.isFinite(lower[i])) addBound(rows, bounds, i, ">=", lower[i], x, name + " >= " + Numbers.format(lower[i]), n);
            if (Double.isFinite(upper[i])) addBound(rows, bounds, i, "<=", upper[i], x, name + " <= " + Numbers.format(upper[i]), n);
        }
        return rows;
    }

    private static void addBound(List<Row> rows, List<String> seen, int i, String op, double value, double[] x, String text, int n) {
        if (!op.equals("==") && Math.abs(x[i] - value) > ACTIVE * Math.max(1, Math.abs(value))) return;
        if (seen.contains(i + op + value)) return;                   // x >= 0 in subjectTo and lower: 0 on the variable
        seen.add(i + op + value);
        double[] a = new double[n];
        a[i] = 1;
        rows.add(new Row(text, op, a, null));
    }

    /** μ with ∇f + Σ μᵢ aᵢ = 0 by least squares, or null when the gradients are dependent or do not balance ∇f. */
    private static double[] multipliers(List<Row> active, double[] g, int n) {
        int m = active.size();
        if (m == 0) return new double[0];                            // an interior point: the run's own test was on ∇f
        if (m > n) return null;
        double[][] at = new double[n][m];
        for (int i = 0; i < m; i++) for (int k = 0; k < n; k++) at[k][i] = active.get(i).gradient[k];
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(at, false));
        if (svd.getRank() < m) return null;
        double[] minusG = new double[n];
        for (int k = 0; k < n; k++) minusG[k] = -g[k];
        double[] mu = svd.getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(minusG, false)).toArray();
        double[] residual = g.clone();
        for (int i = 0; i < m; i++) for (int k = 0; k < n; k++) residual[k] += mu[i] * at[k][i];
        double size = Math.max(1, norm(g));
        for (int i = 0; i < m; i++) size = Math.max(size, Math.abs(mu[i]) * norm(active.get(i).gradient));
        return norm(residual) <= BALANCED * size ? mu : null;
    }

    /** Eigenvalues (ascending) of H restricted to the null space of the rows' gradients; empty when that is {0}. */
    private static double[] reducedEigenvalues(double[][] h, List<Row> rows, int n) {
        double[][] z;
        if (rows.isEmpty()) {
            z = new double[n][n];
            for (int i = 0; i < n; i++) z[i][i] = 1;
        } else {
            double[][] a = new double[Math.max(rows.size(), n)][n];             // padded with zero rows: V is n×n
            for (int i = 0; i < rows.size(); i++) a[i] = rows.get(i).gradient.clone();
            SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(a, false));
            int rank = svd.getRank();
            if (rank < rows.size()) return null;
            if (n - rank == 0) return new double[0];
            z = svd.getV().getSubMatrix(0, n - 1, rank, n - 1).getData();
        }
        RealMatrix zm = new Array2DRowRealMatrix(z, false);
        double[][] reduced = zm.transpose().multiply(new Array2DRowRealMatrix(h, false)).multiply(zm).getData();
        for (int i = 0; i < reduced.length; i++) {                      // symmetric up to rounding
            for (int j = i + 1; j < reduced.length; j++) reduced[i][j] = reduced[j][i] = (reduced[i][j] + reduced[j][i]) / 2;
        }
        return HessianAt.eigenvalues(reduced);
    }

    private static Map<String, Object> report(String type, double[] eigenvalues, List<Row> active, int strong, boolean maximize) {
        String wanted = maximize ? "maximum" : "minimum";
        List<Double> values = new ArrayList<>();                     // of f's Lagrangian: negated back for maximize
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < eigenvalues.length; i++) {
            double v = maximize ? -eigenvalues[eigenvalues.length - 1 - i] : eigenvalues[i];
            values.add(v);
            shown.add(Numbers.round(v, 6));
        }
        List<String> texts = new ArrayList<>();
        for (Row r : active) texts.add(r.text);
        String where = active.isEmpty() ? "with no constraint active"
                : texts.size() <= 4 ? "along " + String.join(", ", texts) : "along the " + texts.size() + " active constraints";
        String eig = "the Hessian of the Lagrangian " + where + " has eigenvalues " + String.join(", ", shown);
        String text;
        if (eigenvalues.length == 0) {
            text = "every direction leaves the feasible set (" + (texts.size() <= 4 ? String.join(", ", texts) : texts.size() + " constraints") + " active, "
                    + (texts.size() == 1 ? "with a nonzero multiplier" : "each with a nonzero multiplier") + "): a strict local " + wanted;
        } else {
            text = switch (type) {
                case "saddle" -> eig + ", of both signs: not a " + wanted + " (f " + (maximize ? "increases" : "decreases")
                        + " along the constraints in some direction); start elsewhere";
                case "degenerate" -> eig + ": a zero eigenvalue" + (strong < active.size() ? " or a constraint active with a zero multiplier" : "")
                        + ", so the second-order test cannot tell whether this is a " + wanted;
                default -> type.equals(wanted)
                        ? eig + ": a strict local " + wanted + " on the feasible set by the second-order test"
                        : eig + ": a local " + type + " along the constraints, not a " + wanted + " (f " + (maximize ? "increases" : "decreases")
                        + " along them on both sides); start elsewhere, or the problem may be unbounded";
            };
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("eigenvalues", values);
        m.put("text", text);
        return m;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double a : v) s += a * a;
        return Math.sqrt(s);
    }
}
