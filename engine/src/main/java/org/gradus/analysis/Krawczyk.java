package org.gradus.analysis;

import org.gradus.atoms.OutwardRounding;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.gradus.atoms.Interval;
import org.gradus.diff.Differentiator;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Variable;

/**
 * Krawczyk's interval Newton test (Moore, Kearfott and Cloud, <i>Introduction to Interval Analysis</i>, §8.2):
 * for F: Rⁿ → Rⁿ smooth on a box X with midpoint m and C an approximate inverse of F′(m),
 * K = m − C·F(m) + (I − C·F′(X))·(X − m). If K lies inside the interior of X, F has exactly one zero in X. Every
 * quantity is enclosed with outward rounding ({@link Enclosure}), so the answer is a proof; false means only
 * that the test did not succeed (a singular F′, a box too wide or too narrow for the rounding).
 */
final class Krawczyk {
    private Krawczyk() {
    }

    /** True when F (one expression per coordinate of the layout's scalar variables) has exactly one zero in the box. */
    static boolean provesZero(Expr[] f, Layout layout, Interval[] box) {
        int n = f.length;
        double[] m = new double[n];
        for (int i = 0; i < n; i++) m[i] = 0.5 * (box[i].lo() + box[i].hi());
        Enclosure atMid = Enclosure.atPoint(layout, m), overBox = Enclosure.overBox(layout, box);
        if (!overBox.defined()) return false;
        Interval[] fm = new Interval[n];
        Interval[][] jac = new Interval[n][n];
        double[][] mid = new double[n][n];
        for (int i = 0; i < n; i++) {
            fm[i] = atMid.of(f[i]);
            for (int j = 0; j < n; j++) {
                if (!(layout.blocks().get(j) instanceof Variable v)) return false;
                jac[i][j] = overBox.of(Differentiator.partial(f[i], v));
                if (!jac[i][j].bounded()) return false;
                mid[i][j] = 0.5 * (jac[i][j].lo() + jac[i][j].hi());
            }
        }
        if (!overBox.defined() || !overBox.smooth()) return false;
        RealMatrix c;
        try {
            LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(mid));
            if (!lu.getSolver().isNonSingular()) return false;
            c = lu.getSolver().getInverse();
        } catch (RuntimeException singular) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            Interval k = Interval.point(m[i]);
            for (int j = 0; j < n; j++) k = OutwardRounding.sub(k, OutwardRounding.mul(Interval.point(c.getEntry(i, j)), fm[j]));
            for (int j = 0; j < n; j++) {
                Interval entry = Interval.point(i == j ? 1 : 0);                        // (I − C·J)ᵢⱼ
                for (int l = 0; l < n; l++) entry = OutwardRounding.sub(entry, OutwardRounding.mul(Interval.point(c.getEntry(i, l)), jac[l][j]));
                Interval offset = OutwardRounding.sub(box[j], Interval.point(m[j]));
                k = OutwardRounding.add(k, OutwardRounding.mul(entry, offset));
            }
            if (!(k.lo() > box[i].lo() && k.hi() < box[i].hi())) return false;
        }
        return true;
    }
}
