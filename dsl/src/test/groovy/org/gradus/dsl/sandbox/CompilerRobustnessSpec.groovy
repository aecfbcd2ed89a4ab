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

    static byte[] bytes(Object... parts) {
        def out = new ByteArrayOutputStream()
        parts.each { p -> out.write(p instanceof String ? ((String) p).getBytes('UTF-8') : (p as List<Integer>).collect { (byte) it } as byte[]) }
        out.toByteArray()
    }

    List<String> runFile(byte[] bytes) {
        Path f = dir.resolve('s.opt')
        Files.write(f, bytes)
        new GradusSession().run(f)*.toText()
    }

    def "a UTF-8 byte-order mark is accepted"() {
        expect:
        runFile(bytes([0xEF, 0xBB, 0xBF], 'x = variable(2)\n(x + 1).at(x: 2)\n')) == ['3']
    }

    @Unroll
    def "bytes that are not UTF-8 are a syntax error naming the line and byte offset (#what)"() {
        when:
        def e = failure { runFile(bytes(*parts)) }

        then:
        e.exitCode == 3
        e.line == line
        e.message.contains("line ${line}, byte offset ${offset}")
        e.report().startsWith("s.opt:${line}:")

        where:
        what                 | parts                                       || line | offset
        'Latin-1 é'          | ['x = 1\n// caf', [0xE9], '\n']             || 2    | 12
        'a lone continuation'| [[0x80], '\n']                              || 1    | 0
        'a cut sequence'     | ['a = 1\nb = 2\nc = "', [0xE2, 0x82], '"\n'] || 3    | 17
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
        new GradusSession().run('x = variable(1)\nf = ' + (['x'] * 600).join(' + ') + '\nf.at(x: 1)\n', 'long.opt')*.toText() == ['600']
    }

    def "a generated script of 3000 top-level statements compiles in parts, shows every expression and keeps its lines"() {
        given:
        List<String> lines = ['def total = 0', 'x = variable(1)']
        (1..3000).each { int i -> lines << (i % 2 == 0 ? "total = total + ${i}" : "y${i} = x * ${i}") }
        lines << 'total'
        lines << 'def last = y2999.at(x: 2)'
        lines << 'last'
        lines << 'nothing + 1'
        String source = lines.join('\n') + '\n'

        when:
        def session = new GradusSession()
        def shown = []
        session.listener = { shown << it.toText() }
        session.run(source, 'big.opt')

        then: 'the run gets to the last line, whose error points at it'
        def e = thrown(GradusException)
        e.line == lines.size()
        e.message.contains("unknown name 'nothing'")
        shown == [(2..3000).step(2).sum().toString(), '5998']
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

    @spock.lang.Timeout(120)
    def "a time limit covers compiling: a script too large to compile within it ends with exit code 124, and its compiler stops"() {
        given: '50 000 statements: compiling them takes seconds on any machine'
        String source = 'x = variable(1)\n' + (0..<50000).collect { "y${it} = x * ${it} + 1" }.join('\n') + '\ny7.at(x: 2)\n'
        def session = new GradusSession()
        session.timeLimit = 0.2

        when:
        session.run(source, 'huge.opt')

        then:
        def e = thrown(GradusException)
        e.exitCode == 124
        e.message.contains('time limit of 0.2 s')
        !e.report().contains('\tat ')

        when: 'the compiler, interrupted, ends at its next check (waited for, not timed)'
        Thread.allStackTraces.keySet().findAll { it.name == 'gradus-compiler' }*.join()

        then:
        Thread.allStackTraces.keySet().every { it.name != 'gradus-compiler' }
    }
}
