package org.gradus.optim

import org.gradus.atoms.Ops
import org.gradus.expr.Expr
import org.gradus.expr.IndexSymbol
import org.gradus.expr.Lookup
import org.gradus.expr.Variable
import org.gradus.expr.VectorVariable
import spock.lang.Shared
import spock.lang.Specification

import static org.gradus.optim.Problems.*

/** The {@code threads:} run option reaches every compiled function of a run, and the answer does not depend on it. */
class ThreadsOptionSpec extends Specification {

    /** Least squares over 20,000 rows (many chunks of the data pass), y = 2u − 3v + 0.5 + noise. */
    @Shared Expr mse = leastSquares(20_000)

    static Expr leastSquares(int rows) {
        def rnd = new Random(3)
        double[] u = new double[rows], v = new double[rows], y = new double[rows]
        for (int r = 0; r < rows; r++) {
            u[r] = rnd.nextGaussian(); v[r] = rnd.nextGaussian()
            y[r] = 2 * u[r] - 3 * v[r] + 0.5 + 0.1 * rnd.nextGaussian()
        }
        def w = new VectorVariable("w", 2, 0)
        def b = new Variable("b", 0)
        def i = new IndexSymbol('row')
        Expr body = sq(add(mul(w.get(0), new Lookup('u', u, i)), mul(w.get(1), new Lookup('v', v, i)), b, mul(-1, new Lookup('y', y, i))))
        mul(1d / rows, Ops.sum(i, 0, rows, body, 'data'))
    }

    def "threads: n sets the data passes of the objective, of f itself and of the constraints"() {
        given:
        Settings s = Settings.parse([method: 'lbfgs', threads: 3])
        Expr b = new Variable("b", 0)
        Problem p = Problem.of(mse, false, [new Constraint(b, '<=', c(10))], s)
        MethodChoice choice = MethodChoice.of(s.method(), p)

        when:
        RunSetup setup = RunSetup.of(p, choice, s, System.nanoTime())

        then:
        setup.objective().function().threads() == 3
        setup.full().threads() == 3
        setup.constraints().every { it.c().threads() == 3 }
    }

    def "without threads: the functions keep the default (the processors, or GRADUS_THREADS)"() {
        given:
        Settings s = Settings.parse([method: 'lbfgs'])
        Problem p = Problem.of(mse, false, [], s)

        when:
        RunSetup setup = RunSetup.of(p, MethodChoice.of(s.method(), p), s, System.nanoTime())

        then:
        setup.objective().function().threads() == org.gradus.eval.EvalThreads.defaultThreads()
    }

    def "one thread and two threads give the same minimum, bit for bit, full-batch and mini-batch"() {
        when:
        def one = Minimizer.run(mse, false, options + [threads: 1], [], RunContext.defaults())
        def two = Minimizer.run(mse, false, options + [threads: 2], [], RunContext.defaults())

        then:
        one.point() == two.point()
        one.value() == two.value()
        one.iterations() == two.iterations()
        // and it is the least-squares fit (y = 2u − 3v + 0.5 + noise of 0.1), to the accuracy of the method
        (0..<3).every { Math.abs(one.point()[it] - [2, -3, 0.5][it]) < accuracy }

        where:
        options                                                                   | accuracy
        [method: 'lbfgs', tol: 1e-10]                                             | 0.01
        [method: 'adam', lr: 0.05, batch: 5000, shuffle: true, epochs: 50, seed: 1] | 0.1
    }

    def "threads must be a whole number of at least 1"() {
        when:
        Minimizer.run(mse, false, [method: 'lbfgs', threads: value], [], RunContext.defaults())

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains(fragment)

        where:
        value | fragment
        0     | 'threads must be'
        1.5   | 'threads must be a whole number'
    }
}
