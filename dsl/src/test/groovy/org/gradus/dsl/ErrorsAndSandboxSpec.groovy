package org.gradus.dsl

import spock.lang.Specification
import spock.lang.Unroll

/** Located errors, exit codes, and the sandbox. */
class ErrorsAndSandboxSpec extends Specification {

    GradusException failure(String source) {
        try {
            new GradusSession().run(source, 'bad.opt')
        } catch (GradusException e) {
            return e
        }
        throw new AssertionError('expected the script to fail')
    }

    def "a syntax error is exit code 3 at its line and column, with a caret"() {
        when:
        def e = failure('x = variable(1)\nf = (x - 1)**2\nminimize f method: \'lbfgs\')\n')

        then:
        e.exitCode == 3
        e.line == 3
        e.column == 27
        e.report().startsWith('bad.opt:3:27: error: ')
        e.report().readLines()[2].indexOf('^') == 2 + 26
    }

    def "a script that stops in the middle of an expression points at what is left open, not at the end of the file"() {
        when: 'the last line ends with an operator, then blank lines follow'
        def e = failure('x = variable(1)\nf = x**2 +\n\n')

        then: 'exit code 3 at the + (line 2, column 10), the caret under it'
        [e.exitCode, e.line, e.column] == [3, 2, 10]
        e.message.contains("the script ends in the middle of a statement: '+' needs something after it")
        e.report().readLines()[1..2] == ['  f = x**2 +', '           ^']
    }

    def "a runtime error points at the script line and the column of the failing name, without a stack trace"() {
        when:
        def e = failure('x = variable(1)\n\n  y = x + undefinedName\n')

        then:
        e.exitCode == 1
        e.line == 3
        e.column == 11
        e.message.contains("unknown name 'undefinedName'")
        !e.report().contains('\tat ')
    }

    def "Python written in a script, or a sign of printed mathematics copied into it, says how Groovy writes it, at its line (#what)"() {
        when:
        def e = failure('x = variable(1)\n' + line + '\n')

        then:
        e.line == 2
        e.exitCode == code
        e.message.contains(hint)

        where:
        what                 | line                           | code | hint
        'def'                | 'def f(t):'                    | 3    | "that is Python's def: a function of the variables is an expression, f = x**2 + y"
        'for ... in'         | 'for i in range(3): print(i)'  | 3    | "that is Python's for: Groovy writes for (i in 0..<3) { println i }"
        'if ...:'            | 'if x > 0:'                    | 3    | 'Groovy puts the condition in parentheses and the body in braces'
        'a dict'             | "items = {'a': 1}"             | 3    | "Groovy writes a map with square brackets, [a: 1, b: 2]"
        'c if t else d'      | 'y = x if x > 0 else 0'        | 3    | 'Groovy writes c ? a : b'
        'lambda'             | 'f = lambda t: t**2'           | 1    | "unknown name 't'; that is Python's lambda: Groovy writes a closure, { t -> t**2 }"
        'an f-string'        | "println(f'{x}')"              | 1    | "no function 'f'; that is a Python f-string: Groovy writes \"x = \${x}\""
        'and'                | 'y = true and false'           | 1    | "unknown name 'and'; Groovy writes and, or, not as &&, ||, !"
        'not'                | 'y = not x'                    | 1    | "no function 'not'; Groovy writes and, or, not as &&, ||, !"
        'None'               | 'z = None'                     | 1    | "unknown name 'None'; Groovy writes True, False, None as true, false, null"
        'math.sin'           | 'f = math.sin(x)'              | 1    | "unknown name 'math'; in Gradus, sin(x), exp(x), log(x), sqrt(x) are Gradus's own functions"
        'np.exp'             | 'f = np.exp(x)'                | 1    | "unknown name 'np'; in Gradus, the vocabulary needs no import"
        'range'              | 'r = range(3)'                 | 1    | "no function 'range'; in Gradus, a range of whole numbers is 0..<n (range(n))"
        'method='            | "minimize(x**2, method='adam')" | 1   | "minimize does not take (an expression, a text); it is written minimize(a value) or minimize(a value, name: value, …); that is Python's keyword argument: Groovy writes an option as name: value, minimize(f, method: 'adam', lr: 0.1)"
        'lr ='               | 'minimize x**2, lr = 0.1'      | 1    | "that is Python's keyword argument: Groovy writes an option as name: value"
        'minus sign'         | 'f = x − 1'                    | 3    | "unexpected character: '−'; '−' is the minus sign of printed mathematics: a script writes the hyphen '-', x - 1"
        'x²'                 | 'f = x²'                       | 3    | "'²' is a superscript: a script writes a power with **, x**2"
        '≥'                  | 'minimize x**2, subjectTo: { x ≥ 1 }' | 3 | "'≥' is written '>=' in a script: x >= 1"
        '|x|'                | 'f = |x| + 1'                  | 3    | "unexpected input: '|'; |x| is written abs(x) in a script"
        'π'                  | 'f = π*x'                      | 1    | "unknown name 'π'; in Gradus, π is Math.PI"
        'print(end=)'        | "print('a', end='')"           | 1    | "no function 'print'; that is Python's print with keywords: Groovy's print takes one value and ends no line (print 'a')"
    }

