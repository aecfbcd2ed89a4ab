package org.gradus.dsl

import org.gradus.result.Shown
import spock.lang.Specification

import javax.script.ScriptEngineManager
import javax.script.ScriptException

/** Embedding (SPEC §5): the session API and the JSR-223 engine, sandboxed, with a time limit. */
class EmbeddingSpec extends Specification {

    def "a session returns the shown values as objects with JSON"() {
        when:
        List<Shown> shown = new GradusSession().run('''
            x = variable(0)
            minimize((x - 2)**2, method: 'lbfgs')
        ''', 'embedded.opt')

        then:
        shown.size() == 1
        shown[0].kind() == 'minimize'
        shown[0].toJson().startsWith('{"kind":"minimize","method":"lbfgs","status":"converged","x":{"x":2')
    }

    def "the JSR-223 engine named gradus evaluates scripts and keeps variables between calls"() {
        given:
        def engine = new ScriptEngineManager().getEngineByName('gradus')
        engine.context.writer = new StringWriter()

        when:
        engine.eval('x = variable(3)')
        def gradient = engine.eval('grad(x**2).at(x: 3)')

        then:
        engine.factory.names.contains('gradus')
        engine.factory.extensions == ['opt']
        gradient.toJson() == '{"kind":"gradient","at":{"x":3},"value":{"x":6},"norm":6}'
    }

    def "the JSR-223 engine is sandboxed and reports errors with their line"() {
        given:
        def engine = new ScriptEngineManager().getEngineByName('gradus')

        when:
        engine.eval('x = variable(1)\n"ls".execute()')

        then:
        ScriptException e = thrown()
        e.lineNumber == 2
        e.message.contains('forbidden')
    }

    def "a time limit stops a run that takes too long"() {
        given:
        def session = new GradusSession(timeLimit: 0.3)

        when:
        session.run('def n = 0\nwhile (true) { n++ }', 'forever.opt')

        then:
        GradusException e = thrown()
        e.exitCode == GradusException.TIMEOUT
    }

    def "the sandbox can be turned off only by the embedding program"() {
        expect:
        new GradusSession(sandboxed: false).run('Math.class.simpleName', 'trusted.opt')*.toText() == ['Math']

        when:
        new GradusSession().run('Math.class.simpleName', 'untrusted.opt')

        then:
        GradusException e = thrown()
        e.exitCode == GradusException.FORBIDDEN
    }
}
