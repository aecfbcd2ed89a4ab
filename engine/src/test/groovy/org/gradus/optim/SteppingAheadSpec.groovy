package org.gradus.optim

import org.gradus.eval.CompiledFunction
import org.gradus.optim.method.MethodOptions
import org.gradus.optim.method.Optimizers
import spock.lang.Specification

import static org.gradus.optim.Problems.quadratic

/**
 * Plain gradient descent (and momentum, Nesterov, AdaGrad, RMSprop without weight decay, Adam and AdamW with a constant one or none; CG its first pass) takes step t in the pass that measures iterate t (issue 9: one pass over x and g
 * instead of three), and moves only when the stopping tests go on. A run must stop at the same iteration,
 * for the same reason, at the same bits as the plain loop, which a run with a trace still takes. The
 * iteration count of a converging run is also checked against the closed form: on Σ cᵢ(xᵢ − 1)² from 0,
 * gd gives |∇f|ᵢ = 2cᵢ|1 − 2·lr·cᵢ|ᵏ after k steps.
 */
class SteppingAheadSpec extends Specification {
    static final int N = 5
    static final double KAPPA = 10

    static Map run(double lr, double tol, boolean traced, int maxIter = 10000, String method = 'gd', Map options = [:]) {
        def p = quadratic(N, KAPPA, lr)
        def fn = new CompiledFunction(p.f)
        double[] lower = new double[N], upper = new double[N]
        Arrays.fill(lower, Double.NEGATIVE_INFINITY)
        Arrays.fill(upper, Double.POSITIVE_INFINITY)
        def obj = new CompiledObjective(fn, 1, lower, upper, null)
        def spec = Optimizers.get(method)
        def m = spec.create(new MethodOptions(spec, ((spec.option('lr') != null ? [lr: lr] : [:]) + options) as Map<String, Object>, null))
        def trace = traced ? Trace.everyIterate(fn.layout(), 0) : null
        def o = Descent.run(m, obj, new double[N], new Descent.Limits(maxIter, tol, 0, Long.MAX_VALUE, Double.NaN), trace, null, 1)
        [status: o.status(), iterations: o.iterations(), message: o.message(), divergedAt: o.divergedAt(),
         f: Double.doubleToLongBits(o.f()), x: o.x().collect { Double.doubleToLongBits(it) },
         g: o.g().collect { Double.doubleToLongBits(it) }, measure: Double.doubleToLongBits(o.measure())]
    }

    /** The first k with max 2cᵢ|1 − 2·lr·cᵢ|ᵏ ≤ tol (cᵢ = κ^{i/(n−1)}), worked in closed form. */
    static int closedFormIterations(double lr, double tol) {
        for (int k = 0; ; k++) {
            double largest = 0
            for (int i = 0; i < N; i++) {
                double ci = Math.pow(KAPPA, i / (double) (N - 1))
                largest = Math.max(largest, 2.0d * ci * Math.pow(Math.abs(1.0d - 2.0d * lr * ci), k))
            }
            if (largest <= tol) return k
        }
    }

    def "a converging run stops where the closed form says, with the plain loop's bits and reason"() {
        when:
        def ahead = run(lr, tol, false)
        def plain = run(lr, tol, true)

        then:
        ahead.status == Status.CONVERGED
        ahead.iterations == closedFormIterations(lr, tol)
        ahead == plain

        where:
        lr    | tol
        0.02  | 1e-6
        0.045 | 1e-8
    }

    def "diverging, interrupted by maxIter or stopped at the start: the same as the plain loop"() {
        expect:
        run(lr, tol, false, maxIter) == run(lr, tol, true, maxIter)
        run(lr, tol, false, maxIter).status == status

        where:
        lr   | tol  | maxIter | status
        0.2  | 1e-6 | 10000   | Status.DIVERGED
        0.02 | 1e-6 | 17      | Status.MAX_ITERATIONS
        0.02 | 100  | 10000   | Status.CONVERGED
    }

    def "#method: converging, diverging, maxIter and stopped-at-start runs equal the plain loop's"() {
        expect:
        run(lr, tol, false, maxIter, method) == run(lr, tol, true, maxIter, method)
        run(lr, tol, false, maxIter, method).status == status

        where:
        method     | lr   | tol  | maxIter | status
        'momentum' | 0.02 | 1e-6 | 10000   | Status.CONVERGED
        'momentum' | 0.5  | 1e-6 | 10000   | Status.DIVERGED
        'momentum' | 0.02 | 1e-6 | 17      | Status.MAX_ITERATIONS
        'momentum' | 0.02 | 100  | 10000   | Status.CONVERGED
        'nesterov' | 0.02 | 1e-6 | 10000   | Status.CONVERGED
        'nesterov' | 0.5  | 1e-6 | 10000   | Status.DIVERGED
        'nesterov' | 0.02 | 1e-6 | 17      | Status.MAX_ITERATIONS
        'cg'       | 0    | 1e-9 | 10000   | Status.CONVERGED
        'adagrad'  | 0.5  | 1e-6 | 10000   | Status.CONVERGED
        'adagrad'  | 0.5  | 1e-6 | 17      | Status.MAX_ITERATIONS
        'adagrad'  | 0.5  | 100  | 10000   | Status.CONVERGED
        'rmsprop'  | 0.01 | 1e-3 | 10000   | Status.CONVERGED
        'rmsprop'  | 0.01 | 1e-6 | 17      | Status.MAX_ITERATIONS
        'rmsprop'  | 0.01 | 100  | 10000   | Status.CONVERGED
        'cg'       | 0    | 1e-9 | 3       | Status.MAX_ITERATIONS
        'cg'       | 0    | 100  | 10000   | Status.CONVERGED
        'adam'     | 0.1  | 1e-4 | 10000   | Status.CONVERGED
        'adam'     | 1e12 | 1e-6 | 10000   | Status.DIVERGED
        'adam'     | 0.02 | 1e-6 | 17      | Status.MAX_ITERATIONS
        'adam'     | 0.02 | 100  | 10000   | Status.CONVERGED
    }

