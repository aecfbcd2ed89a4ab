package org.gradus.api

import org.gradus.dsl.GradusException
import spock.lang.Specification
import spock.lang.Timeout

import java.time.Duration

/**
 * Isolated runs (a child JVM per run): a memory bomb and an endless loop are contained and leave no
 * process behind; results and printed text come back as an in-process run gives them.
 */
@Timeout(120)
class IsolationSpec extends Specification {

    def "a memory bomb ends with the memory limit in the error, exit code 1"() {
        when:
        Gradus.session().maxMemory('64m').build().run('x = variable(1)\nw = vector(10**9)\n')

        then:
        GradusException e = thrown()
        e.message == 'the script ran out of its memory limit of 64m'
        e.exitCode() == 1
        e.line() == 2
        noChildren()
    }

    def "memory that fills up slowly is contained too"() {
        when:
        Gradus.session().maxMemory('32m').build().run('keep = []\nwhile (true) { keep << vector(100000) }\n')

        then:
        GradusException e = thrown()
        e.message == 'the script ran out of its memory limit of 32m'
        e.exitCode() == 1
        noChildren()
    }

    def "an endless loop is ended at the time limit: exit code 124, the child JVM gone"() {
        when:
        Gradus.session().isolate(true).maxMemory('64m').timeLimit(Duration.ofSeconds(2)).build().run('while (true) { }')

        then:
        GradusException e = thrown()
        e.exitCode() == 124
        e.message == 'the script ran longer than its time limit of 2 s'
        noChildren()
    }

    def "an isolated run gives the results and printed text an in-process run gives"() {
        given:
        String script = '''
            x = variable(1); y = variable(2)
            f = (x - 2)**2 + (y + 1)**2
            println "scale is $scale"
            grad(f).at(x: 0, y: 0)
            convexity(f)
            minimize f, method: 'lbfgs'
        '''
        def printedHere = new ByteArrayOutputStream(), printedThere = new ByteArrayOutputStream()

        when:
        Results here = Gradus.session().parameter('scale', 0.5).printTo(new PrintStream(printedHere, true)).build().run(script)
        Results there = Gradus.session().isolate(true).parameter('scale', 0.5).printTo(new PrintStream(printedThere, true))
                .build().run(script)

        then:
        there*.getClass() == here*.getClass()
        there*.toJson()*.replaceAll(/"seconds":[^,]+,/, '') == here*.toJson()*.replaceAll(/"seconds":[^,]+,/, '')
        there*.toText()*.replaceAll(/[\d.]+ s\b/, '') == here*.toText()*.replaceAll(/[\d.]+ s\b/, '')
        printedThere.toString() == 'scale is 0.5\n'
        printedHere.toString() == printedThere.toString()
        Math.abs((there[2] as MinimizeResult).x('x') - 2) < 1e-8
    }

    def "errors of an isolated run are located as in-process ones; the sandbox holds there too"() {
        when:
        Gradus.session().isolate(true).build().run('x = variable(1)\nSystem.exit(55)\n', 'exit.opt')

        then:
        GradusException e = thrown()
        e.exitCode() == 4
        e.file() == 'exit.opt'
        e.line() == 2
        e.report().startsWith('exit.opt:2:')
    }

    def "with the sandbox off, System.exit in an isolated script ends only the child JVM: the host gets an error"() {
        given:
        def printed = new ByteArrayOutputStream()

        when:
        Gradus.session().sandbox(false).isolate(true).printTo(new PrintStream(printed, true))
                .build().run('println "bye"\nSystem.exit(55)\n', 'exit.opt')

        then:
        GradusException e = thrown()
        e.exitCode() == 1
        e.message.startsWith("the script's process ended before the script did (exit code 55)")
        printed.toString() == 'bye\n'
        noChildren()
    }

    def "parameters of an isolated run must travel as JSON; memory sizes are checked"() {
        when:
        Gradus.session().isolate(true).parameter('t', new Thread()).build()

        then:
        IllegalArgumentException e = thrown()
        e.message.contains("'t'")

        when:
        Gradus.session().maxMemory('lots')

        then:
        thrown(IllegalArgumentException)
    }

    /** The test JVM has no child process left (the isolated run waits for its child to end). */
    static boolean noChildren() {
        ProcessHandle.current().children().toList().isEmpty()
    }
}
