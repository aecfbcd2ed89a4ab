package org.gradus.optim

import org.gradus.eval.CompiledFunction
import org.gradus.optim.method.MethodOptions
import org.gradus.optim.method.Optimizers
import spock.lang.Specification

import java.lang.management.ManagementFactory

import static org.gradus.optim.Problems.*

/**
 * The descent loop allocates nothing per iteration (issue 9): the bytes the calling thread allocates for a
 * run of 25 iterations and for a run of 5 differ by less than one vector of the problem. Counted by the
 * JVM (ThreadMXBean.getThreadAllocatedBytes), not timed.
 */
class LoopAllocationSpec extends Specification {
    static final int N = 2000

    static long allocatedBytes() {
        def bean = ManagementFactory.threadMXBean as com.sun.management.ThreadMXBean
        bean.getThreadAllocatedBytes(Thread.currentThread().id)
    }

    /** Bytes allocated by a run of the method for this many iterations (the loop only, not building it). */
    static long run(String method, int iterations, CompiledObjective obj, double[] x0) {
        def spec = Optimizers.get(method)
        Map<String, Object> given = spec.option('lr') != null ? [lr: 1e-4] as Map<String, Object> : [:]
        def m = spec.create(new MethodOptions(spec, given, null))
        def limits = new Descent.Limits(iterations, -1, 0, Long.MAX_VALUE, Double.NaN)
        long before = allocatedBytes()
        def outcome = Descent.run(m, obj, x0, limits, null, null, 1)
        long bytes = allocatedBytes() - before
        assert outcome.iterations() == iterations
        bytes
    }

    def "#method allocates nothing per iteration"() {
        given:
        def x = rosenbrockStart(N)
        def fn = new CompiledFunction(extendedRosenbrock(x))
        double[] lower = new double[N], upper = new double[N]
        Arrays.fill(lower, Double.NEGATIVE_INFINITY)
        Arrays.fill(upper, Double.POSITIVE_INFINITY)
        def obj = new CompiledObjective(fn, 1, lower, upper, null)
        double[] x0 = (0..<N).collect { x.start(it) } as double[]
        3.times { run(method, 25, obj, x0) }   // compiled by the JIT, caches filled

        when:
        long short_ = run(method, 5, obj, x0)
        long long_ = run(method, 25, obj, x0)   // cg and lbfgs converge after about 30 here

        then: 'fewer bytes than one vector of N doubles for 20 more iterations'
        long_ - short_ < 8L * N

        where:
        method << ['gd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw', 'fista', 'cg', 'lbfgs']
    }
}
