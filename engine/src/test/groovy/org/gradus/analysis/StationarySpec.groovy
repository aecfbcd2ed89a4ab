package org.gradus.analysis

import org.gradus.expr.Variable
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

    def "x**4 at 0 is degenerate, with a hint that it is a minimum"() {
        expect:
        Stationary.find(x**4, [x: r(-1, 1)]).points()[0].note().contains('minimum')
        Stationary.find(x**3, [x: r(-1, 1)]).points()[0].note().contains('not an extremum')
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

    def "without a box the search uses [-10, 10] and says so"() {
        when:
        def rep = Stationary.find((x - 1)**2 + y**2, null)

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
