package org.gradus.analysis

import org.gradus.atoms.Ops
import org.gradus.expr.Constant
import org.gradus.expr.Expr
import org.gradus.atoms.L1
import org.gradus.atoms.L2
import org.gradus.atoms.VectorFunction
import org.gradus.expr.IndexSymbol
import org.gradus.expr.Variable
import org.gradus.expr.VectorVariable
import spock.lang.Specification

import static org.gradus.expr.Fn.*

class StationarySpec extends Specification {
    static Variable x = new Variable('x', 0)
    static Variable y = new Variable('y', 0)


    static double[] r(double lo, double hi) { [lo, hi] as double[] }

    def "1-D: #f over #box has #types"() {
        when:
        def rep = Stationary.find(f, [x: box])

        then:
        rep.points()*.type() == types
        [rep.points()*.x()*.getAt(0), at].transpose().every { a, b -> Math.abs(a - b) < 1e-8 }

        where:
        f                 | box       || types                                     | at
        x**2              | r(-3, 3)  || ['minimum']                               | [0]
        x**3              | r(-2, 2)  || ['degenerate']                            | [0]
        x**4              | r(-2, 2)  || ['degenerate']                            | [0]
        (x**2 - 1)**2     | r(-2, 2)  || ['minimum', 'maximum', 'minimum']         | [-1, 0, 1]
        sin(x)            | r(0, 7)   || ['maximum', 'minimum']                    | [Math.PI / 2, 3 * Math.PI / 2]
        exp(x)            | r(-3, 3)  || []                                        | []
    }

    def "a polynomial in x and y: every stationary point in the plane, proved (#f, sympy's solve of ∇f = 0)"() {
        when:
        def rep = Stationary.find(f, null)

        then: 'the points and types, and a note that claims all of them (was: damped Newton ... may be missed)'
        rep.points()*.type() == types
        rep.points().size() == at.size()
        [rep.points()*.x(), at].transpose().every { p, q -> Math.abs(p[0] - q[0]) < 1e-12 && Math.abs(p[1] - q[1]) < 1e-12 }
        rep.note().startsWith('every solution of ∇f = 0 in the plane is listed, with a proof that there is no other')
        !rep.note().contains('searched')

        where:
        f                                   || types                                              | at
        x**3 - 3 * x + y**2                 || ['saddle', 'minimum']                              | [[-1, 0], [1, 0]]
        x**4 - 2 * x**2 + y**2 - 2 * y      || ['minimum', 'saddle', 'minimum']                   | [[-1, 1], [0, 1], [1, 1]]
        x**3 + y**3 - 3 * x * y             || ['saddle', 'minimum']                              | [[0, 0], [1, 1]]
        x**4 + y**4 - 4 * x * y + 1         || ['minimum', 'saddle', 'minimum']                   | [[-1, -1], [0, 0], [1, 1]]
        x**2 * y + y**3 - 3 * y             || ['saddle', 'maximum', 'minimum', 'saddle']         | [[-Math.sqrt(3), 0], [0, -1], [0, 1], [Math.sqrt(3), 0]]
        x**2 - y**2 + y**4 / 4              || ['minimum', 'saddle', 'minimum']                   | [[0, -Math.sqrt(2)], [0, 0], [0, Math.sqrt(2)]]
    }

