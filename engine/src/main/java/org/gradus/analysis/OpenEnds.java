package org.gradus.analysis;

import org.gradus.atoms.Add;
import org.gradus.atoms.Atom;
import org.gradus.atoms.Divide;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Power;
import org.gradus.atoms.UnaryAtom;

/**
 * When an enclosure's end is never reached: exp(x) over all of R is enclosed as [0, ∞], yet it is never 0,
 * so log(exp(x) + exp(y)) is defined and smooth everywhere; sigmoid(x) is enclosed as [0, 1] and is neither,
 * so log(sigmoid(x)) and log(1 − sigmoid(x)) are defined everywhere. A closed interval cannot say so;
 * {@link Enclosure} keeps, beside each interval, whether the values stay strictly inside each end, by these
 * rules (sound under outward rounding: a computed end is at or beyond the true bound, and the values stay
 * strictly inside the true bound):
 * <ul>
 *   <li>a variable at an infinite end, or one the domain opens at its lower end (x &gt; 0);</li>
 *   <li>a strictly increasing atom ({@link UnaryAtom#strictlyIncreasing}) keeps an end open where its argument's
 *       is open or infinite, or where the atom is defined beyond every bound and its end there is a limit,
 *       never a value (exp's 0 over all reals, also what exp(−800) rounds to; sigmoid's 1, what sigmoid(40)
 *       rounds to);</li>
 *   <li>a sum with one term open at that end and no term infinite there;</li>
 *   <li>a constant times one factor keeps its ends (c &gt; 0) or swaps them (c &lt; 0);</li>
 *   <li>below only: a product of factors each positive or ≥ 0 and open, one of them open (x·exp(y) for x &gt; 0);
 *       a quotient of such a numerator by a positive denominator with no upper end, or of an open numerator
 *       (1/(1 + exp(−x)) &gt; 0); a positive power of an open base ≥ 0;</li>
 *   <li>above: a positive power whose largest value comes only from open ends of its base (x² for x in (−2, 2) stays
 *       below 4, so log(4 − x²) is defined and smooth on the whole open interval).</li>
 * </ul>
 * An atom judges whether it is defined and smooth on [nextUp(lo), nextDown(hi)] for such an argument: the
 * sets it is defined and smooth on are bounded by double constants and no double lies strictly between lo and
 * nextUp(lo), so this answers for the open interval (log(x) on x &gt; 0 is defined and smooth, where the closed
 * [0, hi] would say "may be undefined at 0"). Ranges are still enclosed over the closed intervals.
 */
final class OpenEnds {
    private OpenEnds() {
    }

    /**
     * Whether the values of {@code atom} applied to arguments enclosed by {@code args} (each open below when
     * {@code below[i]}, above when {@code above[i]}) stay strictly above the lower end of {@code range}
     * ({@code upper} false) or strictly below its upper end ({@code upper} true).
     */
    static boolean open(boolean upper, Atom atom, Interval[] args, boolean[] below, boolean[] above, Interval range) {
        if (!Double.isFinite(upper ? range.hi() : range.lo())) return false;
        boolean[] same = upper ? above : below;
        if (atom instanceof UnaryAtom u && u.strictlyIncreasing()) {
            if (same[0] || (upper ? args[0].hi() == Double.POSITIVE_INFINITY : args[0].lo() == Double.NEGATIVE_INFINITY)) return true;
            Interval everywhere = u.range(Interval.ALL);
            return upper ? !u.domain().boundedAbove() && range.hi() >= everywhere.hi()
                    : !u.domain().boundedBelow() && range.lo() <= everywhere.lo();
        }
        if (atom instanceof Add) {
            boolean any = false;
            for (int i = 0; i < args.length; i++) {
                if (!Double.isFinite(upper ? args[i].hi() : args[i].lo())) return false;
                any |= same[i];
            }
            return any;
        }
        if (atom instanceof Multiply && args.length == 2 && (args[0].isPoint() || args[1].isPoint())) {
            int k = args[0].isPoint() ? 0 : 1;
            double c = args[k].lo();
            if (c > 0) return same[1 - k];
            if (c < 0) return (upper ? below : above)[1 - k];
            return false;
        }
        if (upper && atom instanceof Power && args[1].isPoint() && args[1].lo() > 0) {
            // the largest value of x^p comes from the base's end of largest size; open when every such end is open
            double p = args[1].lo(), lo = args[0].lo(), hi = args[0].hi();
            if (!Double.isFinite(lo) || !Double.isFinite(hi)) return false;
            if (lo >= 0) return above[0];
            if (p != Math.rint(p) || Math.rint(p) % 2 != 0) return false;
            return Math.abs(lo) > Math.abs(hi) ? below[0] : Math.abs(hi) > Math.abs(lo) ? above[0] : below[0] && above[0];
        }
        if (upper) return false;
        if (atom instanceof Multiply) {
            boolean any = false;
            for (int i = 0; i < args.length; i++) {
                if (!positive(args[i], below[i])) return false;
                any |= below[i];
            }
            return any;
        }
        if (atom instanceof Divide) {
            Interval num = args[0], den = args[1];
            if (!positive(num, below[0]) || !den.positive()) return false;
            return below[0] || den.hi() == Double.POSITIVE_INFINITY;
        }
        if (atom instanceof Power) {
            Interval p = args[1];
            return below[0] && args[0].lo() >= 0 && p.isPoint() && p.lo() > 0;
        }
        return false;
    }

    /** Values strictly positive: a positive lower end, or a lower end of 0 never reached. */
    private static boolean positive(Interval r, boolean openBelow) {
        return r.lo() > 0 || (openBelow && r.lo() >= 0);
    }
}
