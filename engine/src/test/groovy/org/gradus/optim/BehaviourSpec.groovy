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
import java.util.concurrent.atomic.AtomicReference

import static org.gradus.optim.Problems.*

/** Restarts, traces, maximize, time limits, interruption, divergence and mini-batches. */
class BehaviourSpec extends Specification {
    static Variable X = new Variable('x', 0)
    static Variable Y = new Variable('y', 0)

    @TempDir
    Path dir

    /** A worker thread whose failure is kept, so a waiting test fails with it instead of waiting forever. */
    static class Worker extends Thread {
        volatile Throwable failure
        Worker(Closure body) { super(body as Runnable) }
        void run() { try { super.run() } catch (Throwable e) { failure = e } }
    }

    static Worker worker(Closure body) {
        def w = new Worker(body)
        w.start()
        w
    }

    /** Waits for the event; fails with the worker's exception if it died first. */
    static void awaitOrFail(java.util.concurrent.CountDownLatch event, Worker w) {
        while (!event.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
            if (!w.alive) throw new AssertionError('the run ended before the event', w.failure)
        }
    }

    def "restarts find the four minima of Himmelblau's function and say how many"() {
        when:
        def r = Minimizer.run(himmelblau().f, false, [restarts: 30, seed: 3, over: [x: [-5, 5] as double[], y: [-5, 5] as double[]]], [],
                RunContext.defaults())

        then:
        r.status() == Status.CONVERGED
        r.value() < 1e-10
        r.extras().restarts.runs == 30
        r.extras().restarts.distinctMinima == 4
        r.toText().contains('4 distinct minima')
    }

    def "at a corner of the bounds the report names the projected gradient: there ∇f itself is not 0 (#method)"() {
        given: 'f = (x − 2)² + (y − 1)² over x ≤ 1, y ≤ 0.5: the minimum is the corner (1, 0.5), where ∇f = (−2, −1), by hand'
        def x = new Variable('x', -1, Double.NEGATIVE_INFINITY, 1), y = new Variable('y', 0, Double.NEGATIVE_INFINITY, 0.5)
        Expr f = Ops.add(sq(Ops.sub(x, c(2))), sq(Ops.sub(y, c(1))))

        when:
        def r = Minimizer.run(f, false, options, [], RunContext.defaults())

        then:
        r.status() == Status.CONVERGED
        Math.abs(r.point()[0] - 1) < 1e-9 && Math.abs(r.point()[1] - 0.5) < 1e-9
        r.message().startsWith('projected |∇f|∞ = ')
        r.toText().contains('convergence projected |∇f|∞ = ')

        where:
        options << [[method: 'gd', lr: 0.1], [method: 'lbfgs']]
        method = options.method
    }

    def "the same seed gives the same restarts"() {
        when:
        def opts = [method: 'lbfgs', restarts: 5, seed: 11, over: [x: [-5, 5], y: [-5, 5]]]
        def a = Minimizer.run(himmelblau().f, false, opts, [], RunContext.defaults())
        def b = Minimizer.run(himmelblau().f, false, opts, [], RunContext.defaults())

        then:
        a.point() == b.point()
        a.extras().restarts.minima*.f == b.extras().restarts.minima*.f
    }

    def "trace: true keeps the SPEC's columns and the iterate per iteration"() {
        when:
        def r = Minimizer.run(booth().f, false, [method: 'gd', lr: 0.05, trace: true, maxIter: 20], [], RunContext.defaults())
        List rows = r.extras().trace

        then:
        rows.size() == 21
        rows[0].iteration == 0
        rows[1].lr == 0.05d
        rows.last().f < rows.first().f
        rows[0].keySet() as List == ['iteration', 'epoch', 'f', 'gradNorm', 'step', 'lr', 'x', 'y', 'seconds', 'evaluations']
    }

    def "trace: 'file.csv' is written relative to the base directory, with no temporary file left"() {
        when:
        def ctx = new RunContext(dir, null)
        def r = TraceFiles.write(Minimizer.run(booth().f, false, [method: 'adam', lr: 0.1, trace: 'runs/trace.csv', maxIter: 50], [], ctx), ctx.files())
        def file = dir.resolve('runs/trace.csv')
        def lines = Files.readAllLines(file)

        then:
        lines[0] == 'iteration,epoch,f,gradNorm,step,lr,x,y,seconds,evaluations'
        lines.size() == 52
        Files.list(dir.resolve('runs')).count() == 1
        r.extras().traceFile == file.toString()
    }