    def "Himmelblau's nine stationary points, proved by resultants and interval Newton; a curve of them falls back to the search"() {
        when: 'the four minima (f = 0), the maximum at (-0.270845, -0.923039) and four saddles, as tabulated (Himmelblau 1972)'
        def rep = Stationary.find((x**2 + y - 11)**2 + (x + y**2 - 7)**2, null)
        def curve = Stationary.find((x - y)**2, null)

        then:
        rep.points().size() == 9
        rep.points()*.type().countBy { it } == [minimum: 4, saddle: 4, maximum: 1]
        rep.points().find { it.type() == 'maximum' }.with { Math.abs(it.x()[0] + 0.270845) < 1e-6 && Math.abs(it.x()[1] + 0.923039) < 1e-6 }
        rep.points().any { it.x()[0] == 3d && it.x()[1] == 2d }
        rep.note().contains('each of the 81 pairs was checked')

        and: 'f_x and f_y share the factor x − y: every point of y = x is stationary; no claim of all of them'
        !curve.note().contains('with a proof')

        and: 'far outside any search box: 10⁻⁸x³ − x + y² has its points at x = ±1/√(3·10⁻⁸) = ±5773.502692 (by hand), proved'
        Stationary.find(1e-8 * x**3 - x + y**2, null).with {
            points()*.type() == ['saddle', 'minimum'] && Math.abs(points()[1].x()[0] - 1 / Math.sqrt(3e-8)) < 1e-9 && note().contains('with a proof')
        }

        and: 'a degenerate point at an irrational place, (x² − 2)³ + y² at (±√2, 0): no proof is claimed, the search lists all three'
        Stationary.find((x**2 - 2)**3 + y**2, null).with { points().size() == 3 && !note().contains('with a proof') }

        and: 'none, proved: x + y (∇f = (1, 1)); x² + y² on [1, 2] × [-1, 1] (its only stationary point (0, 0) is outside)'
        Stationary.find(x + y, null).with { points().isEmpty() && note() == 'there is none in the plane: f_x = 1 everywhere' }
        Stationary.find(x**2 + y**2, [x: r(1, 2), y: r(-1, 1)]).with { points().isEmpty() && note().startsWith('there is none on the box, proved') }
    }

    def "x·sqrt(4 − x²) on its domain [-2, 2]: both points proved, ±√2 with f = ±2 (by hand: f′ = (4 − 2x²)/√(4 − x²))"() {
        when:
        def rep = Stationary.find(x * sqrt(4 - x**2), null)

        then: 'it was a damped-Newton search: 4 − x² over [-2, 2] enclosed past 0 by rounding'
        rep.points()*.type() == ['minimum', 'maximum']
        Math.abs(rep.points()[0].x()[0] + Math.sqrt(2)) < 1e-12 && Math.abs(rep.points()[1].f() - 2) < 1e-12
        rep.note().contains('with a proof that there is no other')
    }

    def "a circle of stationary points is shown all round it: (x² + y²)·exp(-(x² + y²)) has its maxima on x² + y² = 1, f = 1/e (by hand: s·e^-s peaks at s = 1)"() {
        when:
        def rep = Stationary.find((x**2 + y**2) * exp(-(x**2 + y**2)), [x: r(-2, 2), y: r(-2, 2)])
        def flat = rep.points().findAll { it.type() == 'degenerate' }

        then: 'twelve of them, on the circle, in all four quadrants (they were the twelve nearest (-1, 0)); the minimum at 0'
        flat.size() == 12
        flat.every { Math.abs(it.x()[0]**2 + it.x()[1]**2 - 1) < 1e-6 && Math.abs(it.f() - Math.exp(-1)) < 1e-12 }
        flat.collect { [Math.signum(it.x()[0] as double), Math.signum(it.x()[1] as double)] }.findAll { !(0d in it) }.unique().size() == 4
        rep.points().find { it.type() == 'minimum' }.x() == [0d, 0d] as double[]
        rep.note().contains('every one has f = 0.36787944')
    }

