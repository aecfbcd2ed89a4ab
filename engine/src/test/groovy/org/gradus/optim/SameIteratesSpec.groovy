package org.gradus.optim

import org.gradus.eval.CompiledFunction
import org.gradus.optim.method.MethodOptions
import org.gradus.optim.method.Optimizers
import spock.lang.Shared
import spock.lang.Specification

import static org.gradus.optim.Problems.*

/**
 * Reshaping the loop's vector passes (issue 9: fused two-loop recursion, fused line-search probes, no
 * copies) changes no result: the bits of f at every iteration and of the final x and ∇f of a few runs per
 * method are those recorded before the change (resource {@code optim/iterates-before-fusing.txt}, written
 * by running this spec with {@code -Dgradus.recordIterates=FILE} on the commit before it). The
 * mathematics itself is checked against scipy elsewhere (the conformance and problem-table specs); this
 * spec only holds the arithmetic fixed.
 */
class SameIteratesSpec extends Specification {
    static final int N = 1000

    @Shared Map<String, String> recorded = load()

    static Map<String, String> load() {
        def text = SameIteratesSpec.getResourceAsStream('/optim/iterates-before-fusing.txt')?.getText('UTF-8')
        def map = [:] as Map<String, String>
        text?.eachLine { line ->
            int tab = line.indexOf('\t')
            if (tab > 0) map[line.substring(0, tab)] = line.substring(tab + 1)
        }
        map
    }

    /** One line: the bits of f after each iteration, then of the final f, and hashes of the final x and ∇f bits. */
    static String fingerprint(String method, boolean bounded, int iterations, Map<String, Object> options) {
        def x = rosenbrockStart(N)
        def fn = new CompiledFunction(extendedRosenbrock(x))
        double[] lower = new double[N], upper = new double[N]
        Arrays.fill(lower, bounded ? -1.0 : Double.NEGATIVE_INFINITY)
        Arrays.fill(upper, bounded ? 0.8 : Double.POSITIVE_INFINITY)
        def obj = new CompiledObjective(fn, 1, lower, upper, null)
        double[] x0 = (0..<N).collect { x.start(it) } as double[]
        def spec = Optimizers.get(method)
        def given = new LinkedHashMap<String, Object>(options)
        double[] l1 = null
        if (given.containsKey('l1')) {   // fista's λ on every coordinate
            l1 = new double[N]
            Arrays.fill(l1, given.remove('l1') as double)
        }
        def m = spec.create(new MethodOptions(spec, given, l1))
        def fs = []
        def pl = { int t, int max, double f -> fs << Long.toHexString(Double.doubleToLongBits(f)) } as ProgressListener
        def o = Descent.run(m, obj, x0, new Descent.Limits(iterations, -1, 0, Long.MAX_VALUE, Double.NaN), null, pl, 1)
        ([o.status().name(), o.iterations()] + fs + [Long.toHexString(Double.doubleToLongBits(o.f())),
                Integer.toHexString(Arrays.hashCode(o.x())), Integer.toHexString(Arrays.hashCode(o.g())),
                Long.toHexString(Double.doubleToLongBits(o.measure()))]).join(' ')
    }

    static final List<List> RUNS = [
            ['lbfgs', false, 60, [:]], ['lbfgs', true, 40, [:]], ['lbfgs', false, 40, [memory: 3]],
            ['lbfgs', false, 40, [lineSearch: 'armijo']],
            ['cg', false, 60, [:]], ['cg', true, 40, [:]], ['cg', false, 40, [lineSearch: 'armijo']],
            ['bfgs', false, 30, [:]],
            ['gd', false, 30, [lr: 1e-4]], ['gd', true, 30, [lr: 1e-4]], ['momentum', false, 30, [lr: 1e-4]],
            ['nesterov', false, 30, [lr: 1e-4]], ['adagrad', false, 30, [lr: 1e-2]], ['rmsprop', false, 30, [lr: 1e-3]],
            ['adam', false, 30, [lr: 1e-2]], ['adamw', false, 30, [lr: 1e-2]], ['adam', true, 30, [lr: 1e-2]],
            ['fista', false, 30, [lr: 1e-4]], ['fista', false, 30, [lr: 1e-4, l1: 0.5]], ['fista', true, 30, [l1: 0.5]],
    ]

    static String key(List run) { "${run[0]} bounded=${run[1]} iterations=${run[2]} ${run[3]}" }

    def "#method (bounded #bounded, #options) gives the recorded bits"() {
        given:
        String k = key([method, bounded, iterations, options])
        String now = fingerprint(method, bounded, iterations, options as Map<String, Object>)
        String file = System.getProperty('gradus.recordIterates')
        if (file) new File(file) << k + '\t' + now + '\n'

        expect:
        file || recorded[k] == now

        where:
        [method, bounded, iterations, options] << RUNS
    }
}