    def "a trace file replaces an old one atomically"() {
        given:
        def file = dir.resolve('t.csv')
        Files.writeString(file, 'old')

        when:
        def ctx = new RunContext(dir, null)
        TraceFiles.write(Minimizer.run(booth().f, false, [method: 'lbfgs', trace: 't.csv'], [], ctx), ctx.files())

        then:
        Files.readString(file).startsWith('iteration,epoch,f,gradNorm,step,lr,x,y')
        Files.list(dir).count() == 1
    }

    def "maximize reports the objective's own value"() {
        given:
        def x = new Variable("x", 0)
        def y = new Variable("y", 0)
        def g = Ops.neg(add(sq(sub(x, c(1))), sq(add(y, c(2))), c(-5)))   // max 5 at (1, -2)

        when:
        def r = Minimizer.run(g, true, [method: 'bfgs'], [], RunContext.defaults())

        then:
        r.kind() == 'maximize'
        r.status() == Status.CONVERGED
        Math.abs(r.value() - 5) < 1e-10
        Math.abs(r.point()[0] - 1) < 1e-6
        Math.abs(r.point()[1] + 2) < 1e-6
        r.toJson().startsWith('{"kind":"maximize","method":"bfgs","status":"converged"')
    }

    def "timeLimit stops a long run with status time-limit"() {
        when:
        def r = Minimizer.run(extendedRosenbrock(1000).f, false, [method: 'gd', lr: 1e-4, maxIter: 100000000, timeLimit: 0.3], [],
                RunContext.defaults())

        then: 'the run ends only by its time limit, which has then passed (no upper bound on time: the machine may be loaded)'
        r.status() == Status.TIME_LIMIT
        r.seconds() >= 0.3
        r.message().contains('timeLimit')
    }

    def "an interrupt stops the run with status interrupted and the best point"() {
        given:
        def f = extendedRosenbrock(1000).f
        def result = new AtomicReference<OptimizationResult>()
        def started = new java.util.concurrent.CountDownLatch(1)
        def listener = { int it, int max, double fv -> if (it == 10) started.countDown() } as ProgressListener
        def t = worker { result.set(Minimizer.run(f, false, [method: 'gd', lr: 1e-4, maxIter: 100000000], [], new RunContext(null, listener))) }

        when:
        awaitOrFail(started, t)
        t.interrupt()
        t.join()
        def r = result.get()

        then:
        r.status() == Status.INTERRUPTED
        r.iterations() >= 10
        r.value() < 12100  // below f at the start: the best point seen
        r.message().contains('interrupted')
    }

    def "the progress listener hears onFinish once, after the last iteration, whether the run ends or is interrupted"() {
        given:
        List<String> heard = Collections.synchronizedList([])
        def started = new java.util.concurrent.CountDownLatch(1)
        def listener = new ProgressListener() {
            void onIteration(int it, int max, double fv) {
                if (heard.isEmpty() || heard.last() != 'iteration') heard << 'iteration'
                if (it == 1000) started.countDown()
            }
            void onFinish() { heard << 'finish' }
        }

        when: 'a run that converges'
        Minimizer.run(rosenbrock().f, false, [method: 'lbfgs'], [], new RunContext(null, listener))

        then:
        heard == ['iteration', 'finish']

        when: 'a long run, interrupted'
        heard.clear()
        def result = new AtomicReference<OptimizationResult>()
        def t = worker { result.set(Minimizer.run(rosenbrock().f, false, [method: 'adam', lr: 1e-7, maxIter: 100000000], [], new RunContext(null, listener))) }
        awaitOrFail(started, t)
        t.interrupt()
        t.join()

        then:
        result.get().status() == Status.INTERRUPTED
        heard == ['iteration', 'finish']
    }

    def "gd with a fixed step too large for the curvature diverges with advice, as a result"() {
        when:
        def r = Minimizer.run(booth().f, false, [method: 'gd', lr: 0.2], [], RunContext.defaults())

        then:
        r.status() == Status.DIVERGED
        r.message() =~ /lr < 2\/L = 0\.1111/
        r.value() == 74d   // the start is the best point seen
    }

