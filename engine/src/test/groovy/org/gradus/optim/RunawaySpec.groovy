package org.gradus.optim

import org.gradus.expr.Expr
import org.gradus.expr.Variable
import spock.lang.Specification

import static org.gradus.expr.Fn.*

/** A small gradient reached far out where f has no minimum is no convergence (Runaway). */
class RunawaySpec extends Specification {
    static Variable x = new Variable('x', 1)
    static Variable y = new Variable('y', 1)

    static OptimizationResult solve(Expr f, Map opts = [:], boolean maximize = false) {
        Minimizer.run(f, maximize, opts, [], RunContext.defaults())
    }

    def "exp(-x) has no minimum: L-BFGS's small gradient at x ≥ 13.8 (e^-x ≤ 1e-6, by hand) is reported diverged, with the values that prove it"() {
        when:
        def r = solve(exp(-x))

        then:
        r.status() == Status.DIVERGED
        r.message().contains('the gradient became small far out, but f keeps decreasing beyond the point')
        r.message().contains('f has no minimum there')
        r.x().x >= Math.log(1e6)
    }

    def "log(x) has no maximum: maximize stops at |1/x| ≤ 1e-6, x ≥ 1e6 (by hand), and says f keeps increasing"() {
        when:
        def r = solve(log(x), [:], true)

        then:
        r.status() == Status.DIVERGED
        r.message().contains('f keeps increasing beyond the point along ∇f')
        r.x().x >= 1e6
    }

    def "a separable pair of logistic terms has no minimum; with 0.01x² it has one, at scipy's brentq root 2.0308788174 of the derivative"() {
        given:
        Expr separable = log(1 + exp(-3 * x)) + log(1 + exp(-2 * x))

        expect:
        solve(separable).status() == Status.DIVERGED
        solve(separable + 0.01 * x**2).with { status() == Status.CONVERGED && Math.abs(x().x - 2.0308788174393837) < 1e-7 }
    }

    def "true minima stay converged, without extra work counted: a bowl, the flat (x - 0.3)⁴ + (y + 0.2)⁴, Rosenbrock's valley from (-1.2, 1)"() {
        when:
        def bowl = solve(x**2 + y**2)
        def flat = solve((x - 0.3)**4 + (y + 0.2)**4)
        def rosen = solve((1 - x)**2 + 100 * (y - x**2)**2, [start: [x: -1.2, y: 1]])

        then:
        [bowl, flat, rosen].every { it.status() == Status.CONVERGED }
        [bowl, flat, rosen].every { !it.toText().contains('∇²f·v') }
        Math.abs(rosen.x().x - 1) < 1e-5
    }
}
