package org.gradus.repl

import org.gradus.dsl.GradusSession
import org.jline.terminal.Terminal
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

import java.nio.file.Files
import java.nio.file.Path

class GradusShellSpec extends Specification {
    @TempDir
    Path dir

    def "expressions show their values and variables persist between inputs"() {
        when:
        String screen = ShellDriver.run(dir, 'x = variable(2)', 'def k = 3', 'x*k + 1', 'k * 2', '(1 - x)**2')

        then:
        screen.contains(GradusShell.PROMPT)
        screen.contains('3*x + 1')
        ShellDriver.lines(screen).contains('6')
        screen.contains('(1 - x)**2')
    }

    def "gradients show symbolically and at a point"() {
        when:
        String screen = ShellDriver.run(dir, 'x = variable(-1.2); y = variable(1)',
                'f = (1 - x)**2 + 100*(y - x**2)**2', 'grad(f)', 'grad(f).at(x: 1, y: 1)')

        then:
        screen.contains('∂/∂x = -2*(1 - x) - 400*(y - x**2)*x')
        screen.contains('∂/∂y = 200*(y - x**2)')
        screen.contains('|∇f| = 0')
        !screen.contains('error')
    }

    def "input goes on over several lines while a bracket, brace or string is open"() {
        when:
        String screen = ShellDriver.run(dir, 'x = variable(1)', 'g = [', '  1,', '  2]', 'g.size()',
                'h = { a ->', '  a * 10', '}', 'h(4)', 't = """one', 'two"""', 't.length()', 'q = 5 +', '  6', 'q')

        then: 'every statement ran (a dumb terminal does not draw the continuation prompt)'
        ShellDriver.lines(screen).contains('2')
        ShellDriver.lines(screen).contains('40')
        ShellDriver.lines(screen).contains('7')
        ShellDriver.lines(screen).contains('11')
        !screen.contains('error')
    }

    def "the continuation prompt lines up with the prompt"() {
        given:
        ShellDriver d = new ShellDriver(dir)

        expect:
        d.shell.reader().getVariable(org.jline.reader.LineReader.SECONDARY_PROMPT_PATTERN) == GradusShell.CONTINUATION
        GradusShell.CONTINUATION.length() == GradusShell.PROMPT.length()

        cleanup:
        d.close()
    }

    def "errors print as in scripts, without a stack trace, and the session goes on"() {
        when:
        String screen = ShellDriver.run(dir, 'x = variable(1)', 'y + 1', '1 +* 2', 'minimize x**2, method: "adamm"',
                'x + 41')

        then:
        screen.contains('repl:1:1: error:')
        screen.contains("unknown method 'adamm'")
        !screen.contains('\tat ')
        !screen.contains('Exception')
        screen.contains('x + 41')
    }

    def "the sandbox holds in the REPL"() {
        when:
        String screen = ShellDriver.run(dir, '"ls".execute()', '1 + 1')

        then:
        screen.contains('forbidden')
        ShellDriver.lines(screen).contains('2')
    }

    def ":vars lists the variables and :reset forgets them"() {
        when:
        String screen = ShellDriver.run(dir, ':vars', 'x = variable(-1.2, lower: -2, upper: 2)', 'w = vector(3)',
                'f = x**2', 'n = 4', 'def step(x, lr = 0.1) { x - lr * x }', ':vars', ':help step', ':reset', ':vars', 'x')

        then:
        screen.contains('no variables yet')
        screen =~ /x\s+variable\s+start -1.2, in \[-2, 2\]/
        screen =~ /w\s+vector\(3\)\s+start 0/
        screen =~ /f\s+expression\s+x\*\*2/
        screen =~ /n\s+number\s+4/
        screen =~ /step\s+function\s+step\(x, lr = 0.1\)/
        screen.contains('step: a function of this session, step(x, lr = 0.1)')
        screen.contains('session reset')
        screen.indexOf('no variables yet') != screen.lastIndexOf('no variables yet')
        screen.contains("error")                           // x is gone
    }

    def ":help lists the commands and explains a built-in"() {
        when:
        String screen = ShellDriver.run(dir, ':help', ':help grad', ':help minimize', ':help methods', ':help nosuch', ':frob')

        then:
        [':load FILE', ':save FILE', ':vars', ':reset', ':quit'].every { screen.contains(it) }
        screen.contains('grad(f) or grad(f, at: [x: 1])')
        screen.contains('example: grad(f).at(x: 1, y: 2)')
        screen.contains('options: method lr normalized')
        screen =~ /lbfgs\s+limited-memory BFGS/
        screen.contains("no help for 'nosuch'")
        screen.contains('unknown command :frob')
    }

