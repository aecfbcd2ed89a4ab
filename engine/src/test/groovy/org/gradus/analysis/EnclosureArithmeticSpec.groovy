package org.gradus.analysis

import org.gradus.atoms.OutwardRounding
import org.gradus.atoms.Interval
import spock.lang.Specification

/**
 * The enclosure's outward rounding widens a bound only where the floating-point result was rounded:
 * exact sums and products keep their bounds (so signs such as 1 − y ≥ 0 for a 0/1 target survive), and
 * inexact ones still enclose the true value.
 */
class EnclosureArithmeticSpec extends Specification {

    def "exact sums and products are not widened"() {
        expect: '1 − [0, 1] = [0, 1] exactly; [−1, 0] comes from −1 · [0, 1]'
        OutwardRounding.add(Interval.point(1), OutwardRounding.mul(Interval.point(-1), new Interval(0, 1))) == new Interval(0, 1)
        OutwardRounding.add(new Interval(0.5, 2), new Interval(0.25, 1)) == new Interval(0.75, 3)
        OutwardRounding.mul(new Interval(-3, 2), new Interval(0.5, 4)) == new Interval(-12, 8)
    }

    def "a square is exact where its ends square exactly, else widened outward: [-2, 2]² = [0, 4], so 4 − x² keeps its 0; [0.1, 0.3]² encloses 0.01 and 0.09"() {
        when:
        Interval wide = OutwardRounding.square(new Interval(-2, 2))
        Interval shifted = OutwardRounding.square(new Interval(-3, -1))
        Interval inexact = OutwardRounding.square(new Interval(0.1, 0.3))

        then:
        wide == new Interval(0, 4)
        shifted == new Interval(1, 9)
        new BigDecimal(inexact.lo()) <= new BigDecimal(0.1d) * new BigDecimal(0.1d) && inexact.lo() > 0
        new BigDecimal(0.3d) * new BigDecimal(0.3d) <= new BigDecimal(inexact.hi())
        OutwardRounding.square(new Interval(-1, Double.POSITIVE_INFINITY)) == new Interval(0, Double.POSITIVE_INFINITY)
    }

    def "an inexact sum or product is widened outward, and encloses the exact value"() {
        when: '0.1 + 0.2 is 0.30000000000000004 in binary; the exact sum of the two doubles lies strictly between its neighbours'
        Interval s = OutwardRounding.add(Interval.point(0.1), Interval.point(0.2))
        BigDecimal exact = new BigDecimal(0.1d) + new BigDecimal(0.2d)

        then:
        s.lo() < s.hi()
        new BigDecimal(s.lo()) <= exact && exact <= new BigDecimal(s.hi())

        when: '0.1 · 3 is rounded too'
        Interval p = OutwardRounding.mul(Interval.point(0.1), Interval.point(3))
        BigDecimal exactP = new BigDecimal(0.1d) * 3

        then:
        p.lo() < p.hi()
        new BigDecimal(p.lo()) <= exactP && exactP <= new BigDecimal(p.hi())
    }

    def "each bound of a product is widened only for the corners that give it"() {
        expect: '−1 · [0, ∞] is exactly [−∞, 0]: the infinite corner is a limit, and 0 is exact (so −x² ≤ 0 is known)'
        OutwardRounding.mul(Interval.point(-1), new Interval(0, Double.POSITIVE_INFINITY)) == new Interval(Double.NEGATIVE_INFINITY, 0)
        OutwardRounding.mul(Interval.point(-1), new Interval(0, Double.POSITIVE_INFINITY)).nonpositive()

        when: '[0.1, 2] · [3, 4]: the least corner 0.1 · 3 is rounded, the greatest 2 · 4 = 8 is not'
        Interval p = OutwardRounding.mul(new Interval(0.1, 2), new Interval(3, 4))
        BigDecimal least = new BigDecimal(0.1d) * 3

        then:
        p.hi() == 8
        new BigDecimal(p.lo()) <= least && p.lo() < 0.1d * 3

        when: '[2, 3] · [−∞, 0.1]: the greatest corner 3 · 0.1 is rounded, the least is −∞'
        Interval q = OutwardRounding.mul(new Interval(2, 3), new Interval(Double.NEGATIVE_INFINITY, 0.1))

        then:
        q.lo() == Double.NEGATIVE_INFINITY
        new BigDecimal(q.hi()) >= new BigDecimal(0.1d) * 3 && q.hi() > 0.1d * 3
    }
}
