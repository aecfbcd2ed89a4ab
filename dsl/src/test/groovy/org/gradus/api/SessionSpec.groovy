package org.gradus.api

import org.gradus.dsl.GradusException
import org.gradus.dsl.GradusSession
import org.gradus.optim.Status
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.CountDownLatch

/**
 * The Java API (SPEC §5): typed results checked against values worked by hand, errors, parameters, and
 * runs that stop at their time limit or when the calling thread is interrupted.
 */
class SessionSpec extends Specification {
    @TempDir
    Path dir

    static final String QUADRATIC = '''
        x = variable(1); y = variable(2)
        f = (x - 2)**2 + (y + 1)**2
    '''

    Results run(String source) {
        Gradus.session().printTo(new PrintStream(new ByteArrayOutputStream())).build().run(source)
    }

    def "numbers, expressions and values have their types"() {
        when:
        Results r = run(QUADRATIC + "5 * 3\nf\n'hello'\n")

        then:
        r*.kind() == ['number', 'expression', 'value']
        r.first(NumberResult).value() == 15d
        r.first(ExpressionResult).text() == '(x - 2)**2 + (y + 1)**2'
        r.first(ExpressionResult).variables() == ['x', 'y']
        r.first(ValueResult).text() == 'hello'
    }

    def "the gradient and Hessian of (x - 2)² + (y + 1)², symbolic and at (0, 0)"() {
        when:
        Results r = run(QUADRATIC + 'grad(f)\ngrad(f).at(x: 0, y: 0)\nhessian(f)\nhessian(f).at(x: 0, y: 0)\n')
        Gradient symbolic = r[0], at = r[1]
        Hessian h = r[2], hAt = r[3]

        then: '∇f = (2(x − 2), 2(y + 1)) = (−4, 2) at the origin, |∇f| = √20'
        symbolic.isSymbolic()
        symbolic.symbolic() == [x: '2*(x - 2)', y: '2*(y + 1)']
        !at.isSymbolic()
        at.at().get('x') == 0d && at.at().get('y') == 0d
        at.value().get('x') == -4d
        at.value().get('y') == 2d
        Math.abs(at.norm() - Math.sqrt(20)) < 1e-15

        and: '∇²f = 2I: eigenvalues 2, 2, positive definite'
        h.isSymbolic()
        h.variables() == ['x', 'y']
        h.symbolic() == [['2', '0'], ['0', '2']]
        hAt.matrix() == [[2d, 0d], [0d, 2d]] as double[][]
        hAt.eigenvalues() == [2d, 2d] as double[]
        hAt.definiteness() == 'positive definite'
    }

    def "convexity: a proof for the quadratic, a counterexample that holds for x³ on [-1, 1]"() {
        when:
        Results r = run(QUADRATIC + 'convexity(f)\nconvexity(x**3, over: [x: -1..1])\n')
        ConvexityReport quad = r[0], cube = r[1]
        def c = cube.counterexample()
        double a = c.a().get('x'), b = c.b().get('x'), t = c.t()
        double mid = t * a + (1 - t) * b

        then: 'the Hessian 2I gives mu = L = 2'
        quad.verdict() == 'convex'
        quad.isConvex()
        quad.strict()
        quad.certainty() == 'proof'
        quad.mu() == 2d
        quad.L() == 2d
        quad.counterexample() == null

        and: 'the chord lies below the graph: the gap is x³ at the mix minus the mix of the values'
        cube.verdict() == 'neither'
        !cube.isConvex()
        cube.strict() == null
        cube.certainty() == 'counterexample'
        Double.isNaN(cube.mu())
        Math.abs(c.gap() - (mid**3 - (t * a**3 + (1 - t) * b**3))) < 1e-12
        c.gap() > 0
    }