    def ":quit and end of input both leave with exit code 0"() {
        given:
        ShellDriver d = new ShellDriver(dir)

        when:
        d.start()
        d.type('1 + 1')
        d.type(':quit')
        d.loop.join(ShellDriver.FAILSAFE_MILLIS)

        then:
        !d.loop.alive
        d.exitCode == 0

        cleanup:
        d.close()
    }

    def ":save writes the inputs that ran without error, and gradus run reproduces them"() {
        given:
        Path saved = dir.resolve('session.opt')
        List<String> inputs = ['x = variable(-1.2); y = variable(1)', 'def f = (1 - x)**2 + 100*(y - x**2)**2',
                               'grad(f)', 'undefinedThing + 1', 'hessian(f).at(x: 1, y: 1)', 'g = [',
                               '  f.at(x: 0, y: 0),', '  f.at(x: 1, y: 1)]', 'g', 'f.at(x: 2, y: 3)',
                               'for (r in [1, 2]) { show(r * 10) }', ':save session.opt']
        List<String> replShown = []
        ShellDriver d = new ShellDriver(dir)
        d.shell.session().listener = { replShown << it.toText() }
        d.start()
        inputs.each { d.type(it) }
        d.endInput()

        when: 'the saved script runs in a fresh session, as gradus run does'
        String script = Files.readString(saved)
        List<String> rerun = new GradusSession().run(saved)*.toText()

        then:
        d.text().contains('saved 8 inputs to session.opt')
        !script.contains('undefinedThing')
        script.contains('def f = (1 - x)**2')
        rerun == replShown
        rerun.size() == 6

        cleanup:
        d.close()
    }

    def ":load runs a script in the session"() {
        given:
        Files.writeString(dir.resolve('model.opt'), 'a = variable(3)\nb = a * 2\nb + 1\n')

        when:
        String screen = ShellDriver.run(dir, ':load model.opt', 'b', ':load nothing.opt')

        then:
        screen.contains('2*a + 1')
        ShellDriver.lines(screen).contains('2*a')
        screen.contains('no such file')
    }

    @Timeout(600)   // a failsafe: the test waits on events only
    def "Ctrl-C interrupts a long computation from another thread; the session goes on"() {
        given:
        ShellDriver d = new ShellDriver(dir)
        d.start()

        when: 'a loop with no end, which says once that it runs'
        d.type('n = 0')
        d.type("while (true) { if (n++ == 1000) show('looping') }")
        d.waitFor('looping')
        d.ctrlC()                                       // what the terminal does on Ctrl-C, from this thread
        int at = d.waitFor('interrupted')
        d.type('n > 0')
        d.waitFor('true', at)
        d.type(':vars')
        d.waitFor('number', at)

        then:
        !d.shell.running
        d.loop.alive

        cleanup:
        d.close()
    }

    static final String ROSENBROCK = 'rosen = (1 - x)**2 + 100*(y - x**2)**2'
    /** Adam with a tiny step: about a minute in full, so Ctrl-C stops it. */
    static final String LONG_ADAM = "minimize rosen, method: 'adam', lr: 1e-7, maxIter: 100000000"

    /**
     * Presses Ctrl-C at iteration {@code at} of every later run of {@code maxIter} iterations, on the
     * optimizer's own thread: the run stops there, whatever the machine's load, and cannot reach its end.
     */
    static void ctrlCAt(ShellDriver d, int at, int maxIter) {
        d.onProgress { int iteration, int max -> if (max == maxIter && iteration == at) d.ctrlC() }
    }

    @Timeout(600)
    def "Ctrl-C stops a long Adam run: the result shows status interrupted and the best point so far, and r keeps it"() {
        given:
        ShellDriver d = new ShellDriver(dir)
        List<org.gradus.result.Shown> shown = Collections.synchronizedList([])
        def print = d.shell.session().listener
        d.shell.session().listener = { shown << it; print.accept(it) }
        d.start()
        d.type('x = variable(-1.2); y = variable(1.0)')
        d.type(ROSENBROCK)
        ctrlCAt(d, 10, 100000000)

        when: 'the shown form'
        d.type(LONG_ADAM)
        int at = d.waitFor('minimize: interrupted')
        def r = shown.last()

        then:
        r.status().text() == 'interrupted'
        r.message().contains('the best point is kept')
        r.iterations() == 10
        r.point().every { Double.isFinite(it) }
        r.value() < 24.2                                 // f at the start (-1.2, 1) is 24.2
        d.text().indexOf('x           (x = ', at) > at   // the point is on the screen

        when: 'the assigned form keeps the result in r'
        d.type('r = ' + LONG_ADAM)
        d.type('r.status')
        d.waitFor('interrupted\n', at + 1)
        d.type('rosen.at(r) < 24.2')
        d.waitFor('true', at)

        then:
        d.loop.alive
        d.shell.session().variables().r.status().text() == 'interrupted'

        cleanup:
        d.close()
    }

