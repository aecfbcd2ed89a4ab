package org.gradus.diff;

import org.gradus.atoms.Add;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Multiply;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.IndexSymbol;

/** Index arithmetic: an index expression as slope·i + intercept with integer coefficients. */
final class AffineIndex {
    private AffineIndex() {
    }

    /** {slope, intercept}; throws when the index is not affine in i with integer coefficients. */
    static long[] solve(Expr index, IndexSymbol i) {
        double[] ab = affine(index, i);
        if (ab == null || ab[0] != Math.rint(ab[0]) || ab[1] != Math.rint(ab[1])) {
            throw new UnsupportedOperationException("the index " + index + " is not of the form a*" + i.name() + " + b with integers a, b");
        }
        return new long[]{(long) ab[0], (long) ab[1]};
    }

    private static double[] affine(Expr e, IndexSymbol i) {
        if (e instanceof Constant c) return new double[]{0, c.value()};
        if (e == i) return new double[]{1, 0};
        if (e instanceof Apply a && a.atom() instanceof Add) {
            double s = 0, t = 0;
            for (Expr x : a.args()) {
                double[] p = affine(x, i);
                if (p == null) return null;
                s += p[0];
                t += p[1];
            }
            return new double[]{s, t};
        }
        if (e instanceof Apply a && a.atom() instanceof Multiply) {
            double[] acc = {0, 1};
            for (Expr x : a.args()) {
                double[] p = affine(x, i);
                if (p == null) return null;
                if (acc[0] != 0 && p[0] != 0) return null; // i*i
                acc = new double[]{acc[0] * p[1] + acc[1] * p[0], acc[1] * p[1]};
            }
            return acc;
        }
        return null;
    }
}
