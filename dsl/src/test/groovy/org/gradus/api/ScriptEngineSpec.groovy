package org.gradus.api

import org.gradus.dsl.GradusException
import org.gradus.dsl.jsr223.GradusScriptEngine
import spock.lang.Specification

import javax.script.Compilable
import javax.script.Invocable
import javax.script.ScriptContext
import javax.script.ScriptEngine
import javax.script.ScriptEngineManager
import javax.script.ScriptException
import javax.script.SimpleBindings
import java.time.Duration

/** The JSR-223 engine {@code gradus}: last values, bindings both ways, located errors, compiled scripts. */
class ScriptEngineSpec extends Specification {
    ScriptEngine engine = new ScriptEngineManager().getEngineByName('gradus')
    StringWriter shown = new StringWriter()

    def setup() {
        engine.context.writer = shown
    }

    def "eval returns the value of the last statement: a Double for 5 * 3"() {
        expect:
        engine.eval('5 * 3') == 15.0d
        engine.eval('5 * 3').getClass() == Double
        engine.eval('1 / 4') == 0.25d
        engine.eval("'text'") == 'text'
        engine.eval('x = variable(1)\nprintln "no value"') == null
    }

    def "eval of a minimization returns the typed result"() {
        when:
        def r = engine.eval("x = variable(0)\nminimize((x - 3)**2, method: 'lbfgs')")

        then:
        r instanceof MinimizeResult
        Math.abs((r as MinimizeResult).x('x') - 3) < 1e-8
        shown.toString().startsWith('minimize: converged')
    }

    def "bindings put before eval are visible, and assignments are written back"() {
        given:
        engine.put('a', 2.5)

        when:
        engine.eval('b = a * 2\nx = variable(3)\nf = x**2')

        then:
        engine.get('b') == 5.0d
        engine.get('f').toString() == 'x**2'
        !engine.getBindings(ScriptContext.ENGINE_SCOPE).containsKey('__gradusContext')

        when: 'the next eval sees them'
        Gradient g = engine.eval('grad(f).at(x: 3)') as Gradient

        then: 'd(x²)/dx = 2x = 6 at 3'
        g.value().get('x') == 6d
    }

    def "global bindings are visible too"() {
        given:
        engine.context.setBindings(new SimpleBindings([scale: 4]), ScriptContext.GLOBAL_SCOPE)

        expect:
        engine.eval('scale * 2') == 8.0d
    }

    def "errors are ScriptExceptions with the line and column"() {
        when:
        engine.eval('x = variable(1)\ny = nothing(x)')

        then:
        ScriptException e = thrown()
        e.lineNumber == 2
        e.columnNumber == 5      // the column of the failing call (issue 12), not of the statement
        e.fileName == 'script.opt'
        e.cause instanceof GradusException

        when: 'a syntax error, in a named file'
        engine.context.setAttribute(ScriptEngine.FILENAME, 'model.opt', ScriptContext.ENGINE_SCOPE)
        engine.eval('x = variable(1)\n\ny = (x +* 2')

        then:
        ScriptException syntax = thrown()
        syntax.fileName == 'model.opt'
        syntax.lineNumber == 3
        syntax.columnNumber > 1
    }

    def "System.exit and Runtime.halt are refused; the host lives on"() {
        when:
        engine.eval(source)

        then:
        ScriptException e = thrown()
        (e.cause as GradusException).exitCode() == 4

        where:
        source << ['System.exit(55)', 'Runtime.runtime.halt(55)', 'def f = System.&exit; f(55)']
    }

    def "a compiled script runs many times, each time on the bindings given"() {
        given:
        def compiled = (engine as Compilable).compile('y = a * a\ny + 1')

        expect:
        compiled.eval(new SimpleBindings([a: 2])) == 5.0d
        compiled.eval(new SimpleBindings([a: 3])) == 10.0d

        when:
        def bindings = new SimpleBindings([a: 4])
        compiled.eval(bindings)

        then:
        bindings.y == 16
    }

    def "a time limit bounds each eval"() {
        given:
        (engine as GradusScriptEngine).timeLimit = Duration.ofMillis(200)

        when:
        engine.eval('while (true) { }')

        then:
        ScriptException e = thrown()
        (e.cause as GradusException).exitCode() == 124
    }

