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
 * <p>With constraints, the Hessian of the Lagrangian on the directions along the active constraints, by hand: x·y on
 * x + y = 1 is x(1 − x), with second derivative −2 along (1, −1), −1 along the unit direction (1, −1)/√2; x² + y² on
 * x·y = 1 at (1, 1) has μ = −2 and ∇²L = [[2, −2], [−2, 2]], 4 along (1, −1)/√2; −x² − y² on the unit disc has μ = 1
 * and ∇²L = 0 (every point of the circle is a minimum); x² − y² on the upper half of the disc of radius 2 at (0, 2) has
 * μ = 1, ∇²L = diag(4, 0), 4 along the circle; x³ + x − y with x ≥ −1, y ≤ 2 stops at the corner (−1, 2) where both
 * bounds hold with positive multipliers (4 and 1): no direction stays feasible.
 */
class SecondOrderAtResultSpec extends Specification {

    Map problemOf(String statement) {
        def shown = new GradusSession().run("x = variable(1); y = variable(1)\n$statement\n", 'second.opt')
        (new JsonSlurper().parseText(shown[0].toJson()) as Map).problem as Map
    }

    def "a run that stops a hair off a valley of minima is at f's least value, not on a saddle: (xy − 1)² at x = y = 1 + 8.6e-8"() {
        when: 'by hand: ∇²f = 2[[y², 2xy − 1], [2xy − 1, x²]], at x = y = 1 + d: eigenvalues 2(x² + 2xy − 1) ≈ 4 and 2(x² − 2xy + 1) = 2(1 − x²) ≈ −4d'
        Map p = new GradusSession().run('x = variable(1.0000000864252354); y = variable(1.0000000864252354)\nminimize((x*y - 1)**2, maxIter: 0)\n',
                'valley.opt').collect { new JsonSlurper().parseText(it.toJson()) as Map }[0].problem as Map
        double d = 0.0000000864252354

        then: 'the test alone said saddle; f = (xy − 1)² ≥ 0 and f = ((1 + d)² − 1)² ≈ 3e-14 here'
        Math.abs((p.secondOrder.eigenvalues as List<Double>)[0] - (-4 * d)) <= 1e-3 * 4 * d
        p.secondOrder.type == 'degenerate'
        p.secondOrder.bound == 0
        Math.abs((p.secondOrder.gap as double) - ((1 + d)**2 - 1)**2) <= 1e-3 * ((1 + d)**2 - 1)**2
        p.secondOrder.text.contains("of both signs; but f ≥ 0 everywhere (an interval bound over all of R²) and f exceeds that by at most 3e-14 here: f's least value, up to rounding")
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
        "minimize x**3, method: 'lbfgs'"                                                  | 'degenerate' | [0]         | 'f‴ = 6 ≠ 0: a flat inflection (as x**3 at 0), not a minimum'
        "maximize x**2 - x**4 - y**2, method: 'newton'"                                   | 'maximum'    | [-4, -2]    | 'a strict local maximum'
        "minimize x*y, subjectTo: { x + y == 1 }"                                         | 'maximum'    | [-1]        | 'a local maximum along the constraints, not a minimum'
        "maximize x*y, subjectTo: { x + y == 1 }"                                         | 'maximum'    | [-1]        | 'a strict local maximum on the feasible set'
        "minimize x**2 + y**2, subjectTo: { x*y == 1 }"                                   | 'minimum'    | [4]         | 'along x*y == 1 has eigenvalues 4: a strict local minimum'
        "minimize(-x**2 - y**2, subjectTo: { x**2 + y**2 <= 1 })"                         | 'degenerate' | [0]         | 'cannot tell'
        "minimize x**2 - y**2, subjectTo: { x**2 + y**2 <= 4; y >= 0 }"                   | 'minimum'    | [4]         | 'a strict local minimum'
        "minimize x**3 + x - y, subjectTo: { x >= -1; y <= 2 }"                           | 'minimum'    | []          | 'every direction leaves the feasible set'
    }