    def "counterexamples(): x·y is neither, with a checked secant against each curvature"() {
        when:
        ConvexityReport r = run('x = variable(0)\ny = variable(0)\nconvexity(x*y)\n')[0]
        def secants = r.counterexamples()
        def gapOf = { s ->      // worked by hand: f(x, y) = x·y at the mix minus the mix of the values
            double t = s.t()
            def mix = { String v -> t * s.a().get(v) + (1 - t) * s.b().get(v) }
            mix('x') * mix('y') - (t * s.a().get('x') * s.a().get('y') + (1 - t) * s.b().get('x') * s.b().get('y'))
        }

        then:
        r.verdict() == 'neither'
        secants*.refutes() == ['convexity', 'concavity']
        secants[0].gap() > 0 && secants[1].gap() < 0
        secants.every { Math.abs(it.gap() - gapOf(it)) < 1e-12 * Math.max(1, Math.abs(it.gap())) }
        secants[0].a() == r.counterexample().a() && secants[0].gap() == r.counterexample().gap()

        and: 'a proof has none'
        run(QUADRATIC + 'convexity(f)\n')[0].counterexamples().isEmpty()
    }

    def "stationary points of x³ − 3x on [-3, 3]: a maximum at −1 (f = 2) and a minimum at 1 (f = −2)"() {
        when:
        StationaryReport s = run('x = variable(0)\nstationary(x**3 - 3*x, over: [x: -3..3])').first(StationaryReport)
        def points = s.points().toSorted { it.at().get('x') }

        then: "f' = 3x² − 3 vanishes at ±1; f'' = 6x"
        points.size() == 2
        Math.abs(points[0].at().get('x') + 1) < 1e-9
        Math.abs(points[0].f() - 2) < 1e-12
        points[0].type() == 'maximum'
        Math.abs(points[0].eigenvalues()[0] + 6) < 1e-8
        Math.abs(points[1].at().get('x') - 1) < 1e-9
        Math.abs(points[1].f() + 2) < 1e-12
        points[1].type() == 'minimum'
    }

    def "a flat minimum through the API and the script: |x - 1| + |x + 1| = 2 on [-1, 1], f′ = 0 on (-1, 1) (by hand)"() {
        when:
        def out = new ByteArrayOutputStream()
        def results = Gradus.session().printTo(new PrintStream(out, true, 'UTF-8')).build()
                .run('x = variable(0)\ns = stationary(abs(x - 1) + abs(x + 1))\nprintln s.intervals[0].set + " " + s.intervals[0].type\ns')
        StationaryReport s = results.first(StationaryReport)

        then:
        s.points().isEmpty()
        s.intervals().size() == 1
        with(s.intervals()[0]) {
            from() == -1d && to() == 1d && set() == '(-1, 1)' && f() == 2d && type() == 'minimum'
        }
        out.toString('UTF-8').contains('(-1, 1) minimum')
    }

    def "the kinks of one variable's f through the API and the script: |x³ − x| has minima without f′ at −1, 0, 1 (by hand: slopes ∓2, ∓1, ∓2)"() {
        when:
        def out = new ByteArrayOutputStream()
        def results = Gradus.session().printTo(new PrintStream(out, true, 'UTF-8')).build()
                .run('x = variable(0)\ns = stationary(abs(x**3 - x), over: [x: -2..2])\nprintln s.kinks[1].at.x + " " + s.kinks[1].type + " " + s.kinks[1].slopes\ns')
        StationaryReport s = results.first(StationaryReport)

        then:
        s.kinks()*.at()*.get('x') == [-1d, 0d, 1d]
        s.kinks()*.type() == ['minimum'] * 3
        s.kinks()*.left() == [-2d, -1d, -2d] && s.kinks()*.right() == [2d, 1d, 2d]
        s.kinks()*.f() == [0d, 0d, 0d]
        s.kinks()*.note() == [null] * 3
        out.toString('UTF-8').contains('0.0 minimum [-1.0, 1.0]')
    }

