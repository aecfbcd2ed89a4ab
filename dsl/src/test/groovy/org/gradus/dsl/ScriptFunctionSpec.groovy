package org.gradus.dsl

import spock.lang.Specification

/**
 * A function a script defines ({@code def sq(t) { ... }}) is a variable too: the REPL's next input calls it (Groovy's
 * own script methods vanish with the input that defined them), a script passes it as a value, and its signature names it.
 */
class ScriptFunctionSpec extends Specification {
    GradusSession repl = new GradusSession(interactive: true)

    private List<String> input(String text) {
        repl.run(text, 'repl')*.toText()
    }

    def "a function defined in one input is called in the next, recursion and default values included (by hand: 3² = 9, 5! = 120)"() {
        when:
        input('def sq(t) { t * t }')
        input('def fact(n) { n <= 1 ? 1 : n * fact(n - 1) }')
        input('def step(x, lr = 0.1) { x - lr * 2 * x }')

        then: 'one gradient step on x² from 1: 1 - 0.1·2 = 0.8; with lr 0.5: 0'
        input('sq(3)') == ['9']
        input('fact(5)') == ['120']
        input('step(1)') == ['0.8']
        input('step(1, 0.5)') == ['0']

        and: 'the function is a value: passed to collect, listed as a variable, shown by its signature'
        input('[1, 2, 3].collect(sq)') == ['[1, 4, 9]']
        repl.variables().keySet() == ['sq', 'fact', 'step'] as Set
        input('step') == ['function step(x, lr = 0.1)']
    }

    def "an error inside a function an earlier input defined is located in that input: its line, column and text (it showed the calling input's)"() {
        given:
        input('def bad(t) {\n    u = t * 2\n    u.nosuch()\n}')
        input('y = 1')

        when:
        input('bad(3)')

        then: 'line 3 of the defining input, at nosuch'
        GradusException e = thrown()
        e.message == "a number has no method 'nosuch'"
        e.line == 3 && e.column == 7
        e.sourceLine == '    u.nosuch()'
    }

    def "a function of the variables minimizes in a later input"() {
        when:
        input('x = variable(0)')
        input('def loss(c) { (x - c)**2 }')
        def shown = input("minimize(loss(2.5), method: 'lbfgs')")

        then: 'the minimum of (x - 2.5)² is at 2.5'
        shown[0].startsWith('minimize: converged')
        shown[0].contains('(x = 2.5)')
    }

    def "arguments that fit none of its forms say how the function was written, not a stack overflow"() {
        given:
        input('def step(x, lr = 0.1) { x - lr * 2 * x }')
        input('double half(double t) { t / 2 }')

        when:
        input('step(1, 2, 3)')

        then:
        GradusException e = thrown()
        e.message == "the function step(x, lr = 0.1) cannot be called with (1, 2, 3): give it the arguments it names"

        when:
        input("half('a')")

        then:
        GradusException typed = thrown()
        typed.message.startsWith("the function half(double t) cannot be called with ('a')")
    }

    def "a bare call of a function named as a Groovy loop (step, times) is shown: only a loop written on a value is not"() {
        given:
        input('def times(a, b) { a * b }')

        expect: 'by hand 6 · 7 = 42'
        input('times(6, 7)') == ['42']
        input('3.times { }') == []
    }

    def "a script run whole keeps its functions as values too: one behaviour in every entry point"() {
        expect:
        new GradusSession().run('def sq(t) { t * t }\n[1, 2].collect(sq)\nsum([3, 4].collect(sq))')*.toText() == ['[1, 4]', '25']
    }
}
