package org.gradus.dsl

import org.gradus.result.Shown
import spock.lang.Specification
import spock.lang.Unroll

/** The .opt language: operators, naming, what a script shows, derivatives through the DSL. */
class ScriptLanguageSpec extends Specification {

    List<Shown> run(String source) {
        new GradusSession().run(source, 'test.opt')
    }

    Map json(Shown s) {
        new groovy.json.JsonSlurper().parseText(s.toJson()) as Map
    }

    @Unroll
    def "operators between expressions and numbers in either order: #text"() {
        expect:
        run("x = variable(2)\n$text")*.toText() == [printed]

        where:
        text          | printed
        '2*x'         | '2*x'
        'x/2'         | 'x/2'
        '1 - x'       | '1 - x'
        '2**x'        | '2**x'
        '-x + 3'      | '3 - x'
        'x*x*x'       | 'x**3'
        '0*x + 1*x'   | 'x'
        '(x + 1) - 1' | 'x'
        'x - x'       | '0'
    }

    @Unroll
    def "'#statement' minimizes the whole expression, as it reads in mathematics (not Groovy's minimize(x - 1)**2)"() {
        when:
        List<Shown> shown = run("x = variable(0)\ny = variable(3)\n$statement\n")
        Map r = json(shown[0])

        then: 'the minimum of (x − 1)² + y² is 0 at (1, 0), by hand'
        Math.abs((r.x as Map).x - 1) < 1e-6
        Math.abs((r.x as Map).y) < 1e-6
        Math.abs(r.f as double) < 1e-12

        where:
        statement << ['minimize (x - 1)**2 + y**2', 'r = minimize (x - 1)**2 + y**2\nr',
                      "minimize (x - 1)**2 + y**2 + 0*x"]
    }

    def "maximize (…) takes the whole expression too; other words keep Groovy's reading"() {
        expect: 'the maximum of 4 − (x − 1)² is 4 at x = 1'
        Math.abs((json(run("x = variable(0)\nmaximize (x - 1)*(1 - x) + 4")[0]).f as double) - 4) < 1e-12

        and: 'grad (f) takes only (f): the same as grad(f)'
        run("x = variable(3)\nf = (x - 1)**2\ngrad (f)")*.toText() == ['gradient of (x - 1)**2\n  ∂/∂x = 2*(x - 1)']
    }

    def "maximize -g, minimize -log(x) + x and show -v negate their argument: Groovy alone reads a subtraction from the word"() {
        expect: 'the maximum of 4 − (x − 1)² is 4 at x = 1; the minimum of x − log x is 1 at x = 1 (by hand)'
        def top = json(run("x = variable(0)\nmaximize -(x - 1)**2 + 4")[0])
        Math.abs((top.f as double) - 4) < 1e-12 && Math.abs(((top.x as Map).x as double) - 1) < 1e-6
        def low = json(run("x = variable(0.5)\nr = minimize -log(x) + x\nr")[0])
        Math.abs((low.f as double) - 1) < 1e-12 && Math.abs(((low.x as Map).x as double) - 1) < 1e-5

        and: 'show of a negated value; a variable of the script minus a number is still a subtraction'
        run("x = variable(2)\nshow -x.at(1)\ny = 5\ny - 1\nshow - 3")*.toText() == ['-1', '4', '-3']
    }

    def "show (a).at(...), show (a)*2, show (a)[i] and show [a, b] show the whole expression: show gives nothing to call or multiply"() {
        expect: '(2w) at w = (1, 2) is (2, 4); (x + 1)·2 at x = 2 is 6; [1, 2, 3][1] + 10 is 12 (by hand)'
        run("x = variable(3)\nw = vector(2)\nshow (2*w).at(w: [1, 2])\nshow (x + 1).at(x: 2)*2\nshow ([1, 2, 3])[1] + 10\nshow (x + 1)*2")*.toText() ==
                ['[2, 4]', '6', '12', '2*(x + 1)']

        and: 'show [a, b] shows the list (Groovy alone: an index into a value named show, "unknown name show")'
        run("x = variable(3)\nshow [x.at(1), 2]\nshow [7, 8][1]\nshow [x]\nl = [5, 6]\nshow l[1]")*.toText() == ['[1, 2]', '8', '[x]', '6']

        and: 'a spaced call of another word keeps its Groovy reading: minimize (f).x is the point of minimize(f)'
        Math.abs((run("x = variable(0)\nm = minimize ((x - 1)**2).x\nm.x")[0].toText() as double) - 1) < 1e-6
    }

