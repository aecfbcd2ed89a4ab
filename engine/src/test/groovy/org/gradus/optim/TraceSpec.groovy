package org.gradus.optim

import org.gradus.expr.Expr
import org.gradus.expr.IndexSymbol
import org.gradus.expr.Lookup
import org.gradus.atoms.Ops
import org.gradus.expr.Variable
import org.gradus.expr.VectorVariable
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

import static org.gradus.optim.Problems.*

/** Recorded iterates (SPEC §2 "Pictures"): columns, hand-worked rows, the kept path, fullF, the CSV. */
class TraceSpec extends Specification {
    @TempDir
    Path dir

    static OptimizationResult min(Expr f, Map opts) {
        Minimizer.run(f, false, opts, [], RunContext.defaults())
    }

    def "gradient descent on Booth: the first rows, worked by hand"() {
        // f = (x + 2y − 7)² + (2x + y − 5)², ∇f(0, 0) = (−34, −38); with lr 0.05 the first step goes to (1.7, 1.9)
        when:
        def t = min(booth().f, [method: 'gd', lr: 0.05, maxIter: 3, trace: true]).trace()

        then:
        t.size() == 4
        t.complete()
        t.columns() == ['iteration', 'epoch', 'f', 'gradNorm', 'step', 'lr', 'x', 'y', 'seconds', 'evaluations']
        t.point(0) == [0, 0] as double[]
        t.f(0) == 74d
        t.gradNorm(0) == 38d
        t.step(0) == 0d
        Double.isNaN(t.lr(0))
        Math.abs(t.x(1, 0) - 1.7) < 1e-15
        Math.abs(t.x(1, 1) - 1.9) < 1e-15
        Math.abs(t.f(1) - 2.34) < 1e-13                       // (−1.5)² + 0.3²
        Math.abs(t.step(1) - 0.05 * Math.sqrt(34 * 34 + 38 * 38)) < 1e-13
        t.lr(1) == 0.05d
        (0..3).every { t.iteration(it) == it && t.epoch(it) == it && t.evaluations(it) == it }
        (1..3).every { t.seconds(it) >= t.seconds(it - 1) }
        t.column('y') == [t.x(0, 1), t.x(1, 1), t.x(2, 1), t.x(3, 1)] as double[]
        t.iterates()[1] == t.point(1)
    }

    def "r.trace is a list of the rows, shown as pandas shows pd.DataFrame(r.trace): a header, the rows numbered from 0, the first and last five around ... past 60 rows"() {
        when: 'Booth by gd with lr 0.05: row 1 is (1.7, 1.9) by hand, f = (1.7 + 3.8 - 7)^2 + (3.4 + 1.9 - 5)^2 = 2.34'
        def short3 = min(booth().f, [method: 'gd', lr: 0.05, maxIter: 3, trace: true]).trace().table()
        def long70 = min(booth().f, [method: 'gd', lr: 0.01, maxIter: 70, trace: true]).trace().table()
        List<String> lines = short3.toText().readLines()
        List<String> longLines = long70.toText().readLines()

        then: 'the list a script reads'
        short3.size() == 4 && Math.abs((short3[1].x as double) - 1.7) < 1e-12 && Math.abs((short3[1].f as double) - 2.34) < 1e-12
        short3*.iteration == [0, 1, 2, 3]

        and: 'the table'
        short3.kind() == 'table'
        lines[0].trim().split(/ +/) as List == ['iteration', 'epoch', 'f', 'gradNorm', 'step', 'lr', 'x', 'y', 'seconds', 'evaluations']
        lines.size() == 5
        lines[2].trim().split(/ +/)[0..3] == ['1', '1', '1', '2.34']
        lines[2].trim().split(/ +/)[7..8] == ['1.7', '1.9']

        and: '71 rows: the header, rows 0-4, a ... line, rows 66-70, then the size'
        longLines.size() == 14
        longLines[1].startsWith('0 ') && longLines[6].startsWith('...') && longLines[11].startsWith('70 ')
        longLines[13] == '[71 rows x 10 columns]'
        (long70.fields().data as List).size() == 71
    }

    def "the path is kept without trace: for a small problem, thinned evenly with the last iterate, and stays out of the report"() {
        when: 'gradient descent with a tiny step: 5000 iterations'
        def r = min(rosenbrock().f, [method: 'gd', lr: 1e-5, maxIter: 5000])
        def t = r.trace()
        def iterations = (0..<t.size()).collect { t.iteration(it) }

        then:
        r.status() == Status.MAX_ITERATIONS
        !t.complete()
        t.size() >= Trace.maxRowsFor(2).intdiv(2) && t.size() <= Trace.maxRowsFor(2) + 1
        iterations[0] == 0
        iterations.last() == 5000
        t.point(t.size() - 1) == r.point()
        (1..<iterations.size() - 1).every { iterations[it] - iterations[it - 1] == t.stride() }
        !r.fields().containsKey('trace')
        !r.toText().contains('trace')
    }

