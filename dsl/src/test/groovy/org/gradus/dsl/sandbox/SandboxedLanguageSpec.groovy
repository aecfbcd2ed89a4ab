package org.gradus.dsl.sandbox

import org.gradus.dsl.GradusException
import org.gradus.dsl.GradusSession
import spock.lang.Specification
import spock.lang.Unroll

/**
 * The sandbox must not break the language: ordinary Groovy that computes — operators, collections,
 * closures, loops, functions, string interpolation, Math — and every Gradus word and result member runs
 * under the guard exactly as it would without it (each case is also run without the sandbox, and both
 * must show the same), and a missing member is still an ordinary error (exit code 1), not a refusal.
 */
class SandboxedLanguageSpec extends Specification {

    static List<String> shown(String source, boolean sandboxed = true) {
        def session = new GradusSession()
        session.sandboxed = sandboxed
        session.scriptOut = new PrintStream(new ByteArrayOutputStream(), true)
        session.run(source, 'ok.opt')*.toText()
    }

    static String printed(String source) {
        def out = new ByteArrayOutputStream()
        def session = new GradusSession()
        session.scriptOut = new PrintStream(out, true, 'UTF-8')
        session.run(source, 'ok.opt')
        out.toString('UTF-8')
    }

    @Unroll
    def "#what works in the sandbox"() {
        expect:
        shown(source) == expected
        shown(source, false) == expected

        where:
        what                                | source                                                                                  || expected
        'expression operators'              | 'x = variable(1); y = variable(2)\n2*x + y**2 - x/2 - -y + 1'                           || ['3*x/2 + y**2 + y + 1']
        // ∂(x²y + y³)/∂x = 2xy and ∂/∂y = x² + 3y², 13 at (1, 2); ∂(w·(1, 2, 3) + x·w₁)/∂w₁ = 2 + x
        'a gradient by index, name or variable' | 'x = variable(1); y = variable(2); w = vector(3); g = grad(x**2*y + y**3)\n[g[0], g["y"], g[y], g.size(), g.at(x: 1, y: 2)[y], g.at(x: 1, y: 2)[0], grad(dot(w, [1, 2, 3]) + x*w[1])[w[1]]]' || ['[2*x*y, x**2 + 3*y**2, x**2 + 3*y**2, 2, 13, 4, x + 2]']
        'number operators'                  | '7 % 3 + 7.intdiv(2) + 2**10 + (5 << 1) + (6 & 3) + (6 | 1) + ~0'                      || ['1046']
        'division of numbers'               | '1/4 + 3/2'                                                                             || ['1.75']
        'comparisons and truth'             | 'def a = 1; a < 2 && a != 3 && !(a >= 2) && (a <=> 1) == 0 ? "yes" : "no"'             || ['yes']
        'strings and GStrings'              | 'def n = "ab"; def g = "${n}-${n.size()}"; g.toUpperCase() + "!" * 2 + "x".padLeft(3)'  || ['AB-2!!  x']
        'lazy GString'                      | 'def n = 1; def g = "${-> n}"; n = 2; g.toString()'                                     || ['2']
        'lists'                             | 'def l = [3, 1, 2]; l << 4; l += [5]; l.sort(); [l, l.sum(), l*.toString().join(), l[1..2], l[-1], l.collect { it * 2 }.findAll { it > 4 }]' || ['[3, 1, 2, 4]', '[3, 1, 2, 4, 5]', '[1, 2, 3, 4, 5]', '[[1, 2, 3, 4, 5], 15, 12345, [2, 3], 5, [6, 8, 10]]']
        'list element updates'              | 'def l = [1, 2, 3]; l[0] = 10; l[1] += 5; l[2]++; ++l[2]; l'                           || ['7', '3', '5', '[10, 7, 5]']
        'maps'                              | 'def m = [a: 1]; m.b = 2; m["c"] = 3; m.a += 1; m.b++; [m, m.keySet().size(), m.collect { k, v -> k + v }.join(",")]' || ['2', '2', '[[a: 2, b: 3, c: 3], 3, a2,b3,c3]']
        'a closure stored in a map'         | 'def ops = [sq: { it * it }]; ops.sq(3)'                                                || ['9']
        'ranges'                            | '(1..4).sum() + (0..<3).size() + (1..10).step(3).size()'                                || ['17']
        'for loops'                         | 'def s = 0; for (i in 1..3) s += i; for (int j = 0; j < 3; j++) { s += j }; s'          || ['9']
        'while and postfix values'          | 'def i = 0; def seen = []; while (i < 3) { seen << i++ }; [seen, i]'                    || ['[[0, 1, 2], 3]']
        'script variables in loops'         | 't = 0\nfor (k in 1..4) { t += k; t++ }\nt'                                             || ['14']
        'multiple assignment'               | 'def (a, b) = [1, 2]\n(c, d) = [3, 4]\na + b + c + d'                                   || ['10']
        'switch and in'                     | 'def r = []; for (v in [1, "x", 7]) { switch (v) { case 1: r << "one"; break; case String: r << "str"; break; case 5..9: r << "mid" } }; [r, 2 in [1, 2]]' || ['[[one, str, mid], true]']
        'functions'                         | 'def sq(x) { x * x }\ndef fact(int n) { n <= 1 ? 1 : n * fact(n - 1) }\nsq(3) + fact(5)' || ['129']
        'default parameters (constants)'    | 'def f(x, k = 2) { x * k }\nf(3) + f(3, 3)'                                            || ['15']
        'closures in variables'             | 'sq = { it * it }\ndef twice = { f, v -> f(f(v)) }\ntwice(sq, 3)'                       || ['81']
        'closures calling closures'         | 'inc = { it + 1 }\nadd2 = { v -> inc(inc(v)) }\n[1, 2].collect { add2(it) }'             || ['[3, 4]']
        'method pointers and curry'         | 'def sq(x) { x * x }\ndef p = this.&sq\ndef add = { a, b -> a + b }.curry(10)\n[1, 2].collect(p) + [add(1)]' || ['[1, 4, 11]']
        'Math and constants'                | 'Math.max(2, Math.sqrt(16)) + Math.PI.round() + (Double.isNaN(Double.NaN) ? 1 : 0) + Integer.MAX_VALUE.intdiv(Integer.MAX_VALUE)' || ['9']
        'typed declarations and casts'      | 'double lr = 0.1; int n = 3; List l = [1]; Map m = [:]; String s = "a"\n(int) 2.7 + (n as double) + ("2" as Integer) + lr' || ['7.1']
        'exceptions'                        | 'def r; try { throw new IllegalArgumentException("bad") } catch (IllegalArgumentException e) { r = e.message }; r' || ['bad']
        'safe navigation and elvis'         | 'def m = null; def l = [a: null]; [m?.size(), l.a?.x, m ?: "dflt"]'                     || ['[null, null, dflt]']
        'a variable named out'              | 'out = 5\nout + 1'                                                                       || ['6']
        'sum over an index'                 | 'w = vector(3, start: [1, 2, 3])\nf = sum(0..<3) { i -> w[i]**2 }\nf.at(w: [1, 2, 3])'  || ['14']
        'a constant matrix transposed'      | 'A = matrix([[2, 1], [1, 3]])\nA.T * [1, 0]'                                          || ['[2, 1]']
        'gradient and Hessian members'      | 'x = variable(1)\ng = grad(x**2).at(x: 3)\nh = hessian(x**3).at(x: 1)\n[g.norm(), g["x"], h.eigenvalues()]' || ['[6, 6, [6]]']
        'gradient fields as properties'     | 'x = variable(1)\ny = variable(1)\ng = grad(x**2 + 2*x*y - y).at(x: 1, y: 2)\n[g.norm.round(6), g.value]' || ['[6.082763, [6, 1]]']
        'result fields'                     | 'x = variable(3)\nr = minimize((x - 1)**2, method: "lbfgs")\n[r.status, r.x.x.round(6), r.f < 1e-12, r.iterations > 0]' || ['[converged, 1, true, true]']
        'constraints'                       | 'x = variable(0); y = variable(0)\nr = minimize((x - 2)**2 + (y - 1)**2, subjectTo: { x + y <= 1; x >= 0 })\n(r.x.x + r.x.y).round(4)' || ['1']
        'show in a loop'                    | 'x = variable(0)\nfor (lr in [0.1, 0.2]) show minimize((x - 1)**2, method: "gd", lr: lr).status' || ['converged', 'converged']
        'schedules'                         | 'cosine(period: 4).values(0..<3).collect { it.round(3) }'                               || ['[1, 0.854, 0.5]']
        'expression printing'               | 'x = variable(1)\n(x + 1).latex()'                                                      || ['x + 1']
    }

