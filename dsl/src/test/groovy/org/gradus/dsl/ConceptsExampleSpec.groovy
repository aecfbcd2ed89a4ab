package org.gradus.dsl

import groovy.json.JsonSlurper
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * examples/concepts.opt, the lecture storyline of CONCEPTS.md, keeps running and keeps giving the lectures'
 * answers, worked by hand: the limits, the ways continuity fails, the Taylor values of eˣ at 0.5 (1 + 0.5 and
 * 1 + 0.5 + 0.125), the stationary points of x³ − 3x + y² (∇f = (3x² − 3, 2y) = 0 at (±1, 0), ∇²f = diag(6x, 2)),
 * the gradient of x² + 2xy − y at (1, 2) ((2x + 2y, 2x − 1) = (6, 1)) and its slope along (0.71, 0.71)
 * (7/√2), a step size above 2/L diverging on a bowl of curvature L = 4, gradient descent stalling at the saddle
 * of x² − y² + y⁴ and escaping it from a perturbed start to (0, 1/√2).
 */
class ConceptsExampleSpec extends Specification {
    @Shared
    @TempDir
    Path dir
    @Shared
    List<Map> shown

    def setupSpec() {
        Path examples = Path.of(System.getProperty('user.dir')).resolveSibling('examples')
        ['concepts.opt', 'regression.csv', 'classification.csv'].each { Files.copy(examples.resolve(it), dir.resolve(it)) }
        shown = new GradusSession().run(dir.resolve('concepts.opt')).collect { new JsonSlurper().parseText(it.toJson()) as Map }
    }

    List<Map> of(String kind) {
        shown.findAll { it.kind == kind }
    }

    static boolean near(Object a, double b, double tol = 1e-6) {
        Math.abs((a as double) - b) <= tol
    }

    def "limits: sin(x)/x → 1, 1/x → +∞ from the right and no limit at 0, (1 + 1/x)^x → e, sin(1/x) none"() {
        expect:
        of('limit')*.exists == [true, true, false, true, false]
        near(of('limit')[0].value, 1)
        of('limit')[1].value == 'Infinity'
        near(of('limit')[3].value, Math.E, 1e-12)
    }

    def "continuity fails three ways; abs and sqrt(x**2) are continuous with a kink; log is undefined at 0"() {
        expect:
        of('differentiability')*.continuous == [false, false, false, true, true, false]
        of('differentiability')*.differentiable == [false] * 6
    }

    def "monotonicity, Taylor, stationary points"() {
        expect:
        of('monotonicity')[0].intervals*.direction == ['increasing', 'decreasing', 'increasing']
        of('monotonicity')[0].intervals*.from == [-3, -1, 1]
        of('monotonicity')[1].intervals*.direction == ['increasing']
        of('number')[0..1]*.value == [1.5, 1.625]

        def points = of('stationary')[0].points
        points*.type == ['saddle', 'minimum']
        points*.at == [[x: -1, y: 0], [x: 1, y: 0]]
        points*.eigenvalues == [[-6, 2], [2, 6]]
        of('stationary')[1].points*.type == ['degenerate']

        and: 'by hand: |x³ − x| has maxima at ±1/√3 and kinks at −1, 0, 1 with slopes ∓2, ∓1, ∓2'
        of('stationary')[2].points*.type == ['maximum', 'maximum']
        of('stationary')[2].kinks*.at == [[x: -1], [x: 0], [x: 1]]
        of('stationary')[2].kinks*.type == ['minimum'] * 3
        of('stationary')[2].kinks*.slopes == [[-2, 2], [-1, 1], [-2, 2]]

        and: 'the lasso (x − 1)² + (y − 0.2)² + (|x| + |y|)/2, by soft thresholding: x = 1 − 0.25 = 0.75, y = 0 (|2·0.2| ≤ 0.5)'
        of('stationary')[3].points.isEmpty()
        of('stationary')[3].kinks*.at == [[x: 0.75, y: 0]]
        of('stationary')[3].kinks*.type == ['minimum']
    }

    def "convexity of functions and sets, the gradient and the directional derivative"() {
        expect:
        of('convexity')[0..4]*.verdict == ['convex', 'neither', 'convex', 'neither', 'neither']
        of('gradient')[0].value == [x: 6, y: 1]
        near(of('number')[2].value, 7 / Math.sqrt(2), 1e-9)
    }

    def "a step size too large diverges on the bowl; gradient descent stalls at a saddle and its report says so"() {
        given:
        List<Map> runs = of('minimize')

        expect: 'lr 0.6 > 2/L = 0.5 on 2(y + 1)²'
        runs[0].status == 'diverged'
        runs[1].status == 'converged' && near(runs[1].x.x, 3, 1e-5) && near(runs[1].x.y, -1, 1e-5)

        and: 'x² − y² + y⁴ from (1, 0): the saddle (0, 0), ∇²f = diag(2, −2); from (1, 1e-6): the minimum (0, 1/√2), f = −1/4'
        Map stalled = runs.find { it.problem?.secondOrder?.type == 'saddle' }
        stalled != null && near(stalled.x.x, 0) && stalled.x.y == 0
        stalled.problem.secondOrder.eigenvalues == [-2, 2]
        Map escaped = runs[runs.indexOf(stalled) + 1]
        escaped.problem.secondOrder.type == 'minimum'
        near(escaped.x.y, 1 / Math.sqrt(2), 1e-5) && near(escaped.f, -0.25, 1e-9)
    }

    def "L1 gives exact zeros, L2 only shrinks; logistic regression is convex"() {
        expect:
        String zeros = shown.find { it.kind == 'value' && it.text.startsWith('zeros with L1') }.text
        def m = zeros =~ /zeros with L1: (\d+), with L2: (\d+)/
        m.find() && (m.group(1) as int) > 0 && (m.group(2) as int) == 0
        of('convexity').last().verdict == 'convex'
    }
}
