package org.gradus.calculus

import spock.lang.Specification
import spock.lang.Unroll

/**
 * {@code differentiable(f, at:)}: continuity and differentiability labels worked out by hand, including
 * every wrong answer of issue 12 (√(x²), √(x² + y²) and norm2 at 0 are not differentiable; sign(x)² at 0 is
 * removable; sin(x)/x at 0 is undefined with limit 1). {@code continuity} names how continuity fails:
 * undefined, jump, removable (limit ≠ value), oscillating or unbounded.
 */
class ContinuitySpec extends Specification {

    Map check(String f, String at) {
        CalculusReference.run("x = variable(0)\ny = variable(0)\nv = vector(2)\ndifferentiable($f, at: $at)")[0]
    }

    @Unroll
    def "#f at #at: continuous #continuous, differentiable #differentiable (#why)"() {
        when:
        Map r = check(f, at)

        then:
        r.kind == 'differentiability'
        r.continuous == continuous
        r.differentiable == differentiable
        r.continuity == continuity

        where:
        f                     | at               | continuous | differentiable | continuity   | why
        'sqrt(x**2)'          | '[x: 0]'         | true       | false          | 'continuous' | '|x|: slopes -1 and 1'
        'sqrt(x**2 + y**2)'   | '[x: 0, y: 0]'   | true       | false          | 'continuous' | 'the Euclidean norm: a cone'
        'norm2(v)'            | '[v: [0, 0]]'    | true       | false          | 'continuous' | 'the Euclidean norm of a vector'
        'sign(x)**2'          | '[x: 0]'         | false      | false          | 'removable'  | 'both one-sided limits 1, value 0'
        'sin(x)/x'            | '[x: 0]'         | false      | false          | 'undefined'  | '0/0, limit 1'
        'abs(x)'              | '[x: 0]'         | true       | false          | 'continuous' | 'a kink'
        'sign(x)'             | '[x: 0]'         | false      | false          | 'jump'       | '-1 on the left, 1 on the right'
        '1/x'                 | '[x: 0]'         | false      | false          | 'undefined'  | 'a pole'
        'sin(1/x)'            | '[x: 0]'         | false      | false          | 'undefined'  | 'oscillates'
        'x*sin(1/x)'          | '[x: 0]'         | false      | false          | 'undefined'  | 'undefined, limit 0'
        'x**2'                | '[x: 1]'         | true       | true           | 'continuous' | 'a polynomial'
        'relu(x)'             | '[x: 0]'         | true       | false          | 'continuous' | 'slopes 0 and 1'
        'huber(x, 0)'         | '[x: 1]'         | true       | true           | 'continuous' | 'huber is C¹ where its pieces meet'
        'sqrt(abs(x))'        | '[x: 0]'         | true       | false          | 'continuous' | 'infinite slopes'
        'abs(x)**3'           | '[x: 0]'         | true       | true           | 'continuous' | 'the kink cancels: slope 0 both ways'
        'exp(x)'              | '[x: 0]'         | true       | true           | 'continuous' | 'smooth'
        'log(x)'              | '[x: 0]'         | false      | false          | 'undefined'  | 'outside the domain'
        'x*abs(x)'            | '[x: 0]'         | true       | true           | 'continuous' | 'slope 0 both ways'
        'relu(x)**2'          | '[x: 0]'         | true       | true           | 'continuous' | 'slope 0 both ways'
        'abs(x - 1)'          | '[x: 1]'         | true       | false          | 'continuous' | 'a kink at 1'
        '1/x**2'              | '[x: 0]'         | false      | false          | 'undefined'  | 'a pole of even order'
        'abs(x)'              | '[x: 1]'         | true       | true           | 'continuous' | 'away from the kink'
    }

    def "the one-sided limits used are reported"() {
        when:
        Map jump = check('sign(x)', '[x: 0]')
        Map removable = check('sign(x)**2', '[x: 0]')
        Map undefined = check('sin(x)/x', '[x: 0]')

        then:
        jump.left == -1 && jump.right == 1 && jump.limit == null
        removable.left == 1 && removable.right == 1 && removable.limit == 1
        undefined.reason.contains('limit') && undefined.reason.contains('1') && undefined.reason.contains('removable')
    }

    def "at an edge of the domain the one-sided slope is said as one: x√x at 0 has slope 0 from the right and no values to the left"() {
        expect: 'by hand: (x√x − 0)/x = √x → 0 as x → 0⁺; √(−x)·x is the mirror image'
        check('x*sqrt(x)', '[x: 0]').reason.endsWith('f has no values to the left of this point along x (an edge of its domain): ' +
                'its one-sided slope from the right is 0, and a derivative needs both sides')
        check('sqrt(-x)*x', '[x: 0]').reason.contains('no values to the right of this point along x (an edge of its domain): ' +
                'its one-sided slope from the left is 0')
        check('sqrt(x)', '[x: 0]').reason.contains('infinite or undefined here (from the left undefined, from the right ∞)')
    }

    def "gradient of sqrt(x**2) at 0 has no value, and differentiable agrees"() {
        expect:
        check('sqrt(x**2)', '[x: 0]').reason.contains('-1 from the left but 1 from the right')
    }

    def "tan at Math.PI/2 is finite at the double but the point stands for π/2, where tan has a pole (sympy: limit(tan(x), x, pi/2, '-') = oo, '+' = -oo); tan at 1 is continuous"() {
        when:
        Map pole = check('tan(x)', '[x: Math.PI/2]')
        Map plain = check('tan(x)', '[x: 1]')

        then:
        pole.continuous == false && pole.differentiable == false
        pole.reason.contains('has a pole within its rounding') && pole.reason.contains('from the left ∞, from the right -∞')
        plain.continuous == true && plain.differentiable == true
    }
}
