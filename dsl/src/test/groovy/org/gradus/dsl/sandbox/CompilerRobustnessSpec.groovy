package org.gradus.dsl.sandbox

import org.gradus.dsl.GradusException
import org.gradus.dsl.GradusSession
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

/**
 * Whatever text a script is, the answer is a located message with the documented exit code, never a raw
 * stack trace: byte-order marks, bytes that are not UTF-8, deep nesting, long generated scripts, and the
 * compiler's own internal errors.
 */
class CompilerRobustnessSpec extends Specification {
    @TempDir
    Path dir

    GradusException failure(Closure run) {
        try {
            run()
        } catch (GradusException e) {
            return e
        }
        throw new AssertionError('expected the script to fail')
    }

    List<String> runFile(byte[] bytes) {
        Path f = dir.resolve('s.opt')
        Files.write(f, bytes)
        new GradusSession().run(f)*.toText()
    }

    def "a UTF-8 byte-order mark is accepted"() {
        expect:
        runFile([0xEF, 0xBB, 0xBF] as byte[] + 'x = variable(2)\n(x + 1).at(x: 2)\n'.getBytes('UTF-8')) == ['3']
    }

    @Unroll
    def "bytes that are not UTF-8 are a syntax error naming the line and byte offset (#what)"() {
        when:
        def e = failure { runFile(bytes as byte[]) }

        then:
        e.exitCode == 3
        e.line == line
        e.message.contains("line ${line}, byte offset ${offset}")
        e.report().startsWith("s.opt:${line}:")

        where:
        what                 | bytes                                                             || line | offset
        'Latin-1 é'          | 'x = 1\n// caf'.bytes + [0xE9] + '\n'.bytes                       || 2    | 12
        'a lone continuation'| [0x80] + '\n'.bytes                                               || 1    | 0
        'a cut sequence'     | 'a = 1\nb = 2\nc = "'.bytes + [0xE2, 0x82] + '"\n'.bytes           || 3    | 17
    }

    def "350 nested parentheses are a located syntax error, not a stack overflow"() {
        when:
        def e = failure { new GradusSession().run('x = variable(1)\ny = ' + '(' * 350 + 'x' + ')' * 350 + '\n', 'deep.opt') }

        then:
        e.exitCode == 3
        e.line == 2
        e.column == 5 + 200             // the 201st bracket
        e.message.contains('nested more than 200')
        !e.report().contains('\tat ')
    }

    def "deep but legal nesting and long expressions compile"() {
        expect:
        new GradusSession().run('x = variable(1)\n' + '(' * 150 + 'x' + ')' * 150 + '.at(x: 2)\n', 'ok.opt')*.toText() == ['2']
        new GradusSession().run('x = variable(1)\nf = ' + (['x'] * 3000).join(' + ') + '\nf.at(x: 1)\n', 'long.opt')*.toText() == ['3000']
    }

    def "brackets inside strings and comments do not count as nesting"() {
        expect:
        new GradusSession().run("s = '${'(' * 300}'\n// ${'[' * 300}\n/* ${'{' * 300} */\ns.size()\n", 'str.opt')*.toText() == ['300']
    }

    def "a closure that calls itself through an unset variable is a located error, not the compiler's BUG!"() {
        when:
        def e = failure { new GradusSession().run('def r; r = { r() }; r()\n', 'bug.opt') }

        then:
        e.exitCode in [1, 3]
        e.line == 1
        !e.report().contains('BUG!')
        !e.report().contains('\tat ')
    }
}
