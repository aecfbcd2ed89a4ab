package org.gradus.analysis;

import org.gradus.atoms.OutwardRounding;
import org.gradus.atoms.Interval;
import org.gradus.expr.Expr;

/**
 * A proof of semidefiniteness of the Hessian over a box by interval arithmetic: enclose every entry
 * (rigorous {@link Enclosure}) and check that each diagonal entry has the right sign and dominates the
 * rest of its row in absolute value (Gershgorin). Bounded boxes are bisected along their widest side
 * when the whole box is too coarse.
 */
final class IntervalHessian {
    private IntervalHessian() {
    }

    /** The number of sub-boxes used when the Hessian is PSD (sign +1) or NSD (sign −1) on all of d; 0 when not proved. */
    static int prove(Expr[][] h, Domain d, int sign) {
        int n = h.length;
        int budget = n <= 1 ? 2048 : n <= 3 ? 1024 : 128;
        int[] used = {0};
        return prove(h, d, d.box.clone(), sign, budget, used, 0) ? used[0] : 0;
    }

    private static boolean prove(Expr[][] h, Domain d, Interval[] box, int sign, int budget, int[] used, int depth) {
        if (++used[0] > budget) return false;
        int n = h.length;
        Enclosure enc = Enclosure.overBox(d.layout, box);
        Interval[][] e = new Interval[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) e[i][j] = enc.of(h[i][j]);
        if (!enc.defined() || !enc.smooth()) return false;
        boolean ok = true;
        for (int i = 0; i < n && ok; i++) {
            double off = 0;
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                off = OutwardRounding.up(off + Math.max(Math.abs(e[i][j].lo()), Math.abs(e[i][j].hi())));
            }
            ok = sign > 0 ? e[i][i].lo() >= off : e[i][i].hi() <= -off;
            if (Double.isNaN(off) || Double.isInfinite(off)) ok = false;
        }
        if (ok) return true;
        int widest = -1;
        double width = 0;
        for (int i = 0; i < n; i++) {
            if (!box[i].bounded()) return false;
            double w = box[i].hi() - box[i].lo();
            if (w > width) {
                width = w;
                widest = i;
            }
        }
        if (widest < 0 || depth > 40) return false;
        double mid = 0.5 * (box[widest].lo() + box[widest].hi());
        if (!(mid > box[widest].lo() && mid < box[widest].hi())) return false;
        Interval[] left = box.clone(), right = box.clone();
        left[widest] = new Interval(box[widest].lo(), mid);
        right[widest] = new Interval(mid, box[widest].hi());
        return prove(h, d, left, sign, budget, used, depth + 1) && prove(h, d, right, sign, budget, used, depth + 1);
    }
}
