package org.gradus.dsl

import groovy.json.JsonSlurper
import spock.lang.Specification
import spock.lang.Unroll

/**
 * A minimize run of a problem not proved convex says whether the point it stopped at passes the
 * second-derivative test (problem.secondOrder: type, eigenvalues, text). The Hessians are worked by hand:
 * x⁴ − x² + y² has ∇²f = diag(12x² − 2, 2), = diag(4, 2) at its minimum (1/√2, 0); x² − y² + y⁴ has
 * diag(2, 12y² − 2), = diag(2, −2) at its saddle (0, 0), where gradient descent started on y = 0 stays
 * (∂f/∂y = 0 all along y = 0); x³ has f'' = 6x, which is 0 at its only stationary point 0.
 */
class SecondOrderAtResultSpec extends Specification {

    Map problemOf(String statement) {
        def shown = new GradusSession().run("x = variable(1); y = variable(1)\n$statement\n", 'second.opt')
        (new JsonSlurper().parseText(shown[0].toJson()) as Map).problem as Map
    }

    @Unroll
    def "#statement stops at a #type"() {
        when:
        Map p = problemOf(statement)

        then:
        p.convex == null
        p.secondOrder.type == type
        (p.secondOrder.eigenvalues as List<Double>).size() == eigenvalues.size()
        [p.secondOrder.eigenvalues, eigenvalues].transpose().every { a, b -> Math.abs(a - b) <= 1e-5 }
        p.secondOrder.text.contains(says)

        where:
        statement                                                                         | type         | eigenvalues | says
        "minimize x**4 - x**2 + y**2, method: 'newton'"                                   | 'minimum'    | [2, 4]      | 'a strict local minimum'
        "minimize x**2 - y**2 + y**4, method: 'gd', lr: 0.1, start: [x: 1, y: 0]"       | 'saddle'     | [-2, 2]     | 'a saddle point, not a minimum'
        "minimize x**3, method: 'lbfgs'"                                                  | 'degenerate' | [0]         | 'cannot tell'
        "maximize x**2 - x**4 - y**2, method: 'newton'"                                   | 'maximum'    | [-4, -2]    | 'a strict local maximum'
    }

    def "a point where the gradient is small but the curvature changes nearby is not called a minimum"() {
        when: 'gradient descent on x³ from 1 creeps towards 0 from above and stops at x ≈ 5.8e-4, where f″ = 6x ≈ 0.0035 > 0'
        Map p = problemOf("minimize x**3, method: 'gd', lr: 0.1")

        then: 'but f″ = 0 at x = 0, within the distance where ∇f = 0 may lie: the test cannot tell'
        p.secondOrder.type == 'degenerate'
        p.secondOrder.eigenvalues[0] > 0.003 && p.secondOrder.eigenvalues[0] < 0.004
        p.secondOrder.text.contains('the curvature changes')
    }

    def "no test where it does not apply: a convex problem, constraints, bounds, a run that did not converge"() {
        expect:
        problemOf("minimize x**2 + y**2").secondOrder == null
        problemOf("minimize x**4 - x**2, subjectTo: constraints { x + y <= 3 }").secondOrder == null
        problemOf("minimize x**4 - x**2 + y**2, over: [x: -2..2, y: -2..2]").secondOrder == null
        problemOf("minimize x**4 - x**2 + y**2, method: 'gd', lr: 1e-4, maxIter: 3").secondOrder == null
    }
}