    def "a problem of more than 1000 variables keeps no path unless asked"() {
        expect:
        min(extendedRosenbrock(1002).f, [method: 'lbfgs', maxIter: 2]).trace() == null
        min(extendedRosenbrock(1002).f, [method: 'lbfgs', maxIter: 2, trace: true]).trace().size() == 3
    }

    def "a variable named like a column is prefixed, so no column is lost"() {
        given:
        def f = new Variable('f', 3)
        def lr = new Variable('lr', 1)

        when:
        def t = min(add(sq(sub(f, c(1))), sq(lr)), [method: 'lbfgs', trace: true]).trace()

        then:
        t.columns().containsAll(['f', 'lr', 'var.f', 'var.lr'])
        t.column('var.f')[0] == 3d
        t.column('f')[0] == 5d    // (3 − 1)² + 1²
    }

    def "a traced mini-batch run records the full objective at the end of every epoch"() {
        given: 'mean over 6 rows of (w·u − y)²'
        double[] u = [1, 2, 3, -1, 0.5, 2]
        double[] y = [2, 4.5, 5.5, -2, 1, 4]
        def w = new Variable('w', 0)
        def i = new IndexSymbol('row')
        Expr mse = mul(1d / 6, Ops.sum(i, 0, 6, sq(sub(mul(w, new Lookup('u', u, i)), new Lookup('y', y, i))), 'data'))

        when: 'batches of 2 rows: 3 steps per epoch, 4 epochs'
        def run = min(mse, [method: 'gd', lr: 0.05, batch: 2, epochs: 4, trace: true])
        def t = run.trace()
        def full = { double wv -> (0..<6).sum { k -> (wv * u[k] - y[k])**2 } / 6 }

        then: 'the report says it ran the epochs asked (4 × 3 = 12 steps), not that it stopped at a maxIter it was never given'
        run.status() == Status.MAX_ITERATIONS
        run.message().startsWith('ran the 4 epochs asked (12 steps)')
        run.toText().contains('iterations 12 of 12 (4 epochs)')
        min(mse, [method: 'gd', lr: 0.05, batch: 2, epochs: 4, maxIter: 5]).message().startsWith('stopped after maxIter = 5 iterations')
        t.hasFullF()
        t.size() == 13
        (0..12).every { r -> t.epoch(r) == r.intdiv(3) }
        [0, 3, 6, 9, 12].every { r -> Math.abs(t.fullF(r) - full(t.x(r, 0))) < 1e-12 }
        [1, 2, 4, 5, 7].every { r -> Double.isNaN(t.fullF(r)) }
        t.columns().last() == 'evaluations'
        t.columns().contains('fullF')
    }

    def "a constrained run traced with trace: records the inner iterates in one sequence, with f's own values"() {
        given: '(x − 2)² + (y − 1)² on x + y <= 1: the minimizer is (1, 0)'
        def x = new Variable('x', 0)
        def y = new Variable('y', 0)
        def f = add(sq(sub(x, c(2))), sq(sub(y, c(1))))

        when:
        def r = Minimizer.run(f, false, [trace: true], [new Constraint(add(x, y), '<=', c(1))], RunContext.defaults())
        def t = r.trace()
        def own = { int row -> (t.x(row, 0) - 2)**2 + (t.x(row, 1) - 1)**2 }

        then:
        r.status() == Status.CONVERGED
        t.size() > 2
        (1..<t.size()).every { t.iteration(it) > t.iteration(it - 1) }
        (0..<t.size()).every { Math.abs(t.f(it) - own(it)) < 1e-12 }
        Math.abs(t.x(t.size() - 1, 0) - 1) < 1e-6
        Math.abs(t.x(t.size() - 1, 1)) < 1e-6

        when: 'without trace:, a thinned path is kept as for an unconstrained run (plot ..., path: r draws it)'
        def kept = Minimizer.run(f, false, [:], [new Constraint(add(x, y), '<=', c(1))], RunContext.defaults()).trace()

        then:
        kept.size() > 2
        kept.x(0, 0) == 0 && kept.x(0, 1) == 0
        Math.abs(kept.x(kept.size() - 1, 0) - 1) < 1e-6
        Math.abs(kept.x(kept.size() - 1, 1)) < 1e-6
    }

    def "the CSV has the columns and one line per row"() {
        given:
        def t = min(booth().f, [method: 'gd', lr: 0.05, maxIter: 2, trace: true]).trace()
        def file = dir.resolve('booth.csv')

        when:
        t.writeCsv(file)
        def lines = Files.readAllLines(file)

        then:
        lines[0] == 'iteration,epoch,f,gradNorm,step,lr,x,y,seconds,evaluations'
        lines.size() == 4
        lines[1].startsWith('0,0,74.0,38.0,0.0,NaN,0.0,0.0,')
        lines[2].startsWith('1,1,')
    }
}