    def "a constrained run ends on its active constraints to rounding: Newton on the KKT conditions after the augmented Lagrangian (#name, by hand)"() {
        when:
        def r = Minimizer.run(f, maximize, [:], constraints, RunContext.defaults())

        then: 'the penalty alone left x about 1e-9 outside the set (x + y on the disc: f = -1.414213565)'
        r.status() == Status.CONVERGED
        r.message().endsWith("then Newton's method on the KKT conditions of the active constraints")
        [r.point() as List, at].transpose().every { a, b -> Math.abs(a - b) <= 2e-16 * Math.max(1, Math.abs(b)) }
        Math.abs(r.value() - value) <= 4e-16 * Math.max(1, Math.abs(value))
        [r.constraints()*.multiplier(), multipliers].transpose().every { a, b -> Math.abs(a - b) <= 1e-12 }
        r.constraints().every { it.violation() <= 1e-15 }

        where:
        name                                 | f                                             | maximize | constraints                                                                                     || at                                    | value          | multipliers
        'min x + y on the unit disc: −(1, 1)/√2, λ = 1/√2'                   | add(X, Y)                 | false | [new Constraint(add(sq(X), sq(Y)), '<=', c(1))]                                                  || [-Math.sqrt(0.5), -Math.sqrt(0.5)] | -Math.sqrt(2)  | [Math.sqrt(0.5)]
        'max xy on x + y = 2: (1, 1), λ = 1'                                 | Ops.mul(X, Y)             | true  | [new Constraint(add(X, Y), '==', c(2))]                                                          || [1d, 1d]                           | 1d             | [1d]
        'min (x − 2)² + (y − 1)² on x² ≤ y, x + y ≤ 2 (N&W 12.x): (1, 1), λ = (2/3, 2/3)' | add(sq(add(X, c(-2))), sq(add(Y, c(-1)))) | false | [new Constraint(sq(X), '<=', Y), new Constraint(add(X, Y), '<=', c(2))] || [1d, 1d] | 1d | [2d / 3, 2d / 3]
    }

    def "an objective unbounded below diverges with the reason said once: x·y on x + y = 1 is x(1 − x)"() {
        given:
        def x = new Variable('x', -1.2)
        def y = new Variable('y', 1)

        when:
        def r = Minimizer.run(Ops.mul(x, y), false, [:], [new Constraint(add(x, y), '==', c(1))], RunContext.defaults())

        then:
        r.status() == Status.DIVERGED
        r.message().contains('the objective looks unbounded below. Add bounds or constraints, or check the function.')
        !r.message().contains('may be unbounded below')
    }

    def "momentum that diverges names the heavy-ball bound"() {
        when:
        def r = Minimizer.run(booth().f, false, [method: 'momentum', lr: 0.5], [], RunContext.defaults())

        then:
        r.status() == Status.DIVERGED
        r.message().contains('2(1+μ)/L')
    }

    def "adamw's decoupled weight decay differs from adam with the same weightDecay"() {
        when:
        def f = add(sq(sub(new Variable("x", 0), c(3))), mul(100, sq(sub(new Variable("y", 0), c(3)))))
        def a = Minimizer.run(f, false, [method: 'adam', lr: 0.01, weightDecay: 0.5, maxIter: 20000, tol: 1e-9], [], RunContext.defaults())
        def w = Minimizer.run(f, false, [method: 'adamw', lr: 0.01, weightDecay: 0.5, maxIter: 20000, tol: 1e-9], [], RunContext.defaults())

        then: "adam minimizes f + (wd/2)|x|²: x = 2·3/(2 + 0.5) = 2.4"
        Math.abs(a.point()[0] - 2.4) < 1e-3
        and: "adamw shrinks every coordinate by the same factor, so its answer is another point"
        Math.abs(w.point()[0] - a.point()[0]) > 1e-2
    }