    def "words of Python inside a text are not habits: the unknown name is reported as it is"() {
        when:
        def e = failure('println "x and y: None " + z\n')

        then:
        e.message.startsWith("unknown name 'z'")
        !e.message.contains('Groovy writes')
    }

    @Unroll
    def "a name declared without a value (#declaration) is named at its use, with the declaration that left it null: #use"() {
        when:
        def e = failure("${declaration}\n${use}\n")

        then:
        e.exitCode == 1
        [e.line, e.column] == [2, column]
        e.message.startsWith("'x' has no value: line 1 declares it ('${declaration}') without one")
        e.message.contains('x = variable(0)')
        !e.message.contains('Ambiguous') && !e.message.contains('null object')

        where:
        declaration       | use               || column
        'var x'           | 'show 1/x'        || 8
        'def x'           | 'f = x**2'        || 5
        'var x; var y'    | 'minimize x**2 + y' || 10
    }

    def "a null that no bare declaration explains is still said in words: an operator got null"() {
        when:
        def e = failure("def f\nf = 2\ng = null\nshow f + g\n")

        then: 'f was assigned after its declaration: not blamed'
        e.line == 4
        e.message == "a value on this line is null (a name declared without a value, or a statement that gives nothing): '+' needs a number or an expression, and got null"
    }

    @Unroll
    def "show(a) or println (a) followed by more ('#line') says that it gives nothing and how to write it"() {
        when:
        def e = failure("x = variable(1)\nw = vector(2)\n${line}\n")

        then:
        e.exitCode == 1
        e.line == 3
        e.message == "${word}(...) ${verb} its argument and gives nothing, so '${rest}' after it acts on nothing; put the whole expression inside: ${fixed}"

        where:
        line                             | word      | verb     | rest                   || fixed
        'show(x + 1).at(x: 2)'           | 'show'    | 'shows'  | '.at(x: 2)'            || 'show((x + 1).at(x: 2))'
        'show(x + 1)*2'                  | 'show'    | 'shows'  | '*2'                   || 'show((x + 1)*2)'
        'show(w)[0]'                     | 'show'    | 'shows'  | '[0]'                  || 'show(w[0])'
        'println (w * 2).at(w: [1, 2])'  | 'println' | 'prints' | '.at(w: [1, 2])'       || 'println((w * 2).at(w: [1, 2]))'   // Groovy reads println (a).b as println(a).b
    }

    def "println [a] == b, which Groovy reads as an index into println, says to put the parentheses in"() {
        when:
        def e = failure("w = vector(2)\nprintln [2, 4] == (w * 2).at(w: [1, 2])\n")

        then:
        e.line == 2
        e.message == "Groovy reads 'println [' as an index into a variable named println; put the parentheses in: println([2, 4] == (w * 2).at(w: [1, 2]))"
    }

    def "an array's numbers equal a list's, element by element, either way round (numpy's array_equal): w.at(r) == [2, 4]"() {
        expect: 'by hand: 2·[1, 2] = [2, 4]; a matrix as a list of rows'
        new GradusSession().run("w = vector(2)\nA = matrix(2, 2)\n[(w * 2).at(w: [1, 2]) == [2, 4], [2, 4] == (w * 2).at(w: [1, 2]), (w * 2).at(w: [1, 2]) == [2, 5], " +
                "A.at(A: [[1, 2], [3, 4]]) == [[1, 2], [3, 4]], (w * 2).at(w: [1, 2]) != [2, 4]]")*.toText() == ['[true, true, false, true, false]']
    }