    def "a vector or matrix variable's value at a result: w.at(r), as r.x.w; at a point: w.at(w: [...])"() {
        when: 'the minimum of |w − (1, −2)|² + |W − [[1, 2], [3, 4]]|² is at w = (1, −2), W = [[1, 2], [3, 4]] (by hand)'
        def shown = run("""w = vector(2)\nW = matrix(2, 2)\nr = minimize(sumsq(w - [1, -2]) + sumsq(W - [[1, 2], [3, 4]]), method: 'lbfgs', tol: 1e-12)
                           |w.at(r)\nW.at(r)\nw.at(w: [5, 6])""".stripMargin())*.fields()*.value

        then:
        [(shown[0] as List), [1, -2]].transpose().every { a, b -> Math.abs(a - b) < 1e-9 }
        [(shown[1] as List).flatten(), [1, 2, 3, 4]].transpose().every { a, b -> Math.abs(a - b) < 1e-9 }
        shown[2] == [5d, 6d]
    }

    def "r.x by position is scipy's res.x: r.x[0] the first coordinate, r.x[-1] the last, across scalars and vectors"() {
        when: 'the minimum of (x − 1)² + (y + 2)² + |w − (5, 6)|² is at x = 1, y = −2, w = (5, 6) (by hand)'
        def shown = run("""x = variable(3)\ny = variable(1)\nw = vector(2)
                           |r = minimize((x - 1)**2 + (y + 2)**2 + sumsq(w - [5, 6]), method: 'lbfgs', tol: 1e-12)
                           |[r.x[0], r.x[1], r.x[2], r.x[-1], r.x.y, r.x['x']]""".stripMargin())[0].toText()
                .replaceAll(/[\[\]]/, '').split(',')*.trim()*.toDouble()

        then:
        [shown, [1, -2, 5, 6, -2, 1]].transpose().every { a, b -> Math.abs((a as double) - b) < 1e-9 }

        when: 'past the last coordinate'
        run("x = variable(3)\nr = minimize((x - 1)**2)\nr.x[1]")

        then:
        GradusException e = thrown()
        e.message.contains('the solution has 1 coordinate (of x): r.x[0] to r.x[0] (r.x[-1] the last), not r.x[1]')
    }

    def "a line the parser rejects ('minimize (x - 1)**2 + y**2, method: …') is a located error that shows how to write it"() {
        when:
        run("x = variable(0)\ny = variable(0)\nminimize (x - 1)**2 + y**2, method: 'gd'\n")

        then:
        def e = thrown(GradusException)
        e.exitCode == 3
        e.line == 3
        e.message.contains("reads 'minimize (a)**2 + b, ...' as 'minimize(a)**2 + b, ...'")
        e.message.contains('minimize((a)**2 + b, ...)')
    }

    def "a negated objective with options ('maximize -f, method: …') is a located error that says to use parentheses"() {
        when:
        run("x = variable(0)\nr = maximize -x**2 + x, method: 'gd'\n")

        then:
        def e = thrown(GradusException)
        e.exitCode == 3
        e.line == 2
        e.message.contains("Groovy reads 'maximize -f, name: value' as a subtraction from maximize, followed by a comma")
        e.message.contains('maximize(-f, name: value)')
    }

