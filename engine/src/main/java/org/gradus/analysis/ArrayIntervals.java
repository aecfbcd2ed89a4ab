package org.gradus.analysis;

import org.gradus.atoms.OutwardRounding;
import org.gradus.atoms.Interval;

import static org.gradus.atoms.OutwardRounding.add;
import static org.gradus.atoms.OutwardRounding.mul;
import static org.gradus.atoms.OutwardRounding.sub;
import static org.gradus.atoms.OutwardRounding.widen;

/**
 * Outward-rounded interval arithmetic over arrays of intervals (row-major, one interval per element), for
 * {@link PointEnclosure}: every result encloses the exact value of the operation for every choice of the
 * operands inside their intervals. Each step is one rounded operation of {@link Enclosure}; exp, log and
 * sqrt are monotone, so they map the ends and are widened for the math library's error.
 */
final class ArrayIntervals {
    private ArrayIntervals() {
    }

    /** A (rows×inner, row-major) times B (inner×cols): an interval per element of the rows×cols result. */
    static Interval[] product(Interval[] a, int rows, int inner, Interval[] b, int cols) {
        Interval[] r = new Interval[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                Interval s = Interval.point(0);
                for (int k = 0; k < inner; k++) s = add(s, mul(a[i * inner + k], b[k * cols + j]));
                r[i * cols + j] = s;
            }
        }
        return r;
    }

    static Interval sum(Interval[] v) {
        Interval s = Interval.point(0);
        for (Interval x : v) s = add(s, x);
        return s;
    }

    static Interval dot(Interval[] u, Interval[] v) {
        Interval s = Interval.point(0);
        for (int k = 0; k < u.length; k++) s = add(s, mul(u[k], v[k]));
        return s;
    }

    /** max is exact on each end. */
    static Interval max(Interval[] v) {
        double lo = Double.NEGATIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Interval x : v) {
            lo = Math.max(lo, x.lo());
            hi = Math.max(hi, x.hi());
        }
        return new Interval(lo, hi);
    }

    /**
     * The index of the first largest element when each element is only known to lie in its interval. Index
     * k can be the first largest only if hi_k &gt; lo_j for every j &lt; k (a tie goes to the earlier one)
     * and hi_k &ge; lo_j for every j &gt; k; the result is the hull of the indices that can (a single index
     * when the largest element is told apart from the others, as at a point where no two are close).
     */
    static Interval argmax(Interval[] v) {
        int first = -1, last = -1;
        for (int k = 0; k < v.length; k++) {
            boolean can = true;
            for (int j = 0; j < v.length && can; j++) {
                if (j < k) can = v[k].hi() > v[j].lo();
                else if (j > k) can = v[k].hi() >= v[j].lo();
            }
            if (!can) continue;
            if (first < 0) first = k;
            last = k;
        }
        return first < 0 ? new Interval(0, v.length - 1) : new Interval(first, last);
    }

    static Interval abs(Interval x) {
        if (x.lo() >= 0) return x;
        if (x.hi() <= 0) return x.negate();
        return new Interval(0, Math.max(-x.lo(), x.hi()));
    }

    static Interval square(Interval x) {
        Interval a = abs(x);
        return mul(a, a);
    }

    static Interval sumSquares(Interval[] v) {
        Interval s = Interval.point(0);
        for (Interval x : v) s = add(s, square(x));
        return s;
    }

    static Interval sumAbs(Interval[] v) {
        Interval s = Interval.point(0);
        for (Interval x : v) s = add(s, abs(x));
        return s;
    }

    static Interval exp(Interval x) {
        return widen(new Interval(Math.exp(x.lo()), Math.exp(x.hi())));
    }

    static Interval sqrt(Interval x) {
        return widen(new Interval(Math.sqrt(Math.max(0, x.lo())), Math.sqrt(Math.max(0, x.hi()))));
    }

    /** log of a positive interval; all of R when it may reach 0. */
    static Interval log(Interval x) {
        if (!(x.lo() > 0)) return Interval.ALL;
        return widen(new Interval(Math.log(x.lo()), Math.log(x.hi())));
    }

    /**
     * log Σ exp(z_k), computed as m + log Σ exp(z_k − m) with m the largest upper end (an exact identity for
     * any m; this one keeps every exponential at most 1, so ±1000 logits do not overflow).
     */
    static Interval logSumExp(Interval[] z) {
        double m = Double.NEGATIVE_INFINITY;
        for (Interval x : z) {
            if (!Double.isFinite(x.lo()) || !Double.isFinite(x.hi())) return Interval.ALL;
            m = Math.max(m, x.hi());
        }
        Interval shift = Interval.point(m), s = Interval.point(0);
        for (Interval x : z) s = add(s, exp(sub(x, shift)));
        return add(shift, log(s));
    }

    /** softmax(z)_k = exp(z_k − logsumexp(z)), each in [0, 1]. */
    static Interval[] softmax(Interval[] z) {
        Interval lse = logSumExp(z);
        Interval[] r = new Interval[z.length];
        for (int k = 0; k < z.length; k++) {
            Interval p = exp(sub(z[k], lse));
            r[k] = new Interval(Math.min(1, Math.max(0, p.lo())), Math.max(0, Math.min(1, p.hi())));
        }
        return r;
    }
}