    /** mean over 64 rows of (w0·u + w1·v + b − y)², data from y = 2u − 3v + 0.5 + noise. */
    def "mini-batch adam reaches the least-squares solution; iterations = epochs × ⌈rows/batch⌉"() {
        given:
        def rnd = new Random(5)
        int rows = 60
        double[] u = new double[rows], v = new double[rows], y = new double[rows]
        for (int r = 0; r < rows; r++) {
            u[r] = rnd.nextGaussian(); v[r] = rnd.nextGaussian()
            y[r] = 2 * u[r] - 3 * v[r] + 0.5 + 0.1 * rnd.nextGaussian()
        }
        def w = new VectorVariable("w", 2, 0)
        def b = new Variable("b", 0)
        def i = new IndexSymbol('row')
        Expr body = sq(add(mul(w.get(0), new Lookup('u', u, i)), mul(w.get(1), new Lookup('v', v, i)), b, mul(-1, new Lookup('y', y, i))))
        Expr mse = mul(1d / rows, Ops.sum(i, 0, rows, body, 'data'))
        def exact = Minimizer.run(mse, false, [method: 'lbfgs', tol: 1e-12], [], RunContext.defaults())

        when:
        def r = Minimizer.run(mse, false, [method: 'adam', lr: 0.05, batch: 8, epochs: 200, shuffle: true, seed: 7,
                                           schedule: org.gradus.optim.schedule.Schedules.create('cosine', [period: 1500])], [], RunContext.defaults())

        then:
        r.iterations() == 200 * 8
        r.status() == Status.MAX_ITERATIONS
        (0..<3).every { Math.abs(r.point()[it] - exact.point()[it]) < 0.02 }
        r.extras().convergence.any { it.contains('mini-batches of 8') }
    }

    def "a run whose schedule fell to 0 long before maxIter says so: gd on x² with cosine(period: 100) and maxIter 1000"() {
        given: 'cosine with min 0: lr_t = lr(1 + cos(pi t/100))/2, exactly 0 from t = 100 on (cos(pi) = -1 in doubles)'
        def x = new Variable("x", 1)

        when:
        def r = Minimizer.run(mul(x, x), false, [method: 'gd', lr: 0.01, maxIter: 1000,
                                                  schedule: org.gradus.optim.schedule.Schedules.create('cosine', [period: 100])], [], RunContext.defaults())
        def steady = Minimizer.run(mul(x, x), false, [method: 'gd', lr: 0.01, maxIter: 1000, tol: 1e-30], [], RunContext.defaults())

        then: 'x is (1 - 2 lr_t) multiplied over the first 100 steps, about exp(-2 * 0.01 * 50) = 0.37, and no further'
        r.status() == Status.MAX_ITERATIONS
        Math.abs(r.point()[0] - (0..<100).inject(1d) { double p, int t -> p * (1 - 2 * 0.01 * (1 + Math.cos(Math.PI * t / 100)) / 2) }) < 1e-12
        r.message().contains('the learning rate was 0 from step 100 on (cosine(period: 100, min: 0) stays at its min after the period), so the last 900 iterations did not move x')

        and: 'a constant rate says nothing of the kind'
        !steady.message().contains('learning rate was 0')
    }

    /** x² + 10y² from (1, 1): curvature 2 along x, 20 along y (by hand). */
    static Expr valley() {
        def x = new Variable("x", 1)
        def y = new Variable("y", 1)
        Ops.add(mul(x, x), mul(10, mul(y, y)))
    }

    def "gd whose iterates bounce across a valley for ever says the step is too large: x² + 10y² with lr 0.1 (y ← y − 0.1·20y = −y)"() {
        given: 'by hand: x shrinks by 0.8 a step, y flips between 1 and −1; the curvature along y is 20, so lr < 2/20 = 0.1 is needed'
        def f = valley()

        when:
        def bouncing = Minimizer.run(f, false, [method: 'gd', lr: 0.1, maxIter: 200], [], RunContext.defaults())
        def slow = Minimizer.run(f, false, [method: 'gd', lr: 0.0001, maxIter: 200], [], RunContext.defaults())

        then:
        bouncing.status() == Status.MAX_ITERATIONS
        Math.abs(bouncing.point()[1]) == 1d
        bouncing.message().endsWith('the iterates bounce between two points across a valley (each step of lr = 0.1 lands where the next one ' +
                'leads back), so the step size is too large for the curvature there (up to L ≈ 20): gradient descent settles only for ' +
                'lr < 2/L = 0.1; try lr: 0.05 (= 1/L), or lineSearch: true')

        and: 'a run that is merely slow says nothing of the kind'
        slow.status() == Status.MAX_ITERATIONS
        !slow.message().contains('bounce')
    }