    def "the kinks of two variables' f through the API: the lasso (x − 1)² + (y − 0.2)² + (|x| + |y|)/2 has its minimum at (0.75, 0) (soft thresholding, by hand), with its proof and no slopes"() {
        when:
        StationaryReport s = run('x = variable(0)\ny = variable(0)\nstationary((x - 1)**2 + (y - 0.2)**2 + 0.5*(abs(x) + abs(y)), over: [x: -2..2, y: -2..2])')
                .first(StationaryReport)

        then:
        s.kinks().size() == 1
        s.kinks()[0].at().get('x') == 0.75d && s.kinks()[0].at().get('y') == 0d
        s.kinks()[0].type() == 'minimum'
        Double.isNaN(s.kinks()[0].left()) && Double.isNaN(s.kinks()[0].right())
        s.kinks()[0].note().contains('0 ∈ ∂f(p)')
    }

    def "|x| at 0 is continuous but not differentiable"() {
        when:
        DifferentiabilityReport d = run('x = variable(1)\ndifferentiable(abs(x), at: [x: 0])').first(DifferentiabilityReport)

        then:
        d.at().get('x') == 0d
        d.continuous()
        !d.differentiable()
        d.reason().contains('kink')
    }

    def "a minimization: the solution (2, −1), its value, status and work, and a trace of gradient descent"() {
        when:
        Results r = run(QUADRATIC + '''
            minimize f, method: 'lbfgs'
            minimize(f, method: 'gd', lr: 0.1, maxIter: 5, trace: true)
            maximize(-f, method: 'bfgs')
        ''')
        MinimizeResult lbfgs = r[0], gd = r[1], max = r[2]

        then:
        lbfgs.method() == 'lbfgs'
        lbfgs.status() == Status.CONVERGED
        lbfgs.converged()
        Math.abs(lbfgs.x('x') - 2) < 1e-8
        Math.abs(lbfgs.x().get('y') + 1) < 1e-8
        lbfgs.f() < 1e-16
        lbfgs.gradNorm() <= 1e-6
        lbfgs.iterations() >= 1
        lbfgs.evaluations().f() >= lbfgs.iterations()
        lbfgs.evaluations().hessian() == 0
        lbfgs.constraints().isEmpty()
        lbfgs.trace().isEmpty()

        and: 'each step x ← x − 0.1·∇f shrinks (x − 2, y + 1) by 0.8, so f = 10·0.64ᵏ from f(1, 2) = 10'
        gd.status() == Status.MAX_ITERATIONS
        gd.iterations() == 5
        gd.trace()*.iteration() == [0L, 1L, 2L, 3L, 4L, 5L]
        (0..5).every { k -> Math.abs(gd.trace()[k].f() - 10 * 0.64**k) < 1e-12 }
        Math.abs(gd.x('x') - (2 - 0.8**5)) < 1e-12
        Math.abs(gd.f() - 10 * 0.64**5) < 1e-12
        gd.trace()[1].lr() == 0.1d

        and: 'maximize reports the objective itself: max of −f is 0'
        max.isMaximize()
        max.kind() == 'maximize'
        Math.abs(max.f()) < 1e-12
    }

    def "array results through the API and --json: a vector minimum, softmax and a matrix-vector product, by hand"() {
        when:
        Results r = run("""
            v = vector(3)
            f = sumsq(2*v) + sum(v)
            minimize f, method: 'lbfgs'
            softmax(v).at(v: [0, 0, Math.log(2)])
            W = matrix(2, 2)
            (W * v[0..<2]).at(W: [[1, 2], [3, 4]], v: [1, 1, 0])
        """)
        def json = { Result x -> new groovy.json.JsonSlurper().parseText(x.toJson()) as Map }

        then: '∇f = 8v + 1 = 0 at v = −1/8 each, f = 3·(1/16) − 3/8 = −3/16'
        MinimizeResult m = r[0]
        m.converged()
        (json(m).x as Map).v.every { Math.abs(it + 0.125) < 1e-9 }
        Math.abs(m.f() + 3 / 16d) < 1e-12

        and: 'softmax(0, 0, ln 2) = (1, 1, 2)/4; [[1, 2], [3, 4]]·(1, 1) = (3, 7)'
        r[1].kind() == 'vector'
        (json(r[1]).value as List).withIndex().every { x, i -> Math.abs((x as double) - [0.25d, 0.25d, 0.5d][i as int]) < 1e-15 }
        r[2].kind() == 'vector'
        json(r[2]).value == [3, 7]
    }

