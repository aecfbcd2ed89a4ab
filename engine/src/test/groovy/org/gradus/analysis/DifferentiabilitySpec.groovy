package org.gradus.analysis

import org.gradus.expr.Variable
import spock.lang.Specification

import static org.gradus.expr.Fn.*

class DifferentiabilitySpec extends Specification {
    static Variable x = new Variable('x', 0)
    static Variable y = new Variable('y', 0)


    def "#f at #at: continuous #continuous, differentiable #differentiable"() {
        when:
        def rep = Differentiability.check(f, at)

        then:
        rep.continuous() == continuous
        rep.differentiable() == differentiable
        reasonHas == null || rep.reason().contains(reasonHas)
        subgradient == null || rep.subgradient().values().toList()*.toList() == subgradient

        where:
        f                       | at             || continuous | differentiable | reasonHas          | subgradient
        abs(x)                  | [x: 0]         || true       | false          | 'abs has a kink'   | [[-1, 1]]
        abs(x)                  | [x: 1]         || true       | true           | null               | null
        relu(x)                 | [x: 0]         || true       | false          | 'relu'             | [[0, 1]]
        max(x, y)               | [x: 1, y: 1]   || true       | false          | 'max has a kink'   | [[0, 1], [0, 1]]
        max(x, y)               | [x: 2, y: 1]   || true       | true           | null               | null
        sqrt(x)                 | [x: 0]         || true       | false          | '(from the left undefined, from the right ∞)' | null
        sqrt(x)                 | [x: 4]         || true       | true           | null               | null
        log(x)                  | [x: 0]         || false      | false          | 'undefined'        | null
        log(x)                  | [x: -1]        || false      | false          | 'negative'         | null
        sign(x)                 | [x: 0]         || false      | false          | 'jumps'            | null
        1 / x                   | [x: 0]         || false      | false          | 'division by zero' | null
        x**2                    | [x: 0]         || true       | true           | null               | null
        abs(x)**2               | [x: 0]         || true       | true           | 'cancels'          | null
        relu(x) - relu(-x)      | [x: 0]         || true       | true           | 'cancels'          | null
        abs(x - y)              | [x: 1, y: 1]   || true       | false          | null               | [[-1, 1], [-1, 1]]
        huber(x, 0)             | [x: 1]         || true       | true           | null               | null
        abs(x + y) - abs(x) - abs(y) | [x: 0, y: 0] || true    | false          | null               | null
    }

    def "JSON has at, continuous, differentiable, reason"() {
        expect:
        Differentiability.check(abs(x), [x: 0]).toJson().startsWith('{"kind":"differentiability","at":{"x":0},"continuous":true,"differentiable":false,"reason":')
    }

    def "with several variables the text says the subgradient's ranges are per component: max(x, y) at (1, 1) has the segment from (1, 0) to (0, 1), not the box"() {
        when: 'by hand: g = (1, 1) is no subgradient, since f(2, 2) = 2 < f(1, 1) + g·(1, 1) = 3'
        String text = Differentiability.check(max(x, y), [x: 1, y: 1]).toText()

        then:
        text.contains('subgradient: x ∈ [0, 1], y ∈ [0, 1] (the range of each component: the subdifferential lies inside this box)')

        and: 'one variable: the interval is the subdifferential itself'
        Differentiability.check(abs(x), [x: 0]).toText().endsWith('subgradient: x ∈ [-1, 1]')
    }

    def "at a double that stands for π or √2 the kink is taken at that number: |sin x| at Math.PI is not differentiable (sympy: |sin x| = |x − π| + O(|x − π|³) there)"() {
        when: 'at the double itself sin is 1.2e-16, which a walk in doubles reads as past the kink'
        def rep = Differentiability.check(f, at)

        then: 'by hand: the one-sided slopes of the functions at π, π/2, √2 and 2π'
        rep.continuous() == continuous
        rep.differentiable() == differentiable
        rep.reason().contains(reasonHas)
        !rep.reason().contains('at the double itself') || rep.reason().contains('the point is read as the number it stands for')

        where:
        f                    | at                      || continuous | differentiable | reasonHas
        abs(sin(x))          | [x: Math.PI]            || true       | false          | 'the slope along x is -1 from the left but 1 from the right'
        abs(cos(x))          | [x: Math.PI / 2]        || true       | false          | 'the slope along x is -1 from the left but 1 from the right'
        max(sin(x), 0)       | [x: Math.PI]            || true       | false          | 'the slope along x is -1 from the left but 0 from the right'
        relu(sin(x))         | [x: 2 * Math.PI]        || true       | false          | 'the slope along x is 0 from the left but 1 from the right'
        abs(x**2 - 2)        | [x: Math.sqrt(2)]       || true       | false          | 'the slope along x is -2.8284271 from the left but 2.8284271 from the right'
        sqrt(abs(sin(x)))    | [x: Math.PI]            || true       | false          | '(from the left -∞, from the right ∞)'
        abs(sin(x)) + y**2   | [x: Math.PI, y: 0.3]    || true       | false          | 'the slope along x is -1 from the left but 1 from the right'
        sign(sin(x))         | [x: Math.PI]            || false      | false          | 'from the left 1, from the right -1'
        sqrt(sin(x))         | [x: Math.PI]            || true       | false          | '(from the left -∞, from the right undefined)'
        log(sin(x))          | [x: Math.PI]            || false      | false          | 'log(sin(x)) is log of 0'
        abs(sin(x))**2       | [x: Math.PI]            || true       | true           | 'cancels'
    }

    def "a point that is a different number, not a rounding, keeps its own answer: |x − 0.1| at 0.1 + 1e-15 is past the kink"() {
        expect: '0.1 + 1e-15 is 72 units in the last place of 0.1 away, not a rounding of it'
        Differentiability.check(abs(x - 0.1), [x: 0.1 + 1e-15]).differentiable()
        !Differentiability.check(abs(x - 0.1), [x: 0.1]).differentiable()
        Differentiability.check(abs(sin(x)), [x: 3.14159]).differentiable()
    }
}
