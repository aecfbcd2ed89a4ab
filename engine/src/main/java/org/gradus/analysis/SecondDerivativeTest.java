package org.gradus.analysis;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
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
 * The second-derivative test: at a point where ∇f = 0, the signs of the Hessian's eigenvalues tell a
 * minimum (all positive), a maximum (all negative) and a saddle (both signs) apart; a zero eigenvalue with
 * no sign change leaves it open ({@code degenerate}: x³ at 0 is no extremum, x⁴ at 0 is a minimum). Used by
 * {@code stationary} for each point it finds and by {@code minimize} for the point a run of a problem not
 * proved convex stops at, so that a learner sees whether "converged" means a minimum; there, a point within rounding
 * of an interval bound of f over the whole space is also said to be at f's least value ({@link LeastValue}).
 */
public final class SecondDerivativeTest {
    /** Eigenvalues within this fraction of the largest magnitude (or of 1) count as zero. */
    static final double ZERO = 1e-8;
    /** The most variables whose Hessian {@link #atResult} computes (one reverse sweep per variable). */
    public static final int MAX_VARIABLES = 20;

    private SecondDerivativeTest() {
    }

    /**
     * {@code minimum}, {@code maximum}, {@code saddle} or {@code degenerate} by the signs of these
     * eigenvalues (any order); eigenvalues within the tolerance of zero are set to 0 in place, so that what
     * is printed agrees with the verdict.
     */
    public static String type(double[] eigenvalues) {
        double scale = 0;
        for (double v : eigenvalues) scale = Math.max(scale, Math.abs(v));
        double tol = ZERO * Math.max(1, scale);
        boolean pos = false, neg = false, zero = false;
        for (int i = 0; i < eigenvalues.length; i++) {
            if (eigenvalues[i] > tol) pos = true;
            else if (eigenvalues[i] < -tol) neg = true;
            else {
                zero = true;
                eigenvalues[i] = 0;
            }
        }
        return pos && neg ? "saddle" : zero ? "degenerate" : pos ? "minimum" : "maximum";
    }

    /**
     * A run stops where ∇f is small, not 0: the point where ∇f = 0 lies within about ‖∇f‖ / |λ|min of it (a
     * Newton step; two at a double zero of ∇f). The verdict stands only if the Hessian has the same sign pattern at
     * the ends of four times that distance along each eigenvector ({@code x**3} stopped at x = 5e-4 has f'' = 0.003 > 0 there, but
     * f'' = 0 at 0, inside that distance: no minimum). Sampled, not proved: a check against stopping short of a
     * place where the curvature changes.
     */
    private static boolean sameAround(CompiledFunction cf, double[] x, double[][] h, double[] ev, String type) {
        int n = x.length;
        double r = reach(cf, x, ev);
        if (!(r > 0)) return true;                       // ∇f = 0 exactly: the test applies at x itself
        if (!Double.isFinite(r)) return false;
        double[][] vectors = new EigenDecomposition(new Array2DRowRealMatrix(h, true)).getV().getData();
        for (int k = 0; k < n; k++) {
            for (int sign = -1; sign <= 1; sign += 2) {
                double[] y = x.clone();
                for (int i = 0; i < n; i++) y[i] += sign * r * vectors[i][k];
                double[][] hy = cf.hessian(y);
                if (!HessianAt.finite(hy) || !type(HessianAt.eigenvalues(hy)).equals(type)) return false;
            }
        }
        return true;
    }

    /**
     * Four Newton steps ‖∇f‖ / |λ|min: how far from x the point where ∇f = 0 may lie (∞ for a zero eigenvalue). Where ∇f
     * has a double zero (x³ + x⁴ at 0, which Newton's and first-order methods approach linearly) it lies two Newton steps
     * away, exactly: a check at twice the step lands on it and sees its f″ = 0 as a side of the minimum.
     */
    private static double reach(CompiledFunction cf, double[] x, double[] ev) {
        double[] g = new double[x.length];
        cf.valueAndGradient(x, g);
        double gNorm = 0, smallest = Double.POSITIVE_INFINITY;
        for (double v : g) gNorm += v * v;
        for (double v : ev) smallest = Math.min(smallest, Math.abs(v));
        return 4 * Math.sqrt(gNorm) / smallest;
    }