    @Timeout(600)
    def "on a real terminal a long run draws a progress bar that is erased before its result"() {
        given: 'a terminal whose bar appears after 500 progress reports (the driver clock: 1 ms a report)'
        ShellDriver d = new ShellDriver(dir, true)
        d.start()
        d.type('x = variable(-1.2); y = variable(1.0)')
        d.type(ROSENBROCK)
        ctrlCAt(d, 2000, 100000000)

        when: 'a run that ends by itself'
        d.type("minimize rosen, method: 'adam', lr: 1e-7, maxIter: 5000")
        int first = d.waitFor('minimize: max-iterations')
        String run1 = d.text().substring(0, first)

        and: 'a run stopped with Ctrl-C (at iteration 2000, after the bar was drawn)'
        d.type(LONG_ADAM)
        int second = d.waitFor('minimize: interrupted', first)
        String run2 = d.text().substring(first, second)

        then: 'the bar was drawn, then erased, and the report starts on the clean line'
        run1.contains('/5000 iterations  f = ')
        run1.endsWith('\r\u001b[K')
        run2.contains('/100000000 iterations  f = ')
        run2.endsWith('\r\u001b[K')

        cleanup:
        d.close()
    }

    def ":save keeps the minimize runs, the interrupted one marked, and gradus run reproduces the session"() {
        given:
        Path saved = dir.resolve('rosen.opt')
        ShellDriver d = new ShellDriver(dir)
        List<org.gradus.result.Shown> replShown = Collections.synchronizedList([])
        def print = d.shell.session().listener
        d.shell.session().listener = { replShown << it; print.accept(it) }
        d.start()
        ['x = variable(-1.2); y = variable(1.0)', ROSENBROCK, 'grad(rosen)',
         "minimize rosen, method: 'lbfgs'", "minimize rosen, method: 'newton'", 'minimize rosen, method: \'nope\''].each { d.type(it) }
        ctrlCAt(d, 1, 3000000)    // the REPL run stops at its first iteration; the saved script runs in full
        d.type("r = minimize(rosen, method: 'adam', lr: 1e-7, maxIter: 3000000)")
        d.type('r.status')
        d.type('rosen.at(r) < 24.2')
        d.type(':save rosen.opt')
        d.waitFor('saved ')
        d.endInput()

        when: 'gradus run rosen.opt'
        String script = Files.readString(saved)
        def out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream()
        int code = org.gradus.cli.Main.run(['run', saved.toString()] as String[], new PrintStream(out, true, 'UTF-8'),
                new PrintStream(err, true, 'UTF-8'))
        String rerun = out.toString('UTF-8')
        assert code == 0: err.toString('UTF-8') + '\n' + script
        List<String> shownText = replShown*.toText()

        then: 'the failed input is left out; the interrupted run is kept after a comment and runs in full'
        d.text().contains('saved 8 inputs to rosen.opt')
        !script.contains('nope')
        script.contains("// interrupted in the REPL; this runs in full\nr = minimize(rosen, method: 'adam'")
        code == 0
        err.toString('UTF-8').isEmpty()

        and: 'the gradient and both methods show the same; the Adam run now ends by its maxIter'
        shownText[0..2].every { rerun.contains(it.replaceAll(/\d+(\.\d+)?(e-?\d+)? s$/, '')) }
        shownText[3] == 'interrupted'
        rerun.contains('max-iterations')
        rerun.endsWith('true\n')

        cleanup:
        d.close()
    }

    def "Ctrl-C while idle does nothing"() {
        given:
        ShellDriver d = new ShellDriver(dir)
        d.start()

        when:
        d.waitFor(GradusShell.PROMPT)
        d.shell.interrupt()
        d.type('6 * 7')

        then:
        d.waitFor('42') > 0

        cleanup:
        d.close()
    }

    def "println output appears in order with shown values"() {
        when:
        String screen = ShellDriver.run(dir, 'println "hello"; 5; println "bye"')

        then:
        screen.indexOf('hello') < screen.indexOf('5\n')
        screen.indexOf('5\n') < screen.indexOf('bye')
    }
}
