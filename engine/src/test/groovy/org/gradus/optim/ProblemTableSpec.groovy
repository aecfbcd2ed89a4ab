package org.gradus.optim

import org.gradus.expr.Expr
import org.gradus.expr.Variable
import org.gradus.atoms.Ops
import org.gradus.optim.method.MethodSpec
import org.gradus.optim.method.Optimizers
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

import static org.gradus.optim.Problems.*

/**
 * One shared table of problems with known minima, run against every applicable method (as optax's
 * alias_test and Optim.jl's run_optim_tests): each run must reach a minimizer with status converged.
 */
class ProblemTableSpec extends Specification {
    /**
     * Learning-rate factor and options per first-order method (relative to the problem's lr for gd). A
     * stochastic method not named here runs with the problem's lr and its own defaults.
     */
    static final Map<String, Map> FIRST_ORDER_OPTIONS = [
            gd      : [:],
            momentum: [scale: 0.2, momentum: 0.9],
            nesterov: [scale: 0.2, momentum: 0.9],
            adagrad : [lr: 0.5],
            // RMSProp's step g/√v does not shrink near a minimum: with a constant lr it hovers ~lr away, so it decays lr
            rmsprop : [lr: 0.01, alpha: 0.99, schedule: org.gradus.optim.schedule.Schedules.create('exponential', [gamma: 0.9995])],
            adam    : [lr: 0.01],
            adamw   : [lr: 0.01, weightDecay: 0],
    ]

    /** The minimum of the logistic problem from scipy (resources/reference/logistic_reference.py wrote it). */
    static Map<String, Double> logisticReference() {
        String json = ProblemTableSpec.getResource('/reference/logistic_reference.json').text
        ['a', 'b', 'f'].collectEntries { k -> [k, Double.parseDouble((json =~ /"$k": ([-+0-9.eE]+)/)[0][1] as String)] }
    }

    static List<Problems.Problem> problems() {
        Map ref = logisticReference()
        [quadratic(2, 10, 0.05), quadratic(5, 1000, null), quadratic(10, 100, null), rosenbrock(), extendedRosenbrock(100), beale(), booth(),
         matyas(), himmelblau(), threeHumpCamel(), powellSingular(), wood(),
         logistic([ref.a, ref.b] as double[], ref.f as double), lasso()]
    }

    /**
     * The options a method runs a problem with, or null when the problem does not suit it: a proximal
     * method takes the l1 problem, the quadratics and the logistic problem (λ = 0); the l1 problem suits
     * no other method; a stochastic method takes the problems a fixed step solves in the budget (those
     * with an lr); a derivative-free method, up to 5 variables; every other method, every smooth problem.
     */
    static Map optionsFor(MethodSpec spec, Problems.Problem p) {
        int n = p.f.layout().dimension()
        boolean l1 = p.name.startsWith('lasso')
        if (spec.proximal()) return l1 || p.name.startsWith('quadratic') || p.name == 'logistic' ? [:] : null
        if (l1) return null
        if (spec.stochastic()) {
            if (p.lr == null) return null
            def o = FIRST_ORDER_OPTIONS[spec.name()] ?: [:]
            def opts = [maxIter: 200000, tol: 1e-7]
            opts.lr = o.lr != null ? o.lr : p.lr * (o.scale ?: 1)
            o.each { k, v -> if (k != 'scale' && k != 'lr') opts[k] = v }
            return opts
        }
        if (!spec.usesGradient()) return n <= 5 ? [maxIter: 20000] : null
        [:]
    }

    static List<List> cases() {
        def out = []
        for (p in problems()) {
            for (spec in Optimizers.all()) {
                def opts = optionsFor(spec, p)
                if (opts != null) out << [p, spec.name(), opts]
            }
            out << [p, 'auto', [:]]
        }
        out
    }

    def "every method in the registry runs on some problem of the table"() {
        expect:
        cases().collect { it[1] }.toSet() == (Optimizers.methodNames() as Set)
    }

    @Unroll
    def "#method on #problem"() {
        when:
        def r = Minimizer.run(problem.f, false, [method: method] + opts, [], RunContext.defaults())
        double[] x = r.point()
        def distance = problem.minima.collect { m -> (0..<x.length).collect { Math.abs(x[it] - m[it]) }.max() }.min()

        then:
        r.status() == Status.CONVERGED
        distance <= problem.xtol
        r.value() <= problem.fmin + 1e-8 * Math.max(1, Math.abs(problem.fmin))
        method == 'auto' || r.method() == method

        where:
        [problem, method, opts] << cases()
    }