    def "println, print and printf go to the run's text stream, also from closures, whatever the script calls out"() {
        expect:
        printed('out = 3\nprintln "a"\nprint "b"\nprintf("%d%n", 7)\n[1].each { println "c$it" }\nprintln()') == 'a\nb7\nc1\n\n'
    }

    @Unroll
    def "a missing member is an ordinary error (#source)"() {
        when:
        shown(source)

        then:
        def e = thrown(GradusException)
        e.exitCode == 1
        e.message.contains(message)

        where:
        source                                   | message
        'x = variable(1)\ngrad(x).at(x: 1).nrm'  | "a gradient at a point has no property 'nrm'"
        'x = variable(1)\nexpp(x)'               | "no function 'expp'"
        'nothing + 1'                            | "unknown name 'nothing'"
        '[1].frobnicate()'                       | 'frobnicate'
    }

    def "every word of the vocabulary may be called inside a closure (it is not shadowed by a closure's own method)"() {
        given:
        def closureRules = Permissions.of({ -> }.getClass())

        expect:
        Permissions.WORDS.findAll { closureRules.method(it) == Permissions.Decision.DENY }.isEmpty()
        Permissions.WORDS.containsAll(['minimize', 'variable', 'grad', 'csv', 'show'])
    }

    def "every value a word hands to scripts has members listed for it (a new word's result type enters the allow-list)"() {
        given: 'the result types of the vocabulary words, beyond numbers, text, collections and Object'
        Set<Class> results = org.gradus.dsl.GradusScript.methods.findAll { it.name in Permissions.WORDS }*.returnType
                .findAll { !it.primitive && it != Object && !it.name.startsWith('java.') && !it.name.startsWith('groovy.') } as Set

        expect: 'each is listed in AllowList.MEMBERS or given members by a Gradus extension module'
        results.findAll { Class t ->
            !(AllowList.MEMBERS.keySet() + Permissions.EXTENSIONS.keySet()).any { it != Object && it.isAssignableFrom(t) }
        }.isEmpty()
    }

    def "a picture's result tells its file, format, size and series"() {
        given:
        def dir = java.nio.file.Files.createTempDirectory('plot')

        when:
        def session = new GradusSession()
        session.scriptOut = new PrintStream(new ByteArrayOutputStream(), true)
        def out = session.run('x = variable(1); y = variable(1)\np = plot x**2 + y**2, x: -1..1, y: -1..1, file: "p.svg"\n[p.file, p.format, p.width > 0, p.series]', 'ok.opt', dir)*.toText()

        then:
        out.last() == '[p.svg, svg, true, []]'

        cleanup:
        dir.toFile().deleteDir()
    }
}