    def "^ is a compile error that names **: Groovy's exclusive or made 2^3 silently 1 (#source)"() {
        when:
        run("x = variable(1)\n$source\n")

        then:
        def e = thrown(GradusException)
        e.exitCode == 3
        e.line == 2 && e.column == column
        e.message.contains('^ is not a power: Groovy reads it as bitwise exclusive or (2^3 is 1); write a power with ** (x**2, 2**3)')

        where:
        source          | column
        'show 2^3'      | 7
        'f = x^2 + 1'   | 6
        'y = 2; y ^= 3' | 10
    }

    def "division between numbers is double division, not Groovy's 10-digit BigDecimal"() {
        expect:
        run('''
            x = variable(1)
            third = 1/3
            third * 3 == 1.0d
            (x/3).at(x: 1) == 1/3
            sum(0..<10/2) { i -> x }
        ''')*.toText() == ['true', 'true', '5*x']
        new GradusSession().run('1/3', 't.opt')[0].fields().value == 1d / 3
    }

    def "a result's fields read as properties with their JSON names"() {
        when:
        def v = run('''
            x = variable(0)
            r = minimize((x - 3)**2 + 1, method: 'bfgs')
            [r.status, r.method, r.x.x, r.f, r.iterations > 0, r.evaluations.f > 0, r.gradNorm < 1e-6]
            ((x - 3)**2).at(r)
        ''')*.toText()

        then:
        v[0] == '[converged, bfgs, 3, 1, true, true, true]'
        v[1] == '0'
    }

    def "vectors inside shown maps and lists print as lists, not as Java arrays"() {
        expect:
        run('''
            w = vector(2)
            r = minimize(sumsq([w[0] - 1, w[1] + 2]), method: 'newton')
            r.x.w.collect { Math.round(it * 1e6) / 1e6 }
            [a: [1, 2] as double[]]
        ''')*.toText() == ['[1, -2]', '[a: [1, 2]]']
    }

    def "the numbers inside a shown list or map read as a shown number does: 12 significant digits, not 17"() {
        expect: 'the doubles of an L-BFGS fit (was [w:[1.0000000022299653, 0.9999999963864865], b:3.9711190790310915E-8]); 1/3 and 0.1 + 0.2'
        run('''
            [w: [1.0000000022299653d, 0.9999999963864865d], b: 3.9711190790310915e-8d]
            [1.0/3, 0.1d + 0.2d, 2, 1e-20d]
        ''')*.toText() == ['[w: [1.00000000223, 0.999999996386], b: 3.97111907903e-8]', '[0.333333333333, 0.3, 2, 1e-20]']
    }

    def "a schedule shows its values over a range of steps"() {
        when:
        def v = run('''
            stepDecay(every: 2, factor: 0.5).values(0..4)
            warmup(steps: 2, then: constant()).values(0..<4, lr: 0.1)
        ''')*.toText()

        then:
        v[0] == '[1, 1, 0.5, 0.5, 0.25]'
        v[1] == '[0.05, 0.1, 0.1, 0.1]'
    }

    def "a variable takes the name it is assigned to, with or without def"() {
        when:
        def shown = run('''
            alpha = variable(1)
            def beta = variable(2)
            alpha*beta
        ''')

        then:
        shown*.toText() == ['alpha*beta']
        json(shown[0]).variables == ['alpha', 'beta']
    }

    def "a variable takes its name where it is assigned: in a loop, an if, a function, a closure (it was v1, and r.x.x null)"() {
        when: 'the minimum of (x - c)² is at c; of |w - (t, 1)|² at (t, 1)'
        def shown = run('''
            found = []
            for (c in [1, 2]) {
                x = variable(0)
                found << minimize((x - c)**2, method: 'lbfgs').x.x
            }
            found
            if (found) {
                def y = variable(0)
                y
            }
            def fit(t) {
                w = vector(2)
                minimize(sumsq(w - [t, 1]), method: 'lbfgs')
            }
            fit(3).x.keySet()
            make = { t -> def z = variable(t); z }
            make(4)
        ''')

        then:
        shown*.toText() == ['[1, 2]', '[w]', 'z']
    }