    def "a point where the gradient is small but the curvature changes nearby is not called a minimum"() {
        when: 'gradient descent on x³ from 1 creeps towards 0 from above and stops at x ≈ 5.8e-4, where f″ = 6x ≈ 0.0035 > 0'
        Map p = problemOf("minimize x**3, method: 'gd', lr: 0.1")

        then: "but f″ = 0 at x = 0, within the distance where ∇f = 0 may lie, and f‴ = 6 there: x³ rises through 0, no minimum"
        p.secondOrder.type == 'degenerate'
        p.secondOrder.eigenvalues[0] > 0.003 && p.secondOrder.eigenvalues[0] < 0.004
        p.secondOrder.text.contains('and f″ = 0 at x = 0 nearby, where f′ = 0 and f‴ = 6 ≠ 0: a flat inflection (as x**3 at 0), not a minimum')
        p.secondOrder.text.endsWith('so f increases through it and is lower to the left')
    }

    def "a double zero of f′ is not taken for a minimum: Newton on x³ + x⁴ from 1 stops near 0, where f′ = x²(3 + 4x) has a double zero"() {
        when: "by hand: f″ = 6x + 12x² > 0 just right of 0 but 0 at 0, f‴(0) = 6; the minimum is at x = −3/4 (f′ = 0, f″ = 2.25)"
        Map p = problemOf("minimize x**3 + x**4, method: 'newton'")

        then: 'the stopping point lies two Newton steps from 0, and the check reaches past it'
        p.secondOrder.type == 'degenerate'
        p.secondOrder.text.contains('f‴ = 6 ≠ 0: a flat inflection (as x**3 at 0), not a minimum')
    }

    def "a curvature that changes without an inflection point near the run is still only 'cannot tell'"() {
        expect: 'x⁴ − x² + y² stopped exactly at its minimum keeps the strict minimum; exp(x) has no point where f′ = 0 at all'
        problemOf("minimize x**4 - x**2 + y**2, method: 'newton'").secondOrder.type == 'minimum'
    }

    def "no test where it does not apply: a convex problem, a run that did not converge"() {
        expect:
        problemOf("minimize x**2 + y**2").secondOrder == null
        problemOf("minimize x**2 + y**2, subjectTo: { x + y >= 1 }").secondOrder == null
        problemOf("minimize x**4 - x**2 + y**2, method: 'gd', lr: 1e-4, maxIter: 3").secondOrder == null
    }

    Map restartsOf(String script) {
        def shown = new GradusSession().run(script, 'restarts.opt')
        (new JsonSlurper().parseText(shown[0].toJson()) as Map).restarts as Map
    }

    def "restarts put each distinct end point to the test: a descent started on the saddle of (x² − 1)² + y² stays there and is not a minimum"() {
        when: '∇f = (4x(x² − 1), 2y): minima at (±1, 0) with ∇²f = diag(8, 2), a saddle at (0, 0) with diag(−4, 2) (by hand); the first descent starts at (0, 0)'
        Map r = restartsOf("x = variable(0); y = variable(0)\nminimize((x**2 - 1)**2 + y**2, restarts: 10, seed: 1)")
        List<Map> points = r.minima as List<Map>

        then:
        points.every { p ->
            double px = p.x.x as double, py = p.x.y as double
            p.type == (Math.abs(px) < 1e-6 ? 'saddle' : 'minimum') && Math.abs(py) < 1e-6 && (Math.abs(px) < 1e-6 || Math.abs(Math.abs(px) - 1) < 1e-6)
        }
        points.count { it.type == 'saddle' } == 1
        r.distinctMinima == points.count { it.type == 'minimum' }
        r.distinctPoints == points.size()

        and: 'the text counts them by type'
        new GradusSession().run("x = variable(0); y = variable(0)\nminimize((x**2 - 1)**2 + y**2, restarts: 10, seed: 1)", 'restarts.opt')[0]
                .toText().contains("10 descents, ${points.size()} distinct end points: ${r.distinctMinima} minima, 1 saddle point")
    }

    def "maximize counts maxima; a convex problem's restarts are not classified"() {
        expect:
        Map top = restartsOf("x = variable(0); y = variable(0)\nmaximize(-(x**2 - 1)**2 - y**2, restarts: 6, seed: 2)")
        (top.minima as List<Map>).every { it.type == (Math.abs(it.x.x as double) < 1e-6 ? 'saddle' : 'maximum') }
        top.distinctMinima == (top.minima as List<Map>).count { it.type == 'maximum' }

        Map bowl = restartsOf("x = variable(0); y = variable(0)\nminimize((x - 1)**2 + y**2, restarts: 3, seed: 1)")
        bowl.distinctMinima == 1 && bowl.distinctPoints == null && bowl.minima[0].type == null
    }
}