    def "fista finds exact zeros where the lasso solution has them"() {
        when:
        def r = Minimizer.run(lasso().f, false, [method: 'fista'], [], RunContext.defaults())
        double[] w = (r.x().w as double[])

        then:
        w[1] == 0d
        w[3] == 0d
        w[4] == 0d
        Math.abs(w[0] - 2) < 1e-9
        Math.abs(w[2] + 1) < 1e-9
    }

    def "an absolute value about a point is an l1 term fista thresholds exactly: |x - 1| + (y - 2)²/2 has its minimum 0 at (1, 2), 2|1 - x| + (x - 3)² + (y + 1)² its minimum 3 at (2, -1) (by hand: 2 + 2(x - 3) = 0)"() {
        given:
        def x = new Variable('x', 3)
        def y = new Variable('y', -2)
        def abs = { Expr e -> Ops.apply(org.gradus.atoms.Abs.INSTANCE, e) }

        when: 'it was "converged" at (1, 2.06) with L = 1.1e15: |x - 1| went into the smooth part, and its kink stopped the steps'
        def shifted = Minimizer.run(add(abs(sub(x, c(1))), mul(0.5, sq(sub(y, c(2))))), false, [method: 'fista', lr: 0.5], [], RunContext.defaults())
        def scaled = Minimizer.run(add(mul(2, abs(sub(c(1), x))), sq(sub(x, c(3))), sq(add(y, c(1)))), false, [:], [], RunContext.defaults())

        then: 'x lands exactly on the centre, as soft-thresholding puts an l1 coordinate exactly on 0'
        shifted.status() == Status.CONVERGED
        shifted.x().x == 1d && Math.abs((shifted.x().y as double) - 2) < 1e-6
        scaled.method() == 'fista'
        scaled.status() == Status.CONVERGED
        Math.abs((scaled.x().x as double) - 2) < 1e-9 && Math.abs((scaled.x().y as double) + 1) < 1e-9
        Math.abs(scaled.value() - 3) < 1e-12
    }

    def "the l1 terms of one coordinate: |2x + 1| is 2|x + 1/2|; a second centre on the same coordinate stays in the smooth part"() {
        given:
        def x = new Variable('x', 0)
        def y = new Variable('y', 0)
        def abs = { Expr e -> Ops.apply(org.gradus.atoms.Abs.INSTANCE, e) }
        def layout = new org.gradus.expr.Layout([x, y])

        when:
        def one = L1Split.of(add(abs(add(mul(2, x), c(1))), sq(y)), layout)
        def two = L1Split.of(add(abs(x), abs(sub(x, c(1))), sq(y)), layout)

        then:
        one.weights() as List == [2d, 0d] && one.centres() as List == [-0.5d, 0d]
        two.weights() as List == [1d, 0d] && two.centres() as List == [0d, 0d]
        two.smooth().toString().contains('abs(x - 1)')
    }

    def "a constant multiple of a sum of absolute values is l1 terms, each weighted: the lasso (x − 1)² + (y − 0.2)² + (|x| + |y|)/2 is fista's, exact at (0.75, 0) (soft thresholding by hand); lbfgs stalled near it"() {
        given:
        def x = new Variable('x', 0.3)
        def y = new Variable('y', 0.7)
        def abs = { Expr e -> Ops.apply(org.gradus.atoms.Abs.INSTANCE, e) }
        Expr f = add(sq(sub(x, c(1))), sq(sub(y, c(0.2))), mul(0.5, add(abs(x), abs(y))))

        when:
        def split = L1Split.of(f, new org.gradus.expr.Layout([x, y]))
        def r = Minimizer.run(f, false, [:], [], RunContext.defaults())

        then: 'x: 2(x − 1) + 0.5 = 0; y: |2(0 − 0.2)| = 0.4 ≤ 0.5, so 0; f = 0.0625 + 0.04 + 0.375'
        split.weights() as List == [0.5d, 0.5d]
        r.method() == 'fista'
        r.status() == Status.CONVERGED
        r.x().x == 0.75d && r.x().y == 0d
        Math.abs(r.value() - 0.4775) < 1e-15
    }

    def "a kink inside the smooth part is not taken for a minimum: fista says backtracking met it (|xy - 1| is not a term of one variable)"() {
        given:
        def x = new Variable('x', 3)
        def y = new Variable('y', -2)

        when:
        def r = Minimizer.run(add(Ops.apply(org.gradus.atoms.Abs.INSTANCE, sub(mul(x, y), c(1))), mul(0.5, sq(sub(y, c(2))))), false,
                [method: 'fista', maxIter: 300], [], RunContext.defaults())

        then: 'not "converged" on a gradient mapping rounded to 0'
        r.status() != Status.CONVERGED
        r.message().contains('the smooth part is not smooth where the run stopped')
    }
}