    def "only top-level expression statements with a non-null value are shown"() {
        when:
        def shown = run('''
            x = variable(1)
            y = x + 1
            println 'not shown'
            y
            for (k in [1, 2]) { show(k * 10) }
            null
            3.5
        ''')

        then:
        shown*.toText() == ['x + 1', '10', '20', '3.5']
    }

    def "expressions evaluate at a point; names a derivative no longer uses are ignored"() {
        expect:
        run('''
            x = variable(0); y = variable(0)
            f = x**2 + 2*x*y - y
            f.at(x: 1, y: 2)
            partial(f, y).at(x: 1, y: 2)
            partial(f, x, y).at(x: 3, y: -1)
        ''')*.toText() == ['3', '1', '2']
    }

    def "the lecture example: gradient, Hessian, directional derivative"() {
        when:
        def shown = run('''
            x = variable(1); y = variable(2)
            f = x**2 + 2*x*y - y
            grad(f)
            grad(f).at(x: 1, y: 2)
            hessian(f).at(x: 1, y: 2)
            directional(f, [1, 1]).at(x: 1, y: 2)
            grad(f, at: [x: 0, y: 0])
            [grad(f).at(x: 1, y: 2).x, grad(f).at(x: 1, y: 2)['y'], hessian(f).at(x: 1, y: 2)[0][1], hessian(f).at(x: 1, y: 2)[1]]
            grad(f).x
        ''').collect { json(it) }

        then:
        shown[0].symbolic == [x: '2*x + 2*y', y: '2*x - 1']
        shown[1].value == [x: 6, y: 1]
        Math.abs(shown[1].norm - Math.sqrt(37)) < 1e-12
        shown[2].matrix == [[2, 2], [2, 0]]
        shown[2].definiteness == 'indefinite'
        Math.abs(shown[3].value - 7 / Math.sqrt(2)) < 1e-12
        shown[4].value == [x: 0, y: -1]

        and: 'a component by name as a property (g.x, as g[\'x\']), a Hessian entry as numpy reads it (H[0][1]), a row (H[1])'
        shown[5].text == '[6, 1, 2, [2, 0]]'
        shown[6].text == '2*x + 2*y'
    }

    def "the gradient and the Hessian at a run's solution: grad(f).at(r) is 0 and hessian(f).at(r) [[2, 1], [1, 2]] at the minimum of (x - 2)² + xy + y² (by hand: (8/3, -4/3))"() {
        when:
        def shown = run('''
            x = variable(1); y = variable(1)
            f = (x - 2)**2 + x*y + y**2
            r = minimize(f, tol: 1e-10)
            grad(f).at(r)
            hessian(f).at(r)
        ''').collect { json(it) }

        then:
        Math.abs(shown[0].at.x - 8 / 3) < 1e-9 && Math.abs(shown[0].at.y + 4 / 3) < 1e-9
        Math.abs(shown[0].norm as double) < 1e-9
        shown[1].matrix == [[2, 1], [1, 2]]
        shown[1].definiteness == 'positive definite'
    }

    def "taylor approximations of exp at 0 compared with exp at 0.5"() {
        when:
        def v = run('''
            x = variable(0)
            taylor(exp(x), at: [x: 0], order: 1).at(x: 0.5)
            taylor(exp(x), at: [x: 0], order: 2).at(x: 0.5)
            taylor(exp(x), at: [x: 0], order: 2)
        ''')

        then:
        json(v[0]).value == 1.5
        json(v[1]).value == 1.625
        v[2].toText() == '1 + x + x**2/2'
    }