    def "1-D and smooth but for poles: every stationary point on the whole domain, proved (by hand: log(x)/x at e; x³/3 − 10⁻⁶x at ±0.001, closer than any grid of starts; x⁴ − 2x² at 0, ±1)"() {
        when:
        def logOverX = Stationary.find(log(x) / x, null)
        def close = Stationary.find(x**3 / 3 - 1e-6 * x, null)
        def quartic = Stationary.find(x**4 - 2 * x**2, null)
        def sine = Stationary.find(sin(x), null)

        then: 'x > 0 only, and no note that it may have missed one (was: "damped Newton ... may be missed", and "f is not smooth" for log at 0)'
        logOverX.points().size() == 1 && Math.abs(logOverX.points()[0].x()[0] - Math.E) < 1e-12
        logOverX.points()[0].type() == 'maximum'
        logOverX.note() == 'every zero of f′ on x > 0 (where log(x) is defined) is listed, with a proof that there is no other (interval bisection with rigorous enclosures)'
        close.points()*.x()*.getAt(0) == [-0.001d, 0.001d]
        close.points()*.type() == ['maximum', 'minimum']
        quartic.points()*.x()*.getAt(0) == [-1d, 0d, 1d]
        quartic.note().contains('on all of R is listed') && quartic.note().contains('the exact roots of a polynomial')

        and: 'across a pole, each side proved: x + 1/x at ±1 (f′ = 1 − 1/x²), (x² + 1)/(x − 1) at 1 ± √2, x² + 1/x² at ±1'
        def poles = [x + 1 / x, (x**2 + 1) / (x - 1), x**2 + 1 / x**2].collect { Stationary.find(it, null) }
        def at = poles.collect { rep -> rep.points().collect { it.x()[0] } }
        [at.flatten(), [-1, 1, 1 - Math.sqrt(2), 1 + Math.sqrt(2), -1, 1]].transpose().every { a, b -> Math.abs(a - b) < 1e-15 }
        poles.every { it.note().contains('where f is undefined) is listed, with a proof that there is no other') }
        poles[0].note().contains('(apart from 0, where f is undefined)')

        and: 'log(x² − 1) is undefined on all of [−1, 1], not only at ±1: f′ = 2x/(x² − 1) has its one zero there, so none is listed'
        def gap = Stationary.find(log(x**2 - 1), null)
        gap.points().isEmpty()
        gap.note().contains('every zero of f′ on all of R (apart from [-1, 1], where f is undefined) is listed')

        and: 'sqrt(1 − x²) on [−1, 1]: f′ = −x/sqrt(1 − x²) is infinite at the edges, so they are no zeros of it; 0, proved (was 401 Newton starts)'
        def edge = Stationary.find(sqrt(1 - x**2), null)
        edge.points()*.x()*.getAt(0) == [0d] && edge.points()*.type() == ['maximum']
        edge.note().contains('every zero of f′ on x ∈ [-1, 1] (where sqrt(1 - x**2) is defined) is listed, with a proof that there is no other')

        and: 'log(1 − x²) is looked at on (−1, 1), where it is defined: 0, a maximum'
        def inside = Stationary.find(log(1 - x**2), null)
        inside.points()*.x()*.getAt(0) == [0d]
        inside.note().contains('every zero of f′ on x ∈ (-1, 1) (where log(1 - x**2) is defined) is listed')

        and: 'f′ = 1 − cos x is 0 in doubles all through |x| < 1e-8: no claim of every point (26 "points" were listed once), three from the search'
        def flat = Stationary.find(x - sin(x), null)
        flat.points()*.x()*.getAt(0).collect { Math.round(it / (2 * Math.PI) * 1e6) / 1e6 } == [-1d, 0d, 1d]
        !flat.note().contains('with a proof')

        and: 'a periodic slope on the whole line has infinitely many zeros: the box [-10, 10] is proved, and the note says the line was not'
        sine.points().size() == 6
        sine.note().contains('f′ is periodic, so the unbounded line was not searched beyond [-10, 10]')
    }

    def "1-D: a degenerate point gets the first-derivative test, proved (by hand: x³' = 3x² > 0 on both sides of 0; (x⁵ − x³)' = x²(5x² − 3) < 0 near 0)"() {
        expect: 'was "nearby values of f are higher in some directions and lower in others" (sampled)'
        Stationary.find(x**3, null).points()[0].note() == 'the second-derivative test cannot tell; the first-derivative test does: f′ > 0 on the left (at -1) ' +
                'and on the right too (at 1), with no other zero of f′ between: f increases through the point, so it is not an extremum (an inflection)'
        def p = Stationary.find(x**5 - x**3, null).points()
        p*.type() == ['maximum', 'degenerate', 'minimum']
        p[1].note().contains('f′ < 0 on the left (at -0.387298) and on the right too (at 0.387298)') && p[1].note().contains('f decreases through the point')
    }

    def "x**4 at 0 is degenerate, with a hint that it is a minimum"() {
        expect:
        Stationary.find(x**4, [x: r(-1, 1)]).points()[0].note().contains('minimum')
        Stationary.find(x**3, [x: r(-1, 1)]).points()[0].note().contains('not an extremum')
    }

