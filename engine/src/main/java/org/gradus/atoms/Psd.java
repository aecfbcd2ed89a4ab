package org.gradus.atoms;

import org.apache.commons.math3.fraction.BigFraction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The curvature of a quadratic form: semidefiniteness of a constant matrix, decided without trusting rounding: eigenvalues (commons-math3)
 * settle the clear cases (smallest above a margin that covers their error); when an eigenvalue is near
 * zero the question goes to exact rational arithmetic (every double is a fraction), an LDLᵀ
 * elimination with diagonal pivoting on M + Mᵀ.
 */
public final class Psd {
    private Psd() {
    }

    public enum Kind {
        /** The zero matrix. */
        ZERO,
        /** Positive semidefinite (exactly, or positive definite by a clear margin). */
        PSD,
        /** Negative semidefinite. */
        NSD,
        /** Clearly indefinite. */
        INDEFINITE,
        /** Indefinite only at the level of rounding: the entries are not exact enough to tell. */
        MARGINAL
    }

    private static final int EXACT_LIMIT = 60;

    public static Kind classify(double[][] m) {
        return classify(m, true);
    }

    /**
     * The semidefiniteness of (M + Mᵀ)/2. With {@code exact} false the entries carry rounding (they were
     * computed, not read from the expression), so a decision that needs exact zeros is MARGINAL.
     */
    public static Kind classify(double[][] m, boolean exact) {
        int n = m.length;
        if (n == 0) return Kind.ZERO;
        double[] ev = eigenvalues(m);
        double scale = Math.max(Math.abs(ev[0]), Math.abs(ev[n - 1]));
        double maxEntry = 0;
        for (double[] row : m) for (double v : row) maxEntry = Math.max(maxEntry, Math.abs(v));
        if (maxEntry == 0) return Kind.ZERO;
        if (!Double.isFinite(scale)) return Kind.MARGINAL;
        double tol = 1e-11 * n * Math.max(scale, maxEntry);
        if (ev[0] > tol) return Kind.PSD;
        if (ev[n - 1] < -tol) return Kind.NSD;
        if (ev[0] < -tol && ev[n - 1] > tol) return Kind.INDEFINITE;
        if (n > EXACT_LIMIT || !exact) return Kind.MARGINAL;
        boolean psd = exactlyPsd(m, 1), nsd = exactlyPsd(m, -1);
        if (psd && nsd) return Kind.ZERO;
        if (psd) return Kind.PSD;
        if (nsd) return Kind.NSD;
        if (ev[0] < -tol && ev[n - 1] >= -tol || ev[n - 1] > tol && ev[0] <= tol) {
            // one sign clearly present, the other only at rounding level
            return Kind.MARGINAL;
        }
        return Kind.MARGINAL;
    }

    /** Ascending eigenvalues of (M + Mᵀ)/2. */
    public static double[] eigenvalues(double[][] m) {
        int n = m.length;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) s[i][j] = 0.5 * (m[i][j] + m[j][i]);
        if (n == 0) return new double[0];
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(s, true)).getRealEigenvalues();
        Arrays.sort(ev);
        return ev;
    }

    public static String eigenText(double[][] m) {
        List<String> out = new ArrayList<>();
        double[] ev = eigenvalues(m);
        double scale = 0;
        for (double v : ev) scale = Math.max(scale, Math.abs(v));
        // eigenvalues at rounding level of the largest are 0 (the decomposition's error, not the matrix's)
        for (double v : ev) out.add(Numbers.round(Math.abs(v) <= 1e-12 * scale ? 0 : v, 6));
        return String.join(", ", out);
    }

    /** True when sign·(M + Mᵀ) is positive semidefinite, in exact arithmetic. */
    static boolean exactlyPsd(double[][] m, int sign) {
        int n = m.length;
        BigFraction[][] a = new BigFraction[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                BigFraction v = new BigFraction(m[i][j]).add(new BigFraction(m[j][i]));
                a[i][j] = sign > 0 ? v : v.negate();
            }
        }
        boolean[] done = new boolean[n];
        for (int step = 0; step < n; step++) {
            int p = -1;
            for (int i = 0; i < n; i++) {
                if (done[i]) continue;
                int s = a[i][i].compareTo(BigFraction.ZERO);
                if (s < 0) return false;
                if (s > 0 && (p < 0 || a[i][i].compareTo(a[p][p]) > 0)) p = i;
            }
            if (p < 0) {
                // zero diagonal: a PSD matrix then has zero rows
                for (int i = 0; i < n; i++) {
                    if (done[i]) continue;
                    for (int j = 0; j < n; j++) if (!done[j] && a[i][j].compareTo(BigFraction.ZERO) != 0) return false;
                }
                return true;
            }
            done[p] = true;
            for (int i = 0; i < n; i++) {
                if (done[i] || a[i][p].compareTo(BigFraction.ZERO) == 0) continue;
                BigFraction f = a[i][p].divide(a[p][p]);
                for (int j = 0; j < n; j++) {
                    if (done[j]) continue;
                    a[i][j] = a[i][j].subtract(f.multiply(a[p][j]));
                }
            }
        }
        return true;
    }
}
