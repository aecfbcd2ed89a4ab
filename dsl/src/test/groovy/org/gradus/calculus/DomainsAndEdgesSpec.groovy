package org.gradus.calculus

import org.gradus.dsl.GradusException
import org.gradus.dsl.GradusSession
import spock.lang.Specification
import spock.lang.Unroll

/**
 * Issue 12's wrong answers at the edges: values outside an atom's domain are errors naming the atom, the
 * point and the domain; NaN and infinite inputs are errors; numbers in the tails keep their relative
 * accuracy (against 40-digit mpmath values in the reference file); non-finite Hessians are reported as such.
 */
class DomainsAndEdgesSpec extends Specification {
    static final Map EDGES = CalculusReference.DATA.edges as Map

    GradusException failure(String statement) {
        try {
            new GradusSession().run("x = variable(1)\ny = variable(0)\n$statement\n", 'edges.opt')
        } catch (GradusException e) {
            return e
        }
        throw new AssertionError("no error from: $statement")
    }

    @Unroll
    def "#statement is an error: #message"() {
        when:
        GradusException e = failure(statement)

        then:
        e.message.contains(message)
        e.line == 3
        e.exitCode == 1
        !e.message.contains('Exception')
        !e.message.contains('org.gradus')

        where:
        statement                                       | message
        'log(x - 3).at(x: 1)'                           | 'log(x - 3) at x = 1: log needs a positive argument, got -2'
        'log(-1)'                                       | 'log(-1): log needs a positive argument, got -1'
        'sqrt(x).at(x: -4)'                             | 'sqrt(x) at x = -4: sqrt needs a nonnegative argument, got -4'
        'minimize log(x - 3) + x**2'                    | 'the start point is outside the objective\'s domain: log(x - 3) at x = 1: log needs a positive argument, got -2'
        'z = variable(Double.NaN)'                      | 'must be a finite number, not NaN'
        'z = variable(1/0)'                             | 'must be a finite number'
        'sum(0..<3000000000) { i -> x }.at(x: 1)'       | 'an index range may reach at most'
        'stationary(x**2, over: [x: -1e308..1e308])'    | 'is too wide to search'
        'gard(x**2)'                                    | "no function 'gard'; did you mean 'grad'?"
        'z = variable(0, lower: 0/0)'                   | 'lower must be a number or -Infinity, not NaN'
        'minimize x**2, start: [x: 1/0]'                | 'the start value of x is Infinity; a start value must be a finite number'
    }

    @Unroll
    def "a run-time error points at the failing call's column: #statement"() {
        expect:
        failure(statement).column == column

        where:
        statement                                  | column
        'differentiable(huber(x), at: [x: 1])'     | 16
        'y + log(x - 3).at(x: 1)'                  | 16
        'z = 2*gard(x)'                            | 7
    }

    def "a start outside the domain is refused before the first step, not reported as a divergence"() {
        expect:
        !failure('minimize log(x - 3) + x**2').message.contains('diverged')
    }

    @Unroll
    def "#what keeps its relative accuracy in the tail"() {
        when:
        Map r = CalculusReference.run("x = variable(0)\n$statement")[0]
        double got = (r.value instanceof Map ? r.value.x : r.value) as double
        double want = EDGES[what] as double

        then:
        Math.abs(got - want) <= 1e-13 * Math.abs(want)

        where:
        what                       | statement
        'logLoss(x, 1) at 40'      | 'logLoss(x, 1).at(x: 40)'
        'logLoss(x, 1) at 33'      | 'logLoss(x, 1).at(x: 33)'
        'logLoss(x, 0) at -35'     | 'logLoss(x, 0).at(x: -35)'
        "sigmoid' at 30"           | 'grad(sigmoid(x)).at(x: 30)'
        "sigmoid' at -40"          | 'grad(sigmoid(x)).at(x: -40)'
        "tanh' at 20"              | 'grad(tanh(x)).at(x: 20)'
        "tanh' at -18"             | 'grad(tanh(x)).at(x: -18)'
    }