    def "toJson is the record gradus run --json writes, and parsing it back gives the same view"() {
        given:
        String script = QUADRATIC + "f\ngrad(f).at(x: 0, y: 0)\nconvexity(f)\nminimize f, method: 'lbfgs'\n[1, 2]\n"

        when:
        List<String> cli = new GradusSession().run(script, 'q.opt')*.toJson()
        Results api = Gradus.session().build().run(script, 'q.opt')

        then: 'equal except the wall-clock seconds of the minimization'
        api*.toJson()*.replaceAll(/"seconds":[^,]+,/, '') == cli*.replaceAll(/"seconds":[^,]+,/, '')
        api.toJsonLines().readLines() == api*.toJson()

        when:
        List<Result> parsed = api.collect { Result.parse(it.toJson(), null) }

        then:
        parsed*.getClass() == api*.getClass()
        parsed*.fields() == api*.fields()
        (parsed[3] as MinimizeResult).x() == (api[3] as MinimizeResult).x()
        parsed[0].toText() == parsed[0].toJson()
    }

    def "results by type; a missing type says what the script did show"() {
        given:
        Results r = run(QUADRATIC + 'f\n1\n2\n')

        expect:
        r.all(NumberResult)*.value() == [1d, 2d]
        r.last(NumberResult).value() == 2d

        when:
        r.first(MinimizeResult)

        then:
        NoSuchElementException e = thrown()
        e.message == 'the script showed no MinimizeResult; it showed: expression, number, number'
    }

    def "parameters are defined before the script runs"() {
        expect:
        Gradus.session().parameter('n', 3).parameters([lr: 0.5]).build().run('n * lr')
                .first(NumberResult).value() == 1.5d

        when:
        Gradus.session().parameter('not a name', 1)

        then:
        thrown(IllegalArgumentException)
    }

    def "a script file: errors name the file, line and column, and give the report gradus run prints"() {
        given:
        Path file = dir.resolve('model.opt')
        Files.writeString(file, 'x = variable(1)\ny = nothing(x)\n')

        when:
        Gradus.session().build().run(file)

        then:
        GradusException e = thrown()
        e.file() == 'model.opt'
        e.line() == 2
        e.column() == 5
        e.exitCode() == 1
        e.report().startsWith('model.opt:2:5: error: ')
        e.report().endsWith('\n  y = nothing(x)\n      ^')

        when: 'a syntax error'
        Gradus.session().build().run('x = variable(1)\ny = (x +* 2')

        then:
        GradusException syntax = thrown()
        syntax.line() == 2
        syntax.column() > 1
        syntax.exitCode() == 3

        when: 'a file that is not there'
        Gradus.session().build().run(dir.resolve('missing.opt'))

        then:
        GradusException missing = thrown()
        missing.exitCode() == 2
    }

    def "System.exit in a script is refused and the host lives on"() {
        when:
        Gradus.session().build().run('x = variable(1)\nSystem.exit(55)')

        then:
        GradusException e = thrown()
        e.exitCode() == 4
        e.line() == 2
    }

