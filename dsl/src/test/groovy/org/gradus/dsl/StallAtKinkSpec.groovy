package org.gradus.dsl

import groovy.json.JsonSlurper
import spock.lang.Specification

/**
 * A smooth method that stalls at a kink says so, not "the limit of floating-point accuracy". By hand: 2·relu(y) +
 * (y − 0.5)² + (x − 2)² has its minimum at (2, 0), f = 0.25, a kink of relu, where the one-sided slopes in y are
 * −1 and 1 (the gradient never vanishes there). A smooth objective that stalls for rounding keeps the old reason:
 * exp(x − 0.3) + exp(0.3 − x) + (xy − 1)² + y⁴ asked for |∇f| ≤ 1e-17.
 */
class StallAtKinkSpec extends Specification {
    Map run(String source) {
        new JsonSlurper().parseText(new GradusSession().run(source, 't.opt')[0].toJson()) as Map
    }

    def "lbfgs stalled at the kink of relu names the kink, and the point is the minimum"() {
        when:
        Map r = run('x = variable(3)\ny = variable(3)\nminimize(2*relu(y) + (y - 0.5)**2 + (x - 2)**2, method: "lbfgs")')

        then:
        r.status == 'stalled'
        r.message.contains('f has a kink here, where the gradient need not vanish even at a minimum')
        r.message.contains("schedule: inverseTime()")
        !r.message.contains('floating-point accuracy')
        Math.abs((r.x.x as double) - 2) < 1e-6 && Math.abs(r.x.y as double) < 1e-6
        Math.abs((r.f as double) - 0.25) < 1e-9
    }

    def "a smooth objective that stalls for rounding keeps its reason"() {
        when:
        Map r = run('x = variable(1.3)\ny = variable(0.7)\nminimize(exp(x - 0.3) + exp(0.3 - x) + (x*y - 1)**2 + y**4, tol: 1e-17)')

        then:
        r.status == 'stalled'
        r.message.contains('often the limit of floating-point accuracy; loosen tol')
        !r.message.contains('kink')
    }
}