    def "a degenerate point is proved an extremum where f's enclosure lies on one side of its value (by hand: x⁴ + y⁴ ≥ 0, 3 - x⁴ - y⁶ ≤ 3, x²y² ≥ 0, x⁴(1 - x) ≥ 0 near 0 but -16 at 2)"() {
        expect: 'the whole box first'
        Stationary.find(x**4 + y**4, [x: r(-1, 1), y: r(-1, 1)]).points()[0].note()
                .startsWith('the second-derivative test cannot tell, but f ≥ 0, its value here, everywhere on x ∈ [-1, 1], y ∈ [-1, 1] (interval arithmetic): a minimum')
        Stationary.find(3 - x**4 - y**6, [x: r(-1, 1), y: r(-1, 1)]).points()[0].note().contains('f ≤ 3, its value here, everywhere on')
        Stationary.find(x**2 * y**2, [x: r(-1, 1), y: r(-1, 1)]).points().every { it.note().contains('f ≥ 0, its value here, everywhere on') }

        and: 'a box around the point where the whole one is too wide to decide'
        String local = Stationary.find(x**4 * (1 - x), [x: r(-2, 2)]).points()[0].note()
        local.contains('f ≥ 0, its value here, within 0.01 of it') && local.contains('a local minimum')

        and: 'no proof where there is none: x³ and x⁴ - y⁴ change sign at 0; x⁴ - x²y² + y⁴ = (x² - y²/2)² + 3y⁴/4 is a minimum the enclosures cannot see (the dependency problem): sampled'
        Stationary.find(x**3, [x: r(-1, 1)]).points()[0].note().contains('not an extremum')
        Stationary.find(x**4 - y**4, [x: r(-1, 1), y: r(-1, 1)]).points()[0].note().contains('not an extremum')
        def p = Stationary.find(x**4 - x**2 * y**2 + y**4, [x: r(-1, 1), y: r(-1, 1)]).points()[0]
        p.x() as List == [0d, 0d] && p.note().contains('looks like a minimum (sampled, not proved)')
    }

    def "a point where f has a kink is no stationary point: |x| + x² at 0 (slopes -1 and 1, by hand), relu(x) + x² - x ending just right of 0; a kink that cancels stays: |x²| = x²"() {
        when:
        def abs = Stationary.find(Ops.apply(org.gradus.atoms.Abs.INSTANCE, x) + x**2, [x: r(-1, 1)])
        def relu = Stationary.find(Ops.apply(org.gradus.atoms.Relu.INSTANCE, x) + x**2 - x + y**2, [x: r(-2, 2), y: r(-1, 1)])
        def reluLine = Stationary.find(Ops.apply(org.gradus.atoms.Relu.INSTANCE, x) + x**2 - x, [x: r(-2, 2)])
        def cancels = Stationary.find(Ops.apply(org.gradus.atoms.Abs.INSTANCE, x**2) + (y - 1)**2, [x: r(-1, 1), y: r(-2, 2)])

        then:
        abs.points().isEmpty() && abs.kinks()*.at == [[x: 0d]] && abs.kinks()[0].get('slopes') == [-1d, 1d] as double[]
        relu.points().isEmpty() && relu.toText().contains('within 1e-9 of a kink of relu(x)')
        reluLine.points().isEmpty() && reluLine.kinks()*.at == [[x: 0d]]
        reluLine.kinks()[0].get('type') == 'degenerate' && reluLine.kinks()[0].get('slopes') == [-1d, 0d] as double[]   // x² − x, then x²
        cancels.points()*.x()*.toList() == [[0d, 1d]]
    }

