package org.gradus.analysis

import org.gradus.expr.Variable
import spock.lang.Specification

import static org.gradus.expr.Fn.*

/** The analysis records of the conformance cases convexity.opt, stationary.opt, taylor_and_smoothness.opt. */
class ConformanceSpec extends Specification {
    static Variable x = new Variable('x', 0)
    static Variable y = new Variable('y', 0)


    def "convexity.opt: #f"() {
        when:
        def r = Convexity.analyze(f, over)
        println r.toText()
        println r.toJson()

        then:
        r.verdict() == verdict
        r.certainty() == certainty
        mu == null || Math.abs(r.mu() - mu) < 1e-9
        verdict != 'neither' || r.counterexample() != null

        where:
        f                  | over                       || verdict   | certainty        | mu
        x**2 + y**2        | null                       || 'convex'  | 'proof'          | 2
        x**3               | [x: [-1, 1] as double[]]   || 'neither' | 'counterexample' | null
        exp(x) + abs(y)    | null                       || 'convex'  | 'proof'          | null
        x * y              | null                       || 'neither' | 'counterexample' | null
        -log(x)            | [x: [0.1, 10] as double[]] || 'convex'  | 'proof'          | null
        sqrt(x)            | [x: [0.1, 10] as double[]] || 'concave' | 'proof'          | null
        2 * x + 3 * y - 1  | null                       || 'linear'  | 'proof'          | null
        logsumexp(x, y)    | null                       || 'convex'  | 'proof'          | null
        x**4               | null                       || 'convex'  | 'proof'          | null
    }

    def "stationary.opt: x**3 - 3*x + y**2 over [-3, 3]²"() {
        when:
        def r = Stationary.find(x**3 - 3 * x + y**2, [x: [-3, 3] as double[], y: [-3, 3] as double[]])
        println r.toText()
        println r.toJson()

        then:
        r.points().size() == 2
        def min = r.points().find { it.type() == 'minimum' }
        def saddle = r.points().find { it.type() == 'saddle' }
        min.x() == [1, 0] as double[] && Math.abs(min.f() + 2) < 1e-9
        saddle.x() == [-1, 0] as double[] && Math.abs(saddle.f() - 2) < 1e-9
    }

    def "stationary.opt: x**2 - y**2 over [-1, 1]²"() {
        when:
        def r = Stationary.find(x**2 - y**2, [x: [-1, 1] as double[], y: [-1, 1] as double[]])
        println r.toJson()

        then:
        r.points().size() == 1
        r.points()[0].type() == 'saddle'
        r.points()[0].x() == [0, 0] as double[]
        r.points()[0].eigenvalues() == [-2, 2] as double[]
    }

    def "taylor_and_smoothness.opt: #f at x = #at"() {
        when:
        def r = Differentiability.check(f, [x: at])
        println r.toText()
        println r.toJson()

        then:
        r.continuous() == continuous
        r.differentiable() == differentiable

        where:
        f       | at || continuous | differentiable
        abs(x)  | 0  || true       | false
        x**2    | 0  || true       | true
        sqrt(x) | 4  || true       | true
    }
}