    def "gd whose step is far below the curvature says so and names 1/L: x² + 10y² with lr 0.0001 (L = 20 by hand, lr·L = 0.2 %)"() {
        given:
        def f = valley()

        when:
        def slow = Minimizer.run(f, false, [method: 'gd', lr: 0.0001, maxIter: 200], [], RunContext.defaults())
        def fair = Minimizer.run(f, false, [method: 'gd', lr: 0.04, maxIter: 20], [], RunContext.defaults())
        def shortOnes = Minimizer.run(f, false, [method: 'gd', lr: 0.05, maxIter: 500], [], RunContext.defaults())

        then: 'the Hessian is diag(2, 20): L = 20, 1/L = 0.05, 2/L = 0.1'
        slow.status() == Status.MAX_ITERATIONS
        slow.message().endsWith('the step size lr = 0.0001 is small for the curvature (L ≈ 20, the largest Hessian eigenvalue at the start or ' +
                'where the run stopped): a step goes at most lr·L = 0.2 % of the way to the minimum along any direction of the quadratic model; ' +
                'try lr: 0.05 (= 1/L; stable below 2/L = 0.1), or lineSearch: true')

        and: 'lr·L = 0.8 is no small step, though 20 iterations do not reach the tolerance (x shrinks by 0.92 a step)'
        fair.status() == Status.MAX_ITERATIONS
        !fair.message().contains('is small')

        and: 'the advice converges: with lr 0.05, y is 0 after one step and x shrinks by 0.9 a step'
        shortOnes.status() == Status.CONVERGED
    }

    def "constraints that cannot hold end infeasible, not in an exception"() {
        given:
        def x = new Variable("x", 0)

        when:
        def r = Minimizer.run(sq(x), false, [:], [new Constraint(sq(x), '<=', c(-1))], RunContext.defaults())

        then:
        r.status() == Status.INFEASIBLE
        r.maxViolation() > 0.5
    }

    def "a start where the violated constraint's gradient vanishes is left, not called infeasible: min x² + y² s.t. xy ≥ 1 from (0, 0) (by hand: (±1, ±1), f = 2)"() {
        given:
        def x = new Variable("x", 0)
        def y = new Variable("y", 0)

        when:
        def r = Minimizer.run(Ops.add(sq(x), sq(y)), false, [:], [new Constraint(Ops.mul(x, y), '>=', c(1))], RunContext.defaults())
        def eq = Minimizer.run(Ops.add(sq(x), sq(y)), false, [:], [new Constraint(Ops.mul(x, y), '==', c(1))], RunContext.defaults())
        def none = Minimizer.run(Ops.add(sq(x), sq(y)), false, [:], [new Constraint(Ops.add(sq(x), sq(y)), '<=', c(-1))], RunContext.defaults())

        then:
        r.status() == Status.CONVERGED
        Math.abs(r.value() - 2) < 1e-6 && Math.abs(Math.abs(r.point()[0]) - 1) < 1e-6 && r.point()[0] * r.point()[1] > 0
        eq.status() == Status.CONVERGED && Math.abs(eq.value() - 2) < 1e-6

        and: 'x² + y² ≤ −1 has no point: moved off (0, 0), the run comes back, and it is still infeasible'
        none.status() == Status.INFEASIBLE
        none.message().contains('the run came back to it')
    }

    def "a multiplier on a constraint that does not hold with equality is no KKT point: max xy s.t. x + y ≤ 4 from (2, 0) (by hand: (2, 2), f = 4, λ = 2)"() {
        given: 'before complementarity was checked, the second round stopped at (1.9945, 1.9945): slack 0.011 with λ = 1.99'
        def x = new Variable("x", 2)
        def y = new Variable("y", 0)

        when:
        def r = Minimizer.run(Ops.mul(x, y), true, [:], [new Constraint(Ops.add(x, y), '<=', c(4)), new Constraint(x, '>=', c(0)),
                                                          new Constraint(y, '>=', c(0))], RunContext.defaults())

        then:
        r.status() == Status.CONVERGED
        Math.abs(r.point()[0] - 2) < 1e-6 && Math.abs(r.point()[1] - 2) < 1e-6
        Math.abs(r.value() - 4) < 1e-6
        Math.abs(r.constraints()[0].multiplier() - 2) < 1e-4
    }

    def "inequality constraints in maximize, and a bound written constant-first"() {
        given:
        def x = new Variable("x", 0)
        def y = new Variable("y", 0)

        when: "maximize x + 2y on the disc x² + y² <= 5 with 0 <= x"
        def r = Minimizer.run(add(x, mul(2, y)), true, [:], [new Constraint(add(sq(x), sq(y)), '<=', c(5)), new Constraint(c(0), '<=', x)],
                RunContext.defaults())

        then:
        r.status() == Status.CONVERGED
        Math.abs(r.point()[0] - 1) < 1e-5
        Math.abs(r.point()[1] - 2) < 1e-5
        Math.abs(r.value() - 5) < 1e-5
    }
}