    def "the second derivative of logsumexp(exp(x), 0) at 40 has no catastrophic cancellation"() {
        when:
        Map h = CalculusReference.run("x = variable(0)\nhessian(logsumexp(exp(x), 0)).at(x: 40)")[0]
        double want = EDGES["logsumexp(exp(x), 0)'' at 40"] as double

        then:
        Math.abs((h.matrix[0][0] as double) - want) <= 1e-12 * want
        h.definiteness == 'positive definite'
    }

    def "a Hessian with infinite entries is reported as not finite, not decomposed"() {
        when:
        Map h = CalculusReference.run("x = variable(0)\ny = variable(0)\nhessian(exp(x**2)*y).at(x: 27, y: 1)")[0]

        then:
        h.kind == 'hessian'
        h.definiteness != 'positive semidefinite'
        h.eigenvalues == null
    }

    def "a stationary point reads the same in Groovy as in JSON and prints as a point"() {
        when:
        List<org.gradus.result.Shown> shown = new GradusSession().run('''
            x = variable(0)
            y = variable(0)
            p = stationary((x - 1)**2 + y**2, over: [x: -3..3, y: -3..3]).points[0]
            p
            p.x
            p.at.y
        ''', 'points.opt')

        then:
        shown[0].toText().startsWith('(x = 1, y = 0)')
        (new groovy.json.JsonSlurper().parseText(shown[0].toJson()) as Map).at == [x: 1, y: 0]
        shown[1].toText() == '1'
        shown[2].toText() == '0'
    }

    def "(x) - 1 is an expression, not a cast"() {
        expect:
        CalculusReference.run("x = variable(0)\nf = (x) - 1\nf")[0].text == 'x - 1'
    }

    def "log-sum-exp is smooth: exp(x) + exp(y) is never 0, though enclosed as [0, ∞]; a kink that bounds cannot rule out is said as such, never as a fact"() {
        when: 'over all of R² the argument exp(x) + exp(y) is enclosed as [0, ∞]; its lower end is a limit, never a value'
        Map r = CalculusReference.run("x = variable(0)\ny = variable(0)\nconvexity(log(exp(x) + exp(y)))")[0]
        Map kinked = CalculusReference.run("x = variable(0)\ny = variable(0)\nconvexity(max(x, y))")[0]

        then: 'log(eˣ + eʸ) is convex (its Hessian diag(p) − ppᵀ is PSD, p = softmax(x, y)), with L = 1/2 at p = (1/2, 1/2); no kink note'
        r.verdict == 'convex'
        r.counterexample == null
        r.note == null
        Math.abs(r.L - 0.5) < 1e-9

        and: 'max(x, y) has a kink on y = x: said as what the bounds could not rule out, with no L'
        kinked.note.contains('max(x, y) may have a kink') && kinked.note.contains('could not rule it out')
        kinked.L == null
    }

    def "Huber's gradient is Lipschitz: L is the curvature of its quadratic piece"() {
        when:
        Map r = CalculusReference.run("x = variable(0)\nconvexity(huber(x, 0))")[0]

        then:
        r.verdict == 'convex'
        r.L == 1
        !(r.note ?: '').contains('no L')
    }

    def "quadForm's message names the eigenvalues of A + Aᵀ it talks about"() {
        when: 'A + Aᵀ = [[2, 0], [0, -2]]: eigenvalues -2 and 2 (those of (A + Aᵀ)/2 would be -1 and 1)'
        Map r = CalculusReference.run("v = vector(2)\nA = matrix([[1, 0], [0, -1]])\nconvexity(quadForm(v, A))")[0]

        then:
        r.verdict == 'neither'
        r.reason =~ /A \+ Aᵀ is not semidefinite \(its eigenvalues are -2\b/
    }
}