    def "a function a script defines stays, as Groovy's engine keeps it: the next eval and invokeFunction call it"() {
        given:
        engine.eval('def loss(w) { (w - 3)**2 }\ndef step(x, lr = 0.1) { x - lr * 2 * (x - 3) }\ng = { t -> t * 10 }')
        Invocable invocable = engine as Invocable

        expect: '(5 - 3)² = 4; one step from 5 with lr 0.1 on (x - 3)²: 5 - 0.1·2·2 = 4.6, with lr 0.5: 3'
        engine.eval('loss(7)') == 16.0d
        invocable.invokeFunction('loss', 5.0d) == 4.0d
        invocable.invokeFunction('step', 5.0d) == 4.6d
        invocable.invokeFunction('step', 5.0d, 0.5d) == 3.0d
        invocable.invokeFunction('g', 4) == 40.0d

        when: 'a function that minimizes returns the typed result'
        engine.eval("def fit(target) { minimize((variable(0, name: 'w') - target)**2, method: 'lbfgs') }")
        def r = invocable.invokeFunction('fit', 2.5d)

        then:
        r instanceof MinimizeResult
        Math.abs((r as MinimizeResult).x('w') - 2.5) < 1e-8
    }

    def "getInterface implements an interface by the functions of its methods' names"() {
        given:
        engine.eval('def loss(w) { (w - 3)**2 }')

        when:
        def f = (engine as Invocable).getInterface(Loss)

        then: '(10 - 3)² = 49'
        f.loss(10) == 49d
        (engine as Invocable).getInterface(Runnable) == null
    }

    def "invokeFunction: an unknown name is NoSuchMethodException; an error is located in the script that defined the function"() {
        given:
        engine.put(ScriptEngine.FILENAME, 'model.opt')
        engine.eval('a = 1\ndef bad(t) {\n    t + nosuch\n}')

        when:
        (engine as Invocable).invokeFunction('nothere', 1)

        then:
        NoSuchMethodException missing = thrown()
        missing.message.contains("def nothere(x)")

        when:
        engine.put(ScriptEngine.FILENAME, 'other.opt')
        (engine as Invocable).invokeFunction('bad', 1)

        then:
        ScriptException e = thrown()
        e.fileName == 'model.opt'
        e.lineNumber == 3
        e.message.contains("unknown name 'nosuch'")
    }

    def "an invoked function stays in the sandbox and within the time limit"() {
        given:
        engine.eval('def probe(o) { o.text }\ndef spin() { while (true) { } }')
        (engine as GradusScriptEngine).timeLimit = Duration.ofMillis(300)

        when:
        (engine as Invocable).invokeFunction('probe', new File('/etc/hostname'))     // a value from the host

        then:
        ScriptException refused = thrown()
        (refused.cause as GradusException).exitCode() == 4

        when:
        (engine as Invocable).invokeFunction('spin')

        then:
        ScriptException stopped = thrown()
        (stopped.cause as GradusException).exitCode() == 124
    }

    def "Java arrays from the program are numbers a script can start from, evaluate at and make constants of"() {
        given: 'the host passes a start and a target as double[] and a matrix as double[][]'
        engine.put('w0', [1, 2, 3] as double[])
        engine.put('target', [0.5, -1, 2] as double[])
        engine.put('A0', [[1, 2], [3, 4]] as double[][])

        expect: 'the minimum of |w - target|² is the target; at the start the value is 0.5² + 3² + 1² = 10.25'
        def r = engine.eval("w = vector(3, start: w0)\nminimize(sumsq(w - target), method: 'lbfgs')") as MinimizeResult
        r.x().vector('w').toList().withIndex().every { double v, int i -> Math.abs(v - [0.5, -1, 2][i]) < 1e-9 }
        engine.eval('sumsq(w - target).at(w: w0)') == 10.25d
        engine.eval('vector(w0) * 2') == [2, 4, 6] as double[]
        engine.eval('W = matrix(2, 2, start: A0)\nW.at(W: A0)') == [[1, 2], [3, 4]] as double[][]
        engine.eval('matrix(A0) * [1, 1]') == [3, 7] as double[]
    }

    interface Loss {
        double loss(double w)
    }
}