    def "f′ = 0 on a whole interval: #f is flat on #sets, each #types (by hand: f constant there, and higher or lower just beyond)"() {
        when:
        def rep = Stationary.find(f, box == null ? null : [x: box])

        then: 'one stationary interval for each stretch, no sample points from it, and every kink named as no stationary point'
        rep.intervals()*.set() == sets
        rep.intervals()*.type() == types
        rep.intervals()*.f() == values
        rep.points().isEmpty()
        kinks.every { k -> (k as double) in (rep.intervals()*.from() + rep.intervals()*.to()) || (k as double) in rep.kinks()*.at*.x
                || rep.toText().contains("(x = $k), where") }   // the end of a stretch, a kink listed, or a jump named
        rep.kinks()*.at*.x.every { !(it in (rep.intervals()*.from() + rep.intervals()*.to())) }
        rep.note().contains('is listed (a stretch where f′ is 0 throughout as one interval), with a proof that there is no other')

        where:
        f                                 | box      || sets                         | types                    | values   | kinks
        abs(x - 1) + abs(x + 1)           | null     || ['(-1, 1)']                  | ['minimum']              | [2d]     | [-1, 1]
        relu(x) + relu(-x - 1)            | null     || ['(-1, 0)']                  | ['minimum']              | [0d]     | [-1, 0]
        max(x, 0)**2                      | null     || ['(-∞, 0]']                  | ['minimum']              | [0d]     | []
        min(abs(x), 1)                    | null     || ['(-∞, -1)', '(1, ∞)']       | ['maximum', 'maximum']   | [1d, 1d] | [-1, 0, 1]
        min(x, 0) + max(x - 1, 0)         | null     || ['(0, 1)']                   | ['flat']                 | [0d]     | [0, 1]
        sign(x)                           | null     || ['(-∞, 0)', '(0, ∞)']        | ['minimum', 'maximum']   | [-1d, 1d]| [0]
        relu(x - 1)                       | r(0, 3)  || ['[0, 1)']                   | ['minimum']              | [0d]     | [1]
        max(log(x), 0)                    | null     || ['(0, 1)']                   | ['minimum']              | [0d]     | [1]
        max(abs(x) - 1, 0)                | r(-0.5, 0.5) || ['[-0.5, 0.5]']          | ['flat']                 | [0d]     | []
    }

    def "the words of a flat stretch: where f is constant, and why it is a minimum, a maximum or a shelf"() {
        expect:
        Stationary.find(abs(x - 1) + abs(x + 1), null).intervals()[0].note() ==
                'f = 2 on all of [-1, 1] and higher on each side of it: a flat minimum, each point of it a local minimum of f, none strict'
        Stationary.find(max(x, 0)**2, null).intervals()[0].note().startsWith('f = 0 on all of (-∞, 0] and higher just right of it (it runs to -∞ on the left)')
        Stationary.find(min(x, 0) + max(x - 1, 0), null).intervals()[0].note().contains('lower just left of it and higher just right of it: a shelf')
        Stationary.find(max(abs(x) - 1, 0), [x: r(-0.5, 0.5)]).intervals()[0].note().endsWith('the whole domain: f is constant')
        Stationary.find(abs(x - 1) + abs(x + 1), null).toText().startsWith('stationary points of abs(x - 1) + abs(x + 1) over all of R: every x in (-1, 1)')
    }

    def "a kink where f is differentiable with f′ = 0 is a stationary point, classified by the first-derivative test: x·|x| at 0 (f′ = 2|x| > 0 on both sides, by hand)"() {
        when:
        def rep = Stationary.find(x * abs(x), null)

        then:
        rep.points()*.x()*.toList() == [[0d]]
        rep.points()[0].note().contains('f′ > 0 on the left (at -1) and on the right too (at 1)')
        rep.points()[0].note().contains('not an extremum (an inflection)')
        rep.intervals().isEmpty()

        and: 'f″ does not exist there (-2 on the left, 2 on the right): none is claimed (the program takes one side, 0)'
        rep.points()[0].eigenvalues().length == 0
        rep.toText().contains('(x = 0)  f = 0  degenerate  (no f″ here: its one-sided values differ)')
    }

    def "at a kink where both sides have the same f″ it is that value: relu(x)² + relu(-x)² is x², a minimum with f″ = 2 (was 'degenerate (f″ = 0)')"() {
        when:
        def rep = Stationary.find(relu(x)**2 + relu(-x)**2, null)

        then:
        rep.points()*.x()*.toList() == [[0d]]
        rep.points()[0].type() == 'minimum'
        rep.points()[0].eigenvalues() as List == [2d]
    }

