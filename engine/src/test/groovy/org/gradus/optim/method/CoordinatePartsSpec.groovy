package org.gradus.optim.method

import org.gradus.eval.CompiledFunction
import org.gradus.expr.VectorVariable
import org.gradus.optim.CompiledObjective
import org.gradus.optim.Descent
import org.gradus.optim.Problems
import org.gradus.optim.Status
import spock.lang.Specification

/**
 * A first-order step over many coordinates shared by threads (CoordinateParts; a step ahead, and the plain step
 * a run with bounds takes): each coordinate's update is
 * the same arithmetic on any thread and the maxima are combined afterwards, so a run on 1, 2 or 3 threads
 * ends at the same iteration with the same bits — x, f, g and the stationarity measure.
 */
class CoordinatePartsSpec extends Specification {
    static final int N = 3 * CoordinateParts.MIN_PART + 10

    static Map run(String method, int threads, boolean bounded = false) {
        def x = new VectorVariable('x', N, 0.0)
        def fn = new CompiledFunction(Problems.extendedRosenbrock(x))
        fn.threads(threads)
        double[] lower = new double[N], upper = new double[N]
        Arrays.fill(lower, bounded ? -1.1d : Double.NEGATIVE_INFINITY)
        Arrays.fill(upper, Double.POSITIVE_INFINITY)
        def obj = new CompiledObjective(fn, 1, lower, upper, null)
        def spec = Optimizers.get(method)
        def m = spec.create(new MethodOptions(spec, [lr: 1e-4] as Map<String, Object>, null))
        assert m.stepsAhead(new org.gradus.optim.Iterate(obj, new double[N])) == (method != 'adamw' || !bounded)
        double[] start = (0..<N).collect { it % 2 == 0 ? -1.2d : 1.0d } as double[]
        def o = Descent.run(m, obj, start, new Descent.Limits(12, 1e-12, 0, Long.MAX_VALUE, Double.NaN), null, null, 1)
        [status : o.status(), iterations: o.iterations(), f: Double.doubleToLongBits(o.f()), measure: Double.doubleToLongBits(o.measure()),
         x: Arrays.hashCode(o.x()), g: Arrays.hashCode(o.g()), x0: o.x()[0], xLast: o.x()[N - 1]]
    }

    def "#method: a run on 1, 2 and 3 threads ends with the same bits"() {
        given:
        def one = run(method, 1)

        expect: 'the step was split: 2 and 3 parts'
        CoordinateParts.count(N, 2) == 2
        CoordinateParts.count(N, 3) == 3
        CoordinateParts.count(CoordinateParts.MIN_PART * 2 - 1, 2) == 1

        and: 'it moved (from −1.2, towards 1) and ran all 12 iterations'
        one.status == Status.MAX_ITERATIONS
        one.x0 > -1.2

        and:
        run(method, 2) == one
        run(method, 3) == one

        where:
        method << ['gd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw']
    }

    def "adamw with bounds (the plain step, its projection): a run on 1, 2 and 3 threads ends with the same bits"() {
        given:
        def one = run('adamw', 1, true)

        expect:
        one.status == Status.MAX_ITERATIONS
        one.x0 > -1.2
        run('adamw', 2, true) == one
        run('adamw', 3, true) == one
    }

    def "the parts cover the coordinates once, in order"() {
        given:
        int n = 1_000_003
        List<List<Integer>> seen = Collections.synchronizedList([])

        when:
        int parts = CoordinateParts.run(n, 3) { int part, int lo, int hi -> seen << [part, lo, hi] }

        then:
        parts == 3
        seen.sort { it[0] } == [[0, 0, 333334], [1, 333334, 666668], [2, 666668, n]]
    }

    def "a failure in a part on another thread reaches the caller"() {
        when:
        CoordinateParts.run(CoordinateParts.MIN_PART * 2, 2) { int part, int lo, int hi ->
            if (part == 1) throw new ArithmeticException("part 1")
        }

        then:
        def e = thrown(ArithmeticException)
        e.message == 'part 1'
    }
}