    /**
     * The test that fits the run: this one without constraints or bounds, else the constrained one (the Lagrangian's
     * Hessian along the active constraints, {@link ConstrainedSecondOrderTest}); null where it does not apply.
     */
    public static Map<String, Object> atResult(Expr f, List<Constraint> constraints, Layout layout, double[] x, boolean maximize) {
        return constraints.isEmpty() && !layout.bounded()
                ? atResult(f, layout, x, maximize)
                : ConstrainedSecondOrderTest.atResult(f, constraints, layout, x, maximize);
    }

    /**
     * The test at the point {@code x} a run of {@code minimize} (or {@code maximize}) stopped at:
     * {@code type}, {@code eigenvalues} (ascending) and {@code text}, what it means for the run, with {@code bound} and
     * {@code gap} where x is within rounding of f's least value ({@link LeastValue}); null when it does not apply (more
     * than {@link #MAX_VARIABLES} variables, a Hessian that is not finite there).
     */
    public static Map<String, Object> atResult(Expr f, Layout layout, double[] x, boolean maximize) {
        if (layout.dimension() == 0 || layout.dimension() > MAX_VARIABLES) return null;
        CompiledFunction cf = new CompiledFunction(f, layout);
        double[][] h = cf.hessian(x);
        if (!HessianAt.finite(h)) return null;
        double[] ev = HessianAt.eigenvalues(h);
        String type = type(ev);
        boolean steady = type.equals("degenerate") || sameAround(cf, x, h, ev, type);
        if (!steady) type = "degenerate";
        String wanted = maximize ? "maximum" : "minimum";
        List<Double> values = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (double v : ev) {
            values.add(v);
            shown.add(Numbers.round(v, 6));
        }
        String eig = "∇²f there has eigenvalues " + String.join(", ", shown);
        String flat = type.equals("degenerate") && layout.dimension() == 1 ? Inflection.near(f, layout, x[0], reach(cf, x, ev), maximize) : null;
        String text = switch (type) {
            case "saddle" -> eig + ", of both signs: a saddle point, not a " + wanted
                    + " (f " + (maximize ? "increases" : "decreases") + " along some direction); start elsewhere";
            case "degenerate" -> flat != null ? eig + ", and " + flat
                    : steady
                    ? eig + ": a zero eigenvalue, so the second-derivative test cannot tell whether this is a "
                    + wanted + " (x**4 at 0 is one, x**3 at 0 is not)"
                    : eig + ", but the curvature changes within the distance where ∇f = 0 may lie (∇f is small here, not 0), "
                    + "so the second-derivative test cannot tell whether this is a " + wanted;
            default -> type.equals(wanted)
                    ? eig + ": a strict local " + wanted + " by the second-derivative test"
                    : eig + ": a local " + type + ", not a " + wanted;
        };
        LeastValue.Certificate least = type.equals("degenerate") || type.equals(wanted) || type.equals("saddle") ? LeastValue.at(f, layout, x, maximize) : null;
        if (least != null) {
            String why = switch (type) {
                case "saddle" -> eig + ", of both signs"; // (xy − 1)² stopped 1e-7 off its valley floor xy = 1: −3.4e-7 and 4
                case "degenerate" -> eig + ": a zero eigenvalue, so the second-derivative test cannot tell";
                default -> text;
            };
            text = why + "; but " + least.text(maximize, layout.dimension()) + ": f's " + (maximize ? "greatest" : "least") + " value, up to rounding"
                    + (type.equals("saddle") ? " (no direction " + (maximize ? "rises" : "falls") + " by more than that: the test's saddle is the run "
                    + "stopping a hair off a valley of " + (maximize ? "maxima" : "minima") + ", or rounding)" : "");
            if (type.equals("saddle")) type = "degenerate";      // the test cannot tell; the bound can
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("eigenvalues", values);
        m.put("text", text);
        if (least != null) {
            m.put("bound", least.bound());
            m.put("gap", least.gap());
        }
        return m;
    }
}