    def "one variable: its kinks are listed apart from its stationary points, each with its one-sided slopes and what they make it (#f)"() {
        when:
        def rep = Stationary.find(f, [x: box])

        then: 'by hand: the kinks are the zeros of the arguments, the slopes those of each side'
        rep.kinks()*.at*.x == at
        rep.kinks()*.get('type') == types
        [rep.kinks()*.get('slopes'), slopes].transpose().every { got, want -> [got.toList(), want].transpose().every { g, w -> g == w || Math.abs(g - w) <= 1e-12 } }
        rep.kinks().size() == slopes.size()
        rep.toText().contains('(f has no derivative there: critical, not stationary)')

        where:
        f                                 | box           || at                                      | types                                    | slopes
        abs(x**3 - x)                     | r(-2, 2)      || [-1d, 0d, 1d]                           | ['minimum', 'minimum', 'minimum']        | [[-2d, 2d], [-1d, 1d], [-2d, 2d]]
        abs(sin(x))                       | r(1, 5)       || [Math.PI]                               | ['minimum']                              | [[-1d, 1d]]
        max(sin(x), cos(x))               | r(0, 3)       || [Math.PI / 4]                           | ['minimum']                              | [[-Math.sqrt(0.5), Math.sqrt(0.5)]]
        -abs(x - 1) + x**2 / 4            | r(-3, 3)      || [1d]                                    | ['maximum']                              | [[1.5d, -0.5d]]
        Ops.apply(org.gradus.atoms.Relu.INSTANCE, x - 1) + 0.5 * x | r(-3, 3) || [1d]                 | ['neither']                              | [[0.5d, 1.5d]]
        sqrt(abs(x))                      | r(-1, 1)      || [0d]                                    | ['minimum']                              | [[Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY]]
        abs(sin(x)) + max(sin(x), 0)      | r(2, 4)       || [Math.PI]                               | ['minimum']                              | [[-2d, 1d]]
    }

    def "a kink that cancels or a jump is no kink (|x|², sign(x)·x², the jump of sign(x) + x²)"() {
        expect: 'by hand: |x|² = x² and sign(x)·x² = x|x| are differentiable at 0; sign(x) + x² jumps there'
        Stationary.find(abs(x)**2, [x: r(-1, 1)]).kinks().isEmpty()
        Stationary.find(sign(x) * x**2, [x: r(-1, 1)]).kinks().isEmpty()
        Stationary.find(sign(x) + x**2, [x: r(-1, 1)]).kinks().isEmpty()
    }

    def "several variables: a kink where the search ends is listed apart, classified by an interval bound or by two rays (#f)"() {
        when:
        def rep = Stationary.find(f, [x: r(-2, 2), y: r(-2, 2)])

        then: 'by hand: the point, f there and its type; no stationary point, and the proof in the note'
        rep.points().isEmpty()
        rep.kinks()*.at == [at]
        Math.abs(rep.kinks()[0].get('f') - value) <= 1e-15
        rep.kinks()[0].get('type') == type
        rep.kinks()[0].get('note').contains(proof)
        rep.fields().kinks[0].keySet() == ['at', 'f', 'type', 'note'] as Set

        where:
        f                           || at             | value | type      | proof
        abs(x) + abs(y)             || [x: 0d, y: 0d] | 0d    | 'minimum' | 'f ≥ 0, its value here, everywhere on'              // |x| + |y| ≥ 0
        abs(x - 1) + y**2           || [x: 1d, y: 0d] | 0d    | 'minimum' | 'f ≥ 0, its value here, everywhere on'              // a kink line x = 1
        Ops.sub(Constant.of(3), abs(x) + abs(y)) || [x: 0d, y: 0d] | 3d    | 'maximum' | 'f ≤ 3, its value here, everywhere on'
        abs(x) - y**2               || [x: 0d, y: 0d] | 0d    | 'neither' | 'rises along +x (f − f(p) = t) and falls along +y (f − f(p) = -t**2)'  // f(t, 0) = t, f(0, t) = −t²
        // the lasso: x = 1 − 0.5/2 = 0.75 (2(x − 1) + 0.5 = 0), y = 0 as |2(0 − 0.2)| = 0.4 ≤ 0.5 (soft thresholding); f = 0.0625 + 0.04 + 0.375
        Ops.add(Ops.add((x - 1)**2, (y - 0.2d)**2), Ops.mul(Constant.of(0.5), abs(x) + abs(y))) || [x: 0.75d, y: 0d] | 0.4775d | 'minimum' | '0 ∈ ∂f(p) = (0, -0.4) + [-1, 1]·(0, 0.5) and f is convex'
        // on x = y: t + 2t², least at t = −1/4, f = −1/8; ∂f = (−0.5, −0.5) + conv{(1, 0), (0, 1)} ∋ 0
        Ops.add(max(x, y), x**2 + y**2) || [x: -0.25d, y: -0.25d] | -0.125d | 'minimum' | '0 ∈ ∂f(p) = (-0.5, 0.5) + [0, 1]·(1, -1) and f is convex'
    }

