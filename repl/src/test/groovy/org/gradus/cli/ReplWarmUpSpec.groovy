package org.gradus.cli

import java.nio.charset.StandardCharsets

/**
 * The REPL's warm-up (the launcher's class-data archive, a young daemon): the session it types runs to its
 * end, evaluating what it types, without a terminal or a pseudo-terminal of its own.
 */
class ReplWarmUpSpec extends spock.lang.Specification {
    def "the warm-up session evaluates its inputs, completes a name and quits"() {
        given:
        def screen = new ByteArrayOutputStream()

        when:
        Repl.warmUp(screen)
        def lines = screen.toString(StandardCharsets.UTF_8).replaceAll(/\u001B(\[[0-9;?]*[A-Za-z]|[=>])|\r/, '').readLines()
        int asked = lines.findIndexOf { it.startsWith('gradus> f.at(x: 0)') }

        then: 'f(0) = (0 - 2)^2 + 1 = 5 is shown after the input that asks for it'
        asked > 0
        lines[asked + 1] == '5'
        and: 'Tab completed gr to grad, and :quit ended the session (warmUp returned)'
        lines.any { it.startsWith('gradus> gr') && it.contains('grad') && it.contains(':quit') }
    }
}
