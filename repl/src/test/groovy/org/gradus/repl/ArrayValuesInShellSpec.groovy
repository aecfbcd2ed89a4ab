package org.gradus.repl

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * In the shell, an array word on a plain list shows its numbers, as numpy does: softmax(1000, −1000, 0) is
 * (1, e^−2000, e^−1000) = (1, 0, 0) in double precision, and logsumexp of it is 1000 (by hand).
 */
class ArrayValuesInShellSpec extends Specification {
    @TempDir
    Path dir

    def "softmax of a plain list shows the vector of numbers, not its text"() {
        when:
        String screen = ShellDriver.run(dir, 'softmax([1000, -1000, 0])', 'logsumexp([1000, -1000, 0])')
        List<String> lines = ShellDriver.lines(screen)

        then:
        lines.contains('[1, 0, 0]')
        lines.contains('1000')
        !lines.any { it.startsWith('softmax(') }
    }
}