    def "three variables: the lasso's minimum on two kink planes is found through the planes (soft thresholding by hand: x = 0.75, y = 0, z = −2 + 0.25)"() {
        given:
        Variable z = new Variable('z', 0)
        Expr smooth = Ops.add(Ops.add((x - 1)**2, (y - 0.2d)**2), (z + 2)**2)

        when:
        def rep = Stationary.find(Ops.add(smooth, Ops.mul(Constant.of(0.5), Ops.add(abs(x) + abs(y), abs(z)))), [x: r(-3, 3), y: r(-3, 3), z: r(-3, 3)])

        then: 'f = 0.0625 + 0.04 + 0.0625 + (0.75 + 1.75)/2 = 1.415'
        rep.points().isEmpty()
        rep.kinks()*.at == [[x: 0.75d, y: 0d, z: -1.75d]]
        Math.abs(rep.kinks()[0].get('f') - 1.415d) < 1e-12
        rep.kinks()[0].get('type') == 'minimum'
    }

    def "a vector's elements are variables of the kink planes: the lasso with l1(w) (soft thresholding by hand) and with the ridge term added (2.2·w₀ = 1.5)"() {
        given:
        VectorVariable w = new VectorVariable('w', 2, 0)
        IndexSymbol i = new IndexSymbol('i')
        Expr loss = Ops.sum(i, 0, 2, Ops.sub(w.get(i), Ops.sub(Constant.of(1), Ops.mul(Constant.of(0.8d), i))) ** 2)   // (w₀ − 1)² + (w₁ − 0.2)²
        Expr lasso = Ops.add(loss, Ops.mul(Constant.of(0.5), new VectorFunction(L1.INSTANCE, [w])))

        when:
        def rep = Stationary.find(lasso, [w: r(-2, 2)])
        def net = Stationary.find(Ops.add(lasso, Ops.mul(Constant.of(0.1d), new VectorFunction(L2.INSTANCE, [w]))), [w: r(-2, 2)])

        then: 'w = (0.75, 0): 2(w₀ − 1) + 0.5 = 0 and |2(0 − 0.2)| ≤ 0.5; f = 0.0625 + 0.04 + 0.375 — the zero is exact'
        rep.points().isEmpty()
        rep.kinks()*.at == [[w: [0.75d, 0d]]]
        Math.abs(rep.kinks()[0].get('f') - 0.4775d) < 1e-12
        rep.kinks()[0].get('type') == 'minimum'
        rep.kinks()[0].get('note').contains('0 ∈ ∂f(p) = (0, -0.4) + [-1, 1]·(0, 0.5) and f is convex')
        rep.toText().readLines()[0].endsWith('over w[i] ∈ [-2, 2]: none found; a critical point at a kink')   // not "none found" alone

        and: 'with + 0.1·(w₀² + w₁²): 2(w₀ − 1) + 0.5 + 0.2·w₀ = 0, w₀ = 15/22; w₁ still exactly 0'
        net.kinks().size() == 1
        Math.abs(net.kinks()[0].get('at').w[0] - 15d / 22) < 1e-9
        net.kinks()[0].get('at').w[1] == 0d
        net.kinks()[0].get('type') == 'minimum'

        and: 'an element has a range of its own, as the axes of a plot give them'
        Stationary.find(lasso, ['w[0]': r(0, 2), 'w[1]': r(-1, 1)]).kinks()*.at == [[w: [0.75d, 0d]]]
        Stationary.find(lasso, ['w[0]': r(-2, 0.5), 'w[1]': r(-1, 1)]).kinks().every { it.at.w[0] <= 0.5 }
    }