    def "every route to exit or halt the JVM, or to outlive the run, is refused (exit code 4) and the host lives on"() {
        when:
        Gradus.session().build().run('x = variable(1)\n' + route)

        then:
        GradusException e = thrown()
        e.exitCode() == 4
        e.line() == 2

        where:
        route << ['Runtime.runtime.halt(3)', 'Runtime.getRuntime().exit(3)', 'def f = System.&exit; f(3)',
                  'System."exit"(3)', 'def m = "exit"; System."$m"(3)', '[System].each { it.exit(3) }',
                  'def s = System; s.exit(3)', "Class.forName('java.lang.System').exit(3)", 'java.lang.System.exit(3)',
                  'Runtime.runtime.with { halt(3) }', '[System]*.exit(3)', 'System.invokeMethod("exit", 3)',
                  'Thread.start { while (true) { } }', 'Runtime.runtime.addShutdownHook(new Thread({ while (true) { } }))',
                  'new Timer().schedule({ System.exit(3) } as TimerTask, 10)']
    }

    @Timeout(60)
    def "a time limit stops an endless loop: the run fails with 124 and the script's thread ends"() {
        given: 'a limit long enough that compiling the five lines ends first even on a loaded machine (the loop never ends)'
        def session = Gradus.session().timeLimit(Duration.ofSeconds(5)).build()

        when:
        session.run('x = variable(1)\nn = 0\nwhile (true) {\n  n++\n}\n')

        then:
        GradusException e = thrown()
        e.exitCode() == 124
        e.message == 'the script ran longer than its time limit of 5 s'
        e.line() in [3, 4]
        scriptThreadsEnd()
    }

    @Timeout(60)
    def "a time limit stops a script that catches everything, and a sequence of long minimizations"() {
        given: 'the sandbox off, so that the script may catch Throwable'
        def session = Gradus.session().sandbox(false).timeLimit(Duration.ofMillis(300)).build()

        when:
        session.run(source)

        then:
        GradusException e = thrown()
        e.exitCode() == 124
        scriptThreadsEnd()

        where:
        source << [
                'while (true) { try { while (true) { } } catch (Throwable t) { } }',
                'x = variable(-1.2); y = variable(1)\nf = (1 - x)**2 + 100*(y - x**2)**2\n' +
                        ("minimize f, method: 'adam', lr: 1e-9, maxIter: 100000000\n" * 5),
        ]
    }

    @Timeout(60)
    def "a time limit stops a thread that never checks: one endless call into the Groovy runtime is stopped by force"() {
        // the limit (compiling included) leaves a loaded machine ample time to compile the two lines first: it is reached in the sum
        given: 'a sum over a range that would take years, in a loop the script never reaches again'
        def session = Gradus.session().timeLimit(Duration.ofSeconds(2)).build()

        when:
        session.run('x = variable(1)\ntotal = (1..10**15).sum()\n')

        then:
        GradusException e = thrown()
        e.exitCode() == 124
        e.line() == 2
        scriptThreadsEnd()
    }

    @Timeout(60)
    def "the time limit covers compiling: a script of thousands of statements stops at the limit"() {
        given: 'a script whose compilation takes far longer than the limit on any machine'
        String big = (1..5000).collect { "a$it = $it * 2" }.join('\n')

        when:
        Gradus.session().timeLimit(Duration.ofMillis(20)).build().run(big)

        then:
        GradusException e = thrown()
        e.exitCode() == 124
        e.line() == 0
        scriptThreadsEnd()
    }

    @Timeout(60)
    def "interrupting the calling thread cancels the run (exit code 130)"() {
        given:
        def started = new CountDownLatch(1)
        def session = Gradus.session().onResult { started.countDown() }.build()
        GradusException failure = null
        def caller = Thread.start {
            try {
                session.run('1\nwhile (true) { }')
            } catch (GradusException e) {
                failure = e
            }
        }

        when:
        started.await()
        caller.interrupt()
        caller.join()

        then:
        failure.exitCode() == 130
        failure.line() in [1, 2]
        scriptThreadsEnd()
    }

    /** Waits (join) for every script thread to end; the feature's @Timeout fails the test if one never does. */
    static boolean scriptThreadsEnd() {
        Thread.allStackTraces.keySet().findAll { it.name.startsWith('gradus-script-') }*.join()
        true
    }
}
