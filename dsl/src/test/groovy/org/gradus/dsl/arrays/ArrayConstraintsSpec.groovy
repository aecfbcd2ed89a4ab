package org.gradus.dsl.arrays

import groovy.json.JsonSlurper
import org.gradus.dsl.GradusException
import org.gradus.dsl.GradusSession
import spock.lang.Specification

/**
 * A comparison of arrays inside {@code subjectTo:} is one constraint per element, as CVXPY reads {@code w >= 0}; it had been
 * taken as one scalar constraint that the runs did not hold (w >= 0.1 ended with w[2] = 0, "max violation 0").
 */
class ArrayConstraintsSpec extends Specification {

    List<Map> run(String source) {
        new GradusSession().run(source, 'constraints.opt').collect { new JsonSlurper().parseText(it.toJson()) as Map }
    }

    def "w >= 0.1 of a vector bounds every element: (w0 - w1)² + w2² on the simplex shifted to w >= 0.1"() {
        when: 'by hand: w2 as small as allowed (0.1), then w0 = w1 = 0.45 on w0 + w1 = 0.9; f = 0.01'
        Map r = run("w = vector(3, start: 0.3)\nminimize(sumsq(w) - 2*w[0]*w[1], subjectTo: { w >= 0.1; sum(w) == 1 })")[0]

        then:
        [r.x.w, [0.45, 0.45, 0.1]].transpose().every { a, b -> Math.abs(a - b) < 1e-6 }
        Math.abs(r.f - 0.01) < 1e-8
        r.constraints*.text == ['w[0] >= 0.1', 'w[1] >= 0.1', 'w[2] >= 0.1', 'sum(w) == 1']
        r.maxViolation <= 1e-8
    }

    def "A*v <= b is a constraint per row: the projection of (5, 5) onto {v : Av <= b}, as scipy's SLSQP finds it"() {
        when: 'scipy.optimize.minimize(..., method=SLSQP): v = (1.28, 0.04), f = 38.44; only the second row is active'
        Map r = run("A = matrix([[1, 2], [3, 4]])\nv = vector(2)\nminimize(sumsq(v - 5), subjectTo: { A*v <= [3, 4] })")[0]

        then:
        Math.abs(r.x.v[0] - 1.28) < 1e-6
        Math.abs(r.x.v[1] - 0.04) < 1e-6
        Math.abs(r.f - 38.44) < 1e-6
        r.constraints.size() == 2
        r.constraints[0].multiplier == 0
        r.constraints[1].multiplier > 0
    }

    def "a long vector's constraints are all in the result, and the text shows the first and counts the rest"() {
        when:
        def shown = new GradusSession().run("w = vector(50)\nminimize(sumsq(w - 1), subjectTo: { w <= 0.8 })", 'long.opt')[0]
        Map r = new JsonSlurper().parseText(shown.toJson()) as Map

        then:
        r.constraints.size() == 50
        r.constraints.every { Math.abs(it.multiplier - 0.4) < 1e-9 }      // 2(0.8 − 1) + μ = 0
        shown.toText().contains('w[7] <= 0.8')
        !shown.toText().contains('w[8] <= 0.8')
        shown.toText().contains('… 42 more: 42 with a nonzero multiplier, none violated (r.constraints lists every one)')
    }

    def "sides of different shapes are an error that names both"() {
        when:
        run("v = vector(2)\nminimize(sumsq(v), subjectTo: { v <= [3, 4, 5] })")

        then:
        GradusException e = thrown()
        e.message.contains('the two sides of v <= [3, 4, 5] have different shapes: v has 2, [3, 4, 5] has 3')
    }
}