    def "several variables: a kink where 0 is not a subgradient is no critical point — |x| + 2x + y² at (0, 0): ∂f = [1, 3] × {0} (by hand)"() {
        expect:
        Stationary.find(Ops.add(Ops.add(abs(x), Ops.mul(Constant.of(2), x)), y**2), [x: r(-1, 1), y: r(-1, 1)]).kinks().isEmpty()
    }

    def "several variables: a kink where 0 lies inside the subdifferential is a strict local minimum — |x| + |y| − xy at 0 (≥ |x| + |y| − (x² + y²)/2 > 0 near 0, by hand)"() {
        when:
        def rep = Stationary.find(abs(x) + abs(y) - x * y, [x: r(-1, 1), y: r(-1, 1)])

        then: 'f is not convex (−xy), so the proof is the local one: 0 inside ∂f(0, 0) = [−1, 1]²'
        rep.kinks()*.at == [[x: 0d, y: 0d]]
        rep.kinks()[0].get('type') == 'minimum'
        rep.kinks()[0].get('note').contains('0 lies inside ∂f(p) = (0, 0) + [-1, 1]·(1, 0) + [-1, 1]·(0, 1), not on its edge')
        rep.kinks()[0].get('note').contains('a strict local minimum')
    }

    def "several variables: a curve of kinks (|xy| along both axes) is shown by six points spread over it, and the note counts them"() {
        when:
        def rep = Stationary.find(abs(x * y), [x: r(-1, 1), y: r(-1, 1)])

        then: 'each on an axis, each a minimum (|xy| ≥ 0); (0, 0) itself is differentiable (|xy| ≤ (x² + y²)/2), a stationary point'
        rep.kinks().size() == 6
        rep.kinks().every { k -> (k.at.x == 0d || k.at.y == 0d) && k.get('type') == 'minimum' }
        rep.kinks()*.at.collect { it.x }.toSet().size() > 1 && rep.kinks()*.at.collect { it.y }.toSet().size() > 1
        rep.points()*.x()*.toList() == [[0d, 0d]]
        rep.note() =~ /\d+ kinks were found: they are probably not isolated/
    }

    def "a kink at an irrational point is left to the search, which says what it did: |x² - 2| (kinks at ±√2, a maximum at 0)"() {
        when:
        def rep = Stationary.find(abs(x**2 - 2), null)

        then:
        rep.points()*.x()*.toList() == [[0d]]
        rep.points()[0].type() == 'maximum'
        rep.note().contains('damped Newton')
    }

    def "Himmelblau's function has 4 minima, 1 maximum and 4 saddles in [-5, 5]²"() {
        given:
        def f = (x**2 + y - 11)**2 + (x + y**2 - 7)**2

        when:
        def rep = Stationary.find(f, [x: r(-5, 5), y: r(-5, 5)])
        println rep.toText()

        then:
        rep.points().count { it.type() == 'minimum' } == 4
        rep.points().count { it.type() == 'maximum' } == 1
        rep.points().count { it.type() == 'saddle' } == 4
        rep.points().findAll { it.type() == 'minimum' }.every { Math.abs(it.f()) < 1e-12 }
        rep.points().any { it.type() == 'minimum' && it.x() == [3, 2] as double[] }
        def top = rep.points().find { it.type() == 'maximum' }
        Math.abs(top.x()[0] + 0.270845) < 1e-5 && Math.abs(top.x()[1] + 0.923039) < 1e-5
    }

    def "without a box the search uses [-10, 10] and says so (a function of two variables that is no polynomial)"() {
        when: 'f_x = 2(x − 1), f_y = eʸ − 1: zero at (1, 0)'
        def rep = Stationary.find((x - 1)**2 + exp(y) - y, null)

        then:
        rep.points().size() == 1
        rep.points()[0].x() == [1, 0] as double[]
        rep.note().contains('[-10, 10]')
    }

    def "JSON has points with at, f, type, eigenvalues"() {
        expect:
        Stationary.find(x**2 - y**2, [x: r(-1, 1), y: r(-1, 1)]).toJson()
                .contains('"points":[{"at":{"x":0,"y":0},"f":0,"type":"saddle","eigenvalues":[-2,2]}]')
    }
}
