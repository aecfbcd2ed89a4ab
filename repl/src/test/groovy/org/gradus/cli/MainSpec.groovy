package org.gradus.cli

import groovy.json.JsonSlurper
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** The gradus command: sub-commands, options, JSON Lines on stdout, exit codes. */
class MainSpec extends Specification {
    @TempDir
    Path dir

    /** Runs the command with its script cache in the test's directory (never the user's). */
    Map<String, Object> gradus(String... args) {
        gradusIn([GRADUS_CACHE_DIR: dir.resolve('cache').toString()], args)
    }

    Map<String, Object> gradusIn(Map<String, String> env, String... args) {
        def out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream()
        int code = Main.run(args, new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), env)
        [code: code, out: out.toString('UTF-8'), err: err.toString('UTF-8')]
    }

    /** The compiled scripts in the cache (not its seal's key). */
    List<Path> cacheEntries(Path cache = dir.resolve('cache')) {
        Files.isDirectory(cache) ? Files.list(cache).withCloseable { s -> new ArrayList<Path>(s.filter { it.fileName.toString().endsWith('.gsc') }.toList()) } : []
    }

    Path script(String name = 'model.opt', String text) {
        Path p = dir.resolve(name)
        Files.writeString(p, text.stripIndent())
        p
    }

    def "--json writes one JSON object per shown value on stdout and println goes to stderr"() {
        given:
        def p = script('''
            x = variable(1)
            println 'hello'
            x**2
            (x**2).at(x: 3)
        ''')

        when:
        def r = gradus('run', p.toString(), '--json')
        def records = r.out.readLines().collect { new JsonSlurper().parseText(it) }

        then:
        r.code == 0
        records == [[kind: 'expression', text: 'x**2', variables: ['x']], [kind: 'number', value: 9]]
        r.err.contains('hello')
        !r.out.contains('hello')
    }

    def "text mode prints readable reports"() {
        given:
        def p = script('x = variable(1)\ny = variable(2)\ngrad(x**2 + 2*x*y - y).at(x: 1, y: 2)\n')

        when:
        def r = gradus('run', p.toString())

        then:
        r.code == 0
        r.out.contains('∂/∂x = 6')
        r.out.contains('|∇f| = 6.08276253')
    }

    def "--set defines numbers before the script runs"() {
        given:
        def p = script('k * 2\nname\n')

        expect:
        gradus('run', p.toString(), '--json', '--set', 'k=21', '--set', 'name=abc').out.readLines() ==
                ['{"kind":"number","value":42}', '{"kind":"value","text":"abc"}']
    }

    def "--help lists the built-in functions, every word of the engine's registry"() {
        when:
        String out = gradus('--help').out

        then: 'the lists that the error "see the built-in functions with gradus --help" points to'
        out.contains('words of the language (in the REPL, :help NAME explains one):')
        ['variable', 'vector', 'matrix', 'mean', 'csv', 'grad', 'hessian', 'partial', 'taylor', 'limit', 'differentiable',
         'monotonicity', 'convexity', 'constraints', 'stationary', 'minimize', 'maximize', 'cosine', 'plot', 'animate'].every { out =~ /\b$it\b/ }
        out.contains('\nfunctions:\n')
        org.gradus.atoms.Functions.names().every { out.contains(' ' + it) }
        ['exp', 'logsumexp', 'quadForm', 'elasticNet', 'huber', 'hinge'].every { out =~ /\b$it\b/ }
    }

    def "exit codes: usage 2, compile 3, runtime 1, forbidden 4, timeout 124"() {
        expect:
        gradus(args as String[]).code == code

        where:
        args                                                                        | code
        ['frobnicate']                                                              | 2
        ['run']                                                                     | 2
        ['run', '/no/such/file.opt']                                                | 2
        ['run', 'x.opt', '--timeout', 'soon']                                       | 2
        ['run', 'x.opt', '--bogus']                                                 | 2
        ['--version']                                                               | 0
        ['--help']                                                                  | 0
    }

    def "a failing script reports FILE:LINE:COL and exits with its code"() {
        given:
        def compile = script('c.opt', 'x = variable(1)\ny = (x + \n')
        def runtime = script('r.opt', 'x = variable(1)\nassert 1 == 2\n')
        def forbidden = script('f.opt', 'System.exit(0)\n')
        def slow = script('s.opt', 'def t = 0\nwhile (true) { t++ }\n')

        expect:
        with(gradus('run', compile.toString())) { code == 3 && err.startsWith('c.opt:') && out.isEmpty() }
        with(gradus('run', runtime.toString())) { code == 1 && err.startsWith('r.opt:2:1: error: assertion failed') }
        with(gradus('run', forbidden.toString())) { code == 4 && err.startsWith('f.opt:1:8: error: forbidden') }
        with(gradus('run', slow.toString(), '--timeout', '0.5')) { code == 124 && err.contains('time limit') }
        !gradus('run', runtime.toString()).err.contains('\tat ')
        gradus('run', runtime.toString(), '--debug').err.contains('\tat ')
    }

    def "run caches the compiled script: a second run prints the same and exit codes stay the same"() {
        given:
        def good = script('g.opt', 'x = variable(1)\nf = (x - 2)**2 + 1\ngrad(f).at(x: 0)\nk\n')
        def runtime = script('r.opt', 'x = variable(1)\nassert 1 == 2\n')
        def compile = script('c.opt', 'x = variable(1)\ny = (x + \n')
        def forbidden = script('f.opt', 'System.exit(0)\n')
        def slow = script('s.opt', "x = variable(1)\nminimize x**2 + 1, method: 'adam', lr: 1e-12, maxIter: 1000000000\n")

        when:
        def first = [gradus('run', good.toString(), '--json', '--set', 'k=2'), gradus('run', runtime.toString()),
                     gradus('run', compile.toString()), gradus('run', forbidden.toString()),
                     gradus('run', slow.toString(), '--timeout', '5')]
        def cached = cacheEntries().size()
        def second = [gradus('run', good.toString(), '--json', '--set', 'k=2'), gradus('run', runtime.toString()),
                      gradus('run', compile.toString()), gradus('run', forbidden.toString()),
                      gradus('run', slow.toString(), '--timeout', '5')]

        then:
        cached == 3                                   // the three scripts that compiled
        cacheEntries().size() == 3
        first*.code == [0, 1, 3, 4, 124]
        second*.code == first*.code
        second*.out == first*.out
        second*.err == first*.err
        first[0].out == '{"kind":"gradient","at":{"x":0},"value":{"x":-4},"norm":4}\n{"kind":"number","value":2}\n'
        first[1].err.startsWith('r.opt:2:1: error: assertion failed')
    }

    def "GRADUS_CACHE=0 turns the cache off"() {
        given:
        def good = script('g.opt', '1 + 1\n')
        def cache = dir.resolve('off')

        when:
        def r = gradusIn([GRADUS_CACHE: '0', GRADUS_CACHE_DIR: cache.toString()], 'run', good.toString())

        then:
        r.code == 0
        r.out == '2\n'
        !Files.exists(cache)
    }

    def "check compiles without running"() {
        given:
        def good = script('g.opt', 'x = variable(1)\nassert false\n')
        def bad = script('b.opt', 'x = = 1\n')

        expect:
        gradus('check', good.toString()).code == 0
        gradus('check', bad.toString()).code == 3
    }

    def "numbers given to --set are parsed as numbers"() {
        expect:
        RunOptions.parseValue('3') == 3L
        RunOptions.parseValue('-2.5e-3') == -0.0025d
        RunOptions.parseValue('adam') == 'adam'
    }
}
