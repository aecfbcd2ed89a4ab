package org.gradus.optim

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

import static org.gradus.optim.Problems.*

/**
 * One shared table of problems with known minima, run against every applicable method (as optax's
 * alias_test and Optim.jl's run_optim_tests): each run must reach a minimizer with status converged.
 */
class ProblemTableSpec extends Specification {
    static final List<String> SECOND_ORDER = ['lbfgs', 'bfgs', 'cg', 'newton']
    static final List<String> FIRST_ORDER = ['gd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw']

    /** Learning-rate factor and iteration budget per first-order method (relative to the problem's lr for gd). */
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

    static List<Problems.Problem> problems() {
        def logisticReference = Minimizer.run(logistic([0, 0] as double[], 0).f, false, [method: 'newton', tol: 1e-13], [], RunContext.defaults())
        [quadratic(2, 10, 0.05), quadratic(5, 1000, null), quadratic(10, 100, null), rosenbrock(), extendedRosenbrock(100), beale(), booth(),
         matyas(), himmelblau(), threeHumpCamel(), powellSingular(), wood(),
         logistic(logisticReference.point(), logisticReference.value()), lasso()]
    }

    static List<List> cases() {
        def out = []
        for (p in problems()) {
            int n = p.f.layout().dimension()
            boolean l1 = p.name.startsWith('lasso')
            if (l1) {
                out << [p, 'fista', [:]]
                out << [p, 'auto', [:]]
                continue
            }
            for (m in SECOND_ORDER) out << [p, m, [:]]
            out << [p, 'auto', [:]]
            if (n <= 5) out << [p, 'nelder-mead', [maxIter: 20000]]
            if (p.name.startsWith('quadratic') || p.name == 'logistic') out << [p, 'fista', [:]]
            if (p.lr != null) {
                for (m in FIRST_ORDER) {
                    def o = FIRST_ORDER_OPTIONS[m]
                    def opts = [maxIter: 200000, tol: 1e-7]
                    opts.lr = o.lr != null ? o.lr : p.lr * (o.scale ?: 1)
                    o.each { k, v -> if (k != 'scale' && k != 'lr') opts[k] = v }
                    out << [p, m, opts]
                }
            }
        }
        out
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
}
