package org.gradus.expr

import org.gradus.eval.Evaluate
import spock.lang.Shared
import spock.lang.Specification

import static org.gradus.expr.Fn.*

/**
 * The constructors simplify as they build (constant folding, 0/1 identities, like terms and factors),
 * and simplification never changes a value where the original expression is defined.
 */
class SimplificationSpec extends Specification {
    @Shared Variable x = new Variable('x', 0)
    @Shared Variable y = new Variable('y', 0)

    def "#text keeps the value of the unsimplified form wherever that is defined"() {
        given:
        Expr e = build()

        expect:
        e.toString() == text
        points.every { List p ->
            double ref = plain(p[0] as double, p[1] as double)
            double v = Evaluate.at(e, [x: p[0], y: p[1]])
            Double.isNaN(ref) || Math.abs(v - ref) <= 1e-12 * Math.max(1, Math.abs(ref))
        }

        where:
        text                  | build                              | plain
        '5*x'                 | { -> 2*x + 3*x }                   | { double x, double y -> 2 * x + 3 * x }
        'x**2*y'              | { -> x*y*x }                       | { double x, double y -> x * y * x }
        'x'                   | { -> (x**0.5)**2 }                 | { double x, double y -> Math.pow(Math.pow(x, 0.5), 2) }
        '(x**2)**0.5'         | { -> (x**2)**0.5 }                 | { double x, double y -> Math.abs(x) }
        '-8*x**3'             | { -> (-2*x)**3 }                   | { double x, double y -> Math.pow(-2 * x, 3) }
        'x**(-2)'             | { -> (x**2)**(-1) }                | { double x, double y -> 1 / (x * x) }
        '1'                   | { -> x**2 * x**(-2) }              | { double x, double y -> x * x / (x * x) }
        'x'                   | { -> log(exp(x)) }                 | { double x, double y -> Math.log(Math.exp(x)) }
        'abs(x)'              | { -> abs(abs(x)) }                 | { double x, double y -> Math.abs(Math.abs(x)) }
        '0'                   | { -> 0/(x*y) }                     | { double x, double y -> 0 / (x * y) }
        '1'                   | { -> (x + y)/(x + y) }             | { double x, double y -> (x + y) / (x + y) }
        'x/4'                 | { -> x/4 }                         | { double x, double y -> x / 4 }
        'x/3'                 | { -> x/3 }                         | { double x, double y -> x / 3 }
        '2*x + 2*y'           | { -> (x + y) + (y + x) }           | { double x, double y -> 2 * (x + y) }
        '6*x*y'               | { -> 2*x*(3*y) }                   | { double x, double y -> 6 * x * y }
        'sqrt(x)**2'          | { -> sqrt(x)*sqrt(x) }             | { double x, double y -> Math.sqrt(x) * Math.sqrt(x) }
        'x**y*x'              | { -> x**y * x }                    | { double x, double y -> Math.pow(x, y) * x }

        points = [[0.7, -1.3], [-2.5, 0.4], [3.0, 2.0], [-0.3, -0.9]]
    }

    def "expressions are values: equal structure, equal expressions and hashes; variables by identity"() {
        given:
        def x2 = new Variable('x', 0)

        expect:
        (x**2 + 1*y) == (x**2 + y)
        (x**2 + y).hashCode() == (x**2 + y).hashCode()
        (x**2) != (x2**2)
        Constant.of(-0.0d) == Constant.ZERO
    }

    def "a layout lists variables in declaration order, whatever order they appear in"() {
        given:
        def a = new Variable('a', 0)
        def w = new VectorVariable('w', 3, 0)
        def b = new Variable('b', 0)

        expect:
        Layout.of(b * w[1] + a).coordinateNames() == ['a', 'w[0]', 'w[1]', 'w[2]', 'b']
        Layout.of(b * w[1] + a).coordinate(2) == w.get(1)
        Layout.of(b + a).dimension() == 2
    }

    def "an index that is not an integer is an error"() {
        given:
        def w = new VectorVariable('w', 3, 0)

        when:
        w.get(Constant.of(1.5))

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('not an integer')

        when:
        w.get(3)

        then:
        thrown(IndexOutOfBoundsException)
    }
}