    def "a function of one variable takes its point as a number: taylor(exp(x), at: 0), f.at(2), grad(f, at: 2)"() {
        when:
        def shown = run('''
            x = variable(1)
            f = x**3 - 3*x
            taylor(exp(x), at: 0, order: 4)
            taylor(sin(x), at: 1, order: 3)
            f.at(2)
            grad(f, at: 2)
            grad(f).at(-1)
            hessian(f, at: 0.5)
            differentiable(abs(x), at: 0)
        ''')

        then: 'the same as the map forms: e^x = 1 + x + x²/2 + x³/6 + x⁴/24 at 0; f(2) = 2, f′(2) = 9, f′(−1) = 0, f″(0.5) = 3'
        shown[0].toText() == '1 + x + x**2/2 + x**3/6 + x**4/24'
        shown[1].toText() == run('x = variable(1); taylor(sin(x), at: [x: 1], order: 3)')[0].toText()
        json(shown[2]).value == 2
        json(shown[3]).value == [x: 9]
        json(shown[4]).value == [x: 0]
        json(shown[5]).matrix == [[3]]
        json(shown[6]).differentiable == false
    }

    def "a number as the point of a function of several variables, or of a vector, says which map it needs"() {
        when:
        run(source)

        then:
        def e = thrown(Exception)
        e.message.contains(message)

        where:
        source                                                     | message
        'x = variable(0); y = variable(0); taylor(x*y, at: 0)'     | 'at must be a map like [x: 1, y: 1]: a number alone names a point only of a function of one scalar variable, and this one has the variables x, y'
        'w = vector(3); f = sum(0..<3) { i -> w[i]**2 }; f.at(1)'  | 'this one has the vector w'
    }

    def "sum over a range keeps one node and differentiates exactly"() {
        when:
        def v = run('''
            n = 1000
            x = vector(n, start: 0.5)
            f = sum(0..<n/2) { i -> 100*(x[2*i+1] - x[2*i]**2)**2 + (1 - x[2*i])**2 }
            f
            f.at(x: [0.5] * n)
            grad(f).at(x: [1] * n).norm()
        ''')

        then:
        v[0].toText() == 'sum(0..<500) { i -> 100*(x[2*i + 1] - x[2*i]**2)**2 + (1 - x[2*i])**2 }'
        // each pair: 100*(0.5 - 0.25)^2 + 0.25 = 6.5
        Math.abs(json(v[1]).value - 500 * 6.5) < 1e-9
        json(v[2]).value == 0
    }

    def "vector functions print as written and evaluate"() {
        when:
        def v = run('''
            w = vector(3, start: 1)
            A = matrix([[2, 1, 0], [1, 3, 0], [0, 0, 1]])
            norm2(w)
            norm2(w).at(w: [3, 4, 0])
            quadForm(w, A).at(w: [1, 1, 1])
            dot(w, [1, 2, 3]).at(w: [1, 1, 1])
            elasticNet(w, 0.5).at(w: [1, -2, 0])
            logsumexp(w).at(w: [0, 0, 0])
        ''').collect { it.kind() == 'number' ? String.valueOf(json(it).value) : it.toText() }

        then:
        v[0] == 'norm2(w)'
        v[1] == '5'
        v[2] == '8'
        v[3] == '6'
        v[4] == '4' // 0.5*3 + 0.5*5
        Math.abs(Double.parseDouble(v[5]) - Math.log(3)) < 1e-12
    }

    def "norm(v) is numpy's and CVXPY's norm: the Euclidean norm, or with p = 1 the sum of |v_i| (by hand: |(3, 4, 0)| = 5, |3| + |-4| = 7)"() {
        when:
        def v = run('''
            w = vector(3, start: 1)
            norm(w)
            norm(w).at(w: [3, 4, 0])
            norm(w, 1).at(w: [3, -4, 0])
            grad(norm(w)).at(w: [3, 4, 0]).value
        ''').collect { it.kind() == 'number' ? String.valueOf(json(it).value) : it.toText() }

        then: 'the same atoms as norm2 and norm1, so the same printing, derivatives and convexity'
        v[0] == 'norm2(w)'
        v[1] == '5'
        v[2] == '7'
        v[3].contains('0.6') && v[3].contains('0.8')

        when:
        run('w = vector(3)\nnorm(w, 3)')

        then:
        def e = thrown(GradusException)
        e.message.contains('norm(v, p): p is 1 or 2 (given 3); the largest |v_i| is max(abs(v))')
    }