    def "a NaN from arithmetic on numbers cannot enter an expression: #source"() {
        given: 'as doubles (and numpy) (-8)**(1/3), 0/0 and sqrt(-1) are NaN; x**0.5 + NaN was an expression that spread it'
        when:
        def e = failure("x = variable(1)\n$source\n")

        then:
        e.exitCode == 1
        e.line == 2
        e.column == column
        e.message.startsWith(what + ' is NaN (not a number)')
        e.message.contains('the real cube root of -8 is -(8**(1/3))')

        where:
        source                  | what                   | column
        'x**0.5 + (-8)**(1/3)'  | 'the right side of +'  | 8
        'f = 0/0 * x'           | 'the left side of *'   | 9
        'log(Math.sqrt(-1))'    | 'the argument of log'  | 1
    }

    def "comparing an expression with a number says it has no value until evaluated, and how to write a step"() {
        when:
        def e = failure("w = vector(2)\nb = variable(0)\nz = w[0] + b\nok = z > 0 ? 1 : 0\n")

        then:
        e.exitCode == 1
        e.line == 4
        e.column == 8
        e.message.contains("Cannot compare an expression with value 'w[0] + b' and a number")
        e.message.contains('compare values (f.at(r) > 0') && e.message.contains('(sign(z) + 1)/2 is 1 where z > 0')

        when: 'a variable, after a range written with ..<'
        e = failure("x = variable(1)\nk = sum(0..<2) { i -> x**i } <= 2 ? 1 : 0\n")

        then:
        e.column == 30
        e.message.contains('an expression is not a number until it is evaluated at a point')
    }

    @Unroll
    def "'#line' is a declaration to Groovy ('unable to resolve class #word'); the message says what to write"() {
        when:
        def e = failure("x = variable(1)\n${line}\n")

        then:
        e.exitCode == 3
        e.line == 2
        e.message.endsWith(advice)

        where:
        line                      | word       || advice
        'show accuracy = x*2 + 1' | 'show'     || "name the value on one line and show it on the next: accuracy = x*2 + 1, then show accuracy"
        'minimize r = (x - 1)**2' | 'minimize' || "write r = minimize((x - 1)**2)"
    }

    def "a capitalised name alone on a line before a call is a method declaration to Groovy; the message says to show it"() {
        when: 'Groovy says "You cannot define a method[exp] without method body"'
        def e = failure("A = matrix([[2, 1], [1, 3]])\nA\nexp(A)\n")

        then:
        e.exitCode == 3
        e.line == 2
        e.message == "Groovy reads 'A' alone on a line, with 'exp(...)' on the next, as declaring a method exp with the return type A " +
                "(a name starting with a capital letter is read as a type); show it with show A"
    }

    def "show [a: 1] (a map entry where Groovy reads an index) says to put the map in parentheses, without the parser's own place"() {
        when:
        def e = failure("show [a: 1/3]\n")

        then:
        e.exitCode == 3
        e.line == 1
        e.message == "a map entry (name: value) is not allowed here; Groovy reads 'show [a: 1]' as an index into a value named show; " +
                "put the map in parentheses: show([a: 1])"
    }

    @Unroll
    def "variable(#start) makes one number; the message names the vector to write instead"() {
        when:
        def e = failure("w = variable(${start})\n")

        then:
        e.exitCode == 1
        [e.line, e.column] == [1, 5]
        e.message.contains(advice)

        where:
        start          || advice
        'vector(2)'    || 'vector(2) is already a variable (one per element), so it needs no variable(...) around it: write w = vector(2)'
        'matrix(2, 3)' || 'write w = matrix(2, 3)'
        '[1, 2]'       || 'for a vector of 2 starting at [1, 2] write w = vector(2, start: [1, 2])'
    }

    @Unroll
    def "a script file may share its name with a variable or a Java keyword (#file)"() {
        when:
        def shown = new GradusSession().run("x = variable(2)\n${name} = x**2 + 1\n${name}.at(x: 3)\n", file)*.toText()
        def e = failure2("x = variable(2)\n${name} = x**2\n\ny = ${name} + nothing\n", file)

        then:
        shown == ['10']
        e.report().startsWith("${file}:4:")              // runtime errors still point into the file
        e.message.contains("unknown name 'nothing'")

        where:
        file        | name
        'rosen.opt' | 'rosen'
        'long.opt'  | 'f'
        'f.opt'     | 'f'
    }

    GradusException failure2(String source, String file) {
        try {
            new GradusSession().run(source, file)
        } catch (GradusException e) {
            return e
        }
        throw new AssertionError('expected the script to fail')
    }

