package org.gradus.analysis

import org.gradus.atoms.Ops
import org.gradus.expr.Constant
import org.gradus.expr.Expr
import org.gradus.expr.Layout
import org.gradus.expr.Variable
import spock.lang.Specification

import static org.gradus.expr.Fn.*

class LeastValueSpec extends Specification {
    static Variable x = new Variable('x', 0)
    static Variable y = new Variable('y', 0)

    static LeastValue.Certificate at(Expr f, List<Double> p, boolean maximize = false) {
        LeastValue.at(f, Layout.of(f), p as double[], maximize)
    }

    def "a point within rounding of an interval bound over the whole space is at f's least value: #f at #p (by hand: bound #bound, gap #gap)"() {
        when:
        def c = at(f, p)

        then: 'the gap is an upper bound (the enclosure of f at the point is rounded outwards), tight to rounding'
        c.bound() == bound
        c.gap() >= gap && c.gap() <= gap * (1 + 1e-12)

        where:
        f                                 | p           || bound | gap
        (x * y - 1)**2                    | [1d, 1d]    || 0d    | 0d                      // (1·1 − 1)² = 0
        Ops.add(x**2, Constant.of(1))     | [0d]        || 1d    | 0d                      // x² + 1 ≥ 1
        (x**2 - 1)**2                     | [-1d]       || 0d    | 0d
        exp(Ops.neg(x))**2                | [18d]       || 0d    | Math.exp(-36)           // 2.3e-16: nothing is lower by more, though 0 is never taken
    }

    def "no certificate where the bound is not finite, or f is further from it than rounding: #why"() {
        expect:
        at(f, p) == null

        where:
        f                                 | p                 || why
        x**4 - x**2                       | [0.70710678d]     || 'x⁴ − x² encloses to [0, ∞] − [0, ∞]: no finite bound (its least value −1/4 is unproved)'
        Ops.add(x**2, Constant.of(1))     | [1e-4d]           || 'f − 1 = 1e-8 > 1e-9: a point near the least value, not at it'
    }

    def "maximizing: a bound from above (−x² ≤ 0 at 0)"() {
        expect:
        at(Ops.neg(x**2), [0d], true).bound() == 0d
        at(Ops.neg(x**2), [0d], false) == null
    }
}