    def "== between values is Groovy's; with an expression it is a located error, not a silent false (#statement)"() {
        when:
        run("x = variable(1)\nw = vector(2)\n$statement")

        then:
        def e = thrown(GradusException)
        e.message.contains("$operator compares values, and the expression")
        e.message.contains('compare values, as in f.at(r) == 1')
        e.line == 3
        e.column == column

        where: 'the column of the operator'
        statement                                 | operator | column
        'x == 1 ? x**2 : x'                       | '=='     | 3
        'sum(0..<2) { i -> w[i] == 0 ? 1 : 0 }'   | '=='     | 24
        'x**2 != 4'                               | '!='     | 6
        'x == x'                                  | '=='     | 3
        'w == [1, 2]'                             | '=='     | 3
    }

    def "an expression as a condition is a located error, not a silent true (#statement)"() {
        when:
        run("x = variable(1)\nw = vector(2)\n$statement")

        then:
        def e = thrown(GradusException)
        e.message.contains('is used as a condition, but it is neither true nor false until it is evaluated at a point')
        e.line == 3
        e.column == column

        where: 'the column of the condition'
        statement                                | column
        'x ? x**2 : x'                           | 1
        'if (x) { 1 }'                           | 5
        '!x'                                     | 2
        'y = 1; x && true'                       | 8
        'sum(0..<2) { i -> w[i] ? 1 : 0 }'       | 19
        'w ? 1 : 0'                              | 1
    }

    def "conditions on values keep Groovy's truth: numbers, lists, results, null, comparisons; the Elvis operator keeps its null test"() {
        expect:
        run('''
            x = variable(1)
            r = minimize((x - 2)**2)
            k = 0
            while (k < 3) { k++ }
            [r ? 1 : 0, [] ? 1 : 2, 0 ? 1 : 2, !null, r.f < 1 && k == 3, (x ?: 1).toString()]
        ''')[0].toText() == '[1, 2, 2, true, true, x]'
    }

    def "== and != keep their meaning on numbers, strings, lists and null; constraints and asserts keep theirs"() {
        expect:
        run('''
            x = variable(1)
            [1 == 1.0, 'a' != 'b', [1, 2] == [1, 2], x != null, [0, 1.5, 0].count { it == 0 }]
        ''')[0].toText() == '[true, true, true, true, 2]'
        run('a = variable(0.5)\nb = variable(0.5)\nminimize(a + b, subjectTo: { a**2 + b**2 == 2 }).status.toString()')[0].toText() == 'converged'

        when:
        run('x = variable(1)\nassert x.at(x: 2) == 3')

        then:
        def e = thrown(GradusException)
        e.message.contains('assertion failed: assert x.at(x: 2) == 3')
    }

    def "losses follow their definitions"() {
        expect:
        Math.abs(Double.parseDouble(run("z = variable(0)\n$text")[0].toText()) - expected) < 1e-12

        where:
        text                                              | expected
        'squaredError(z, 3).at(z: 1)'                     | 4
        'absoluteError(z, 3).at(z: 1)'                    | 2
        'huber(z, 0).at(z: 0.5)'                          | 0.125
        'huber(z, 0, 1).at(z: 3)'                         | 2.5
        'logLoss(z, 1).at(z: 0)'                          | Math.log(2)
        'logLoss(z, 0).at(z: 800)'                        | 800
        'hinge(z, 1).at(z: 0.25)'                         | 0.75
        'hinge(z, 0).at(z: 0.25)'                         | 1.25
    }

    def "variables several at once and --set values are visible to the script"() {
        given:
        def session = new GradusSession()
        session.predefined.lr = 0.5

        expect:
        session.run('''
            variables a: 1, b: 2
            a*b*lr
        ''', 't.opt')*.toText() == ['a*b/2']
    }

    def "variables persist between runs of one session"() {
        given:
        def session = new GradusSession()

        when:
        session.run('x = variable(3)', 'a.opt')
        def shown = session.run('x**2', 'b.opt')

        then:
        shown*.toText() == ['x**2']
        session.variables().keySet() == ['x'] as Set
    }
}