    def "bad arguments to built-ins say what was expected"() {
        expect:
        failure(source).message.contains(text)

        where:
        source                                       | text
        'x = variable(1, lowr: 0)'                   | "variable has no option 'lowr'; valid options: lower, upper"
        'x = variable(1)\nexp("a")'                  | 'must be a number or an expression'
        'x = variable(5, lower: 0, upper: 1)'        | 'start value 5 is outside the bounds [0, 1]: a start lies within its bounds (the nearest is 1)'
        'w = vector(2, start: [0.5, -2], lower: -1)' | 'start value -2 is outside the bounds [-1, ∞]: a start lies within its bounds (the nearest is -1)'
        'x = variable(1)\ngrad(x**2)(x: 1)'          | 'a gradient is not called like a function: evaluate it at a point with .at(x: 1)'
        'x = variable(1)\nf = 2x + 1'                | 'is not a product here (2x, 3(x + 1)): write the * that math leaves out, 2*x'
        'x = variable(1)\nf = 3(x + 1)'              | 'is not a product here (2x, 3(x + 1)): write the * that math leaves out, 2*x'
        'x = variable(3)\nr = minimize((x - 1)**2)\nprintln r.status() + \' \' + r.x' | "a run's status cannot be joined to a text with +: write the text first ('status: ' + r.status())"
        'x = variable(1)\ndirectional(x**2, [0])'    | 'the zero vector'
        'w = vector(3)\nw[3]'                        | 'outside w[0..2]'
        'x = variable(1)\nassert x.at(x: 1) == 2'    | 'assertion failed'
        'x = variable(1)\nsum(0..<2.5) { i -> x }'   | 'must be a whole number'
        'x = variable(1)\nsum(3..0) { i -> x }'      | 'an increasing range'
        'x = variable(1)\ngrad(x).at(x: 1).nrm'      | "a gradient at a point has no property 'nrm'; did you mean 'norm'?"
        'x = variable(1)\nexpp(x)'                   | "no function 'expp'; did you mean 'exp'?"
        'x = variable(1)\ncontinuous(abs(x), 0)'     | "no function 'continuous'; in Gradus, continuity at a point is part of differentiable(f, at: [x: 0])"
        'x = variable(1)\ngradient(x**2)'            | "no function 'gradient'; in Gradus, the gradient is grad(f)"
        'x = variable(1)\ndiff(x**2, x)'             | "no function 'diff'; in Gradus, derivatives are partial(f, x)"
        'x = variable(1)\nstationaryPoints(x**2)'   | "no function 'stationaryPoints'; did you mean 'stationary'?"
        'x = variable(1)\nhess(x**2)'               | "no function 'hess'; did you mean 'hessian'?"
        'x = variable(1)\ncriticalPoints(x**2)'     | "no function 'criticalPoints'; in Gradus, stationary(f, over: [x: -3..3]) finds"
        'x = variable(1)\nisConvex(x**2)'           | "no function 'isConvex'; in Gradus, convexity(f) says convex, concave, linear or neither"
        'x = variable(1)\nln(x)'                    | "no function 'ln'; in Gradus, the natural logarithm is log(x)"
        'x = variable(1)\nr = minimize(x**2)\nconvergence(r)' | "no function 'convergence'; in Gradus, plot r draws a run's convergence (f − f* and |∇f| per iteration); plot r1, r2, r3 several runs on one picture"
        'x = variable(1)\ny = variable(1)\ncontour(x*y)'    | "no function 'contour'; in Gradus, plot f, x: -2..2, y: -2..2 draws the level sets of f"
        'x = variable(1)\nf = x**2\nf.subs(x, 2)'    | "an expression has no method 'subs'; in Gradus, an expression at a point is f.at(x: 2)"
        'x = variable(1)\nloss = x**2\nloss.diff(x)' | "an expression has no method 'diff'; in Gradus, the derivative is partial(loss, x), the gradient grad(loss)"
        'x = variable(1)\nloss = x**2\nloss.backward()' | "an expression has no method 'backward'; in Gradus, the gradient is computed when asked: grad(loss)"
        'eye(2)'                                     | "no function 'eye'; in Gradus, a matrix of numbers is matrix([[1, 0], [0, 1]])"
        'x = vector(2)\ntranspose(x)'               | "no function 'transpose'; in Gradus, the transpose of a matrix is A.T"
        'randn(3)'                                   | "no function 'randn'; in Gradus, a variable with a random start is vector(n, init: 'normal', seed: 1)"
        'x = variable(1)\nsin(pi/2)'                | "unknown name 'pi'; in Gradus, π is Math.PI"
        'x = variable(1)\nMath.exp(x)'              | 'Math.exp takes numbers, and x is an expression: write exp(...), the Gradus function'
        'x = variable(1)\n(x**2).at()'               | 'at must be a map like [x: 1, y: 2], not nothing'
        'x = variable(1)\nminimize x**2, schedule: cosine(0.5, 100)' | 'cosine does not take (a number, a number): it takes named options, cosine(period: 1000, min: 0)'
        'x = variable(1)\ny = variable(2)\nf = x**2 + y\nf(x: 1, y: 2)' | 'f is an expression, not a function: evaluate it at a point with f.at(x: 1, y: 2)'
        'x = variable(1)\ny = variable(2)\nf = x**2 + y\nf(3, 0.5)'    | 'evaluate it at a point with f.at(x: 3, y: 0.5)'
        'w = vector(2)\nminimize(sumsq(w))\nw.value' | "a vector or matrix variable has no property 'value'; in Gradus, a variable keeps only its start; a run's value of it is in the run's result: r = minimize(f), then r.x.w"
        'x = variable(1)\nx.grad'                   | "a variable has no property 'grad'; in Gradus, the gradient belongs to a function"
        'x = variable(1)\nx(2)'                     | 'x is a variable, not a function'
        'w = vector(2)\nw(0)'                       | 'its elements are w[0], w[1], …'
        'x = variable(1)\nconvexity("abc", 3)'      | 'convexity does not take (a text, a number); it is written convexity(a value) or convexity(a value, name: value, …)'
        'x = variable(1)\ny = variable(1)\nlimit(x*y, [x: 0, y: 0])' | 'name: value pairs are written without square brackets: limit(…, x: 0, y: 0), not limit(…, [x: 0, y: 0])'
        'x = variable(1)\nr = minimize((x - 2)**2)\nr.fun'    | "a minimize result has no property 'fun'; in Gradus, the objective's value at the solution is r.f"
        'x = variable(1)\nr = minimize((x - 2)**2)\nr.success' | "in Gradus, whether the run converged is r.status == 'converged'"
        'x = variable(1)\nfit = minimize((x - 2)**2)\nfit.history' | 'in Gradus, the recorded iterates are fit.trace'
        'x = variable(1)\nr = minimize((x - 2)**2)\nr.foo'    | "a minimize result has no property 'foo'; if foo is a variable, its value there is foo.at(r) (or r.x.foo); the result's properties are constraints, evaluations, f, gradNorm, iterations, maxViolation, message, method, seconds, status, trace, x"
        'w = vector(2)\nlasso = minimize(sumsq(w))\nlasso.w' | "a minimize result has no property 'w'; if w is a variable, its value there is w.at(lasso) (or lasso.x.w); the result's properties are"
        'x = variable(1)\ngrad(x**2).at("x")'      | "a gradient's at does not take (a text); it takes (a map) or (a number) or (a minimize result)"
    }