    def "#method with weight decay #options: steps ahead, and its runs equal the plain loop's (the residual measure's bits)"() {
        given: 'the method steps ahead under these options (else the comparison below would compare the plain loop with itself)'
        def spec = Optimizers.get(method)
        def m = spec.create(new MethodOptions(spec, ([lr: lr] + options) as Map<String, Object>, null))
        def p = quadratic(N, KAPPA, lr)
        def fn = new CompiledFunction(p.f)
        double[] lower = new double[N], upper = new double[N]
        Arrays.fill(lower, Double.NEGATIVE_INFINITY)
        Arrays.fill(upper, Double.POSITIVE_INFINITY)
        m.init(new Iterate(new CompiledObjective(fn, 1, lower, upper, null), new double[N]))

        expect:
        m.stepsAhead(new Iterate(new CompiledObjective(fn, 1, lower, upper, null), new double[N]))
        run(lr, tol, false, maxIter, method, options) == run(lr, tol, true, maxIter, method, options)
        run(lr, tol, false, maxIter, method, options).status == status

        where:
        method  | options                        | lr   | tol  | maxIter | status
        'adamw' | [beta2: 0.9]                   | 0.01 | 1e-4 | 10000   | Status.CONVERGED
        'adamw' | [weightDecay: 0.1, eps: 1.0, beta2: 0.9] | 0.05 | 1e-4 | 10000 | Status.CONVERGED
        'adamw' | [:]                            | 0.1  | 1e-4 | 300     | Status.MAX_ITERATIONS
        'adamw' | [:]                            | 1e12 | 1e-6 | 10000   | Status.DIVERGED
        'adamw' | [:]                            | 0.02 | 1e-6 | 17      | Status.MAX_ITERATIONS
        'adamw' | [:]                            | 0.02 | 100  | 10000   | Status.CONVERGED
        'adam'  | [weightDecay: 0.1, eps: 1.0, beta2: 0.9] | 0.05 | 1e-4 | 10000 | Status.CONVERGED
        'adam'  | [weightDecay: 0.1]             | 0.02 | 1e-6 | 17      | Status.MAX_ITERATIONS
        'adamw' | [weightDecay: 0.1, beta2: 0.9] | 0.01 | 1e-4 | 10000   | Status.CONVERGED
    }

    def "AdamW with a scheduled eps, and a scheduled weight decay, take the plain loop (the measure would see another step's eps)"() {
        given:
        def spec = Optimizers.get('adamw')
        def p = quadratic(N, KAPPA, 0.05)
        def fn = new CompiledFunction(p.f)
        double[] lower = new double[N], upper = new double[N]
        Arrays.fill(lower, Double.NEGATIVE_INFINITY)
        Arrays.fill(upper, Double.POSITIVE_INFINITY)
        def it = new Iterate(new CompiledObjective(fn, 1, lower, upper, null), new double[N])

        expect:
        !spec.create(new MethodOptions(spec, [lr: 0.05, eps: schedule] as Map<String, Object>, null)).stepsAhead(it)
        !spec.create(new MethodOptions(spec, [lr: 0.05, weightDecay: schedule] as Map<String, Object>, null)).stepsAhead(it)

        where:
        schedule = org.gradus.optim.schedule.Schedules.create('cosine', [period: 10])
    }

    def "#method #options on #threads thread(s): the measure a step ahead takes is the stationarity measure, bit for bit"() {
        given: 'extended Rosenbrock over enough coordinates for three parts, six plain steps from its usual start'
        int n = 3 * org.gradus.optim.method.CoordinateParts.MIN_PART + 10
        def x = new org.gradus.expr.VectorVariable('x', n, 0.0)
        def fn = new CompiledFunction(Problems.extendedRosenbrock(x))
        fn.threads(threads)
        double[] lower = new double[n], upper = new double[n]
        Arrays.fill(lower, Double.NEGATIVE_INFINITY)
        Arrays.fill(upper, Double.POSITIVE_INFINITY)
        def obj = new CompiledObjective(fn, 1, lower, upper, null)
        def spec = Optimizers.get(method)
        def m = spec.create(new MethodOptions(spec, ([lr: 1e-3] + options) as Map<String, Object>, null))
        def it = new Iterate(obj, (0..<n).collect { it % 2 == 0 ? -1.2d : 1.0d } as double[])
        it.evaluate()
        m.init(it)
        for (int t = 0; t < 6; t++) m.step(it, t)

        when:
        double plain = m.stationarity(it)
        double ahead = m.stepAhead(it, 6)

        then: 'a residual well away from 0 (the decay term matters), the same bits'
        m.stepsAhead(it)
        plain > 1
        Double.doubleToLongBits(ahead) == Double.doubleToLongBits(plain)

        where:
        method  | options                           | threads
        'adamw' | [:]                               | 1
        'adamw' | [:]                               | 2
        'adamw' | [weightDecay: 0.5, eps: 0.1]      | 3
        'adam'  | [weightDecay: 0.5]                | 1
        'adam'  | [weightDecay: 0.5]                | 2
    }
}