    @Unroll
    def "the sandbox refuses #what with exit code 4 at compile time"() {
        when:
        def e = failure("x = variable(1)\n$source\n")

        then:
        e.exitCode == 4
        e.line == 2

        where:
        what                    | source
        'processes'             | '"touch /tmp/owned".execute()'
        'exit'                  | 'System.exit(1)'
        'files'                 | 'new File("/etc/passwd").text'
        'file classes by name'  | 'java.nio.file.Files.readAllLines(null)'
        'sockets'               | 'new java.net.Socket("localhost", 80)'
        'reflection'            | 'x.getClass().getDeclaredMethods()'
        'class loading'         | 'Class.forName("java.lang.Runtime")'
        'metaClass'             | 'String.metaClass.foo = { 1 }'
        'dynamic method names'  | 'def m = "exe" + "cute"; "ls"."$m"()'
        'evaluate'              | 'evaluate("1 + 1")'
        'threads'               | 'new Thread({ -> }).start()'
        'imports'               | 'import java.io.File'
        'Runtime'               | 'Runtime.runtime'
        'method pointers'       | 'def p = "ls".&execute'
        'class objects'         | 'Math.class.simpleName'
        'class as a value'      | 'def c = Math; c.getResource("/")'
        'Class members'         | 'Math.getResource("/")'
    }

    def "ordinary Groovy still works inside the sandbox"() {
        expect:
        new GradusSession().run('''
            def xs = [1, 2, 3].collect { it * 2 }
            def m = [a: 1] + [b: 2]
            xs.sum() + m.size() + Math.sqrt(16) + Math.max(0, Math.PI - Math.PI)
        ''', 'ok.opt')*.toText() == ['18']
    }
}
