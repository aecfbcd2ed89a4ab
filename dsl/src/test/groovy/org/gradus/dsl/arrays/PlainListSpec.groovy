package org.gradus.dsl.arrays

import groovy.json.JsonSlurper
import org.gradus.dsl.GradusException
import org.gradus.dsl.GradusSession
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * A plain Groovy list of numbers is a constant vector for the array words, and an array expression with no
 * variables is shown as its numbers (not its text), as numpy and torch show softmax(tensor([...])).
 * Values worked by hand: softmax(1000, −1000, 0) = (1, e^−2000, e^−1000), which is (1, 0, 0) in double
 * precision; logsumexp = 1000 + log(1 + e^−2000 + e^−1000) = 1000; crossEntropy(·, 1) = 1000 − (−1000) = 2000;
 * softmax(0, ln 2) = (1/3, 2/3); exp(0, 1) = (1, e); tanh of the rows [[0, 1]] is the 1×2 matrix [[0, tanh 1]].
 */
class PlainListSpec extends Specification {
    @TempDir
    Path dir

    List<Map> run(String source) {
        Files.writeString(dir.resolve('t.opt'), source)
        new GradusSession().run(dir.resolve('t.opt')).collect { new JsonSlurper().parseText(it.toJson()) as Map }
    }

    def "softmax, logsumexp and crossEntropy of a plain list at ±1000 are numbers"() {
        when:
        List<Map> r = run('''
            softmax([1000, -1000, 0])
            logsumexp([1000, -1000, 0])
            crossEntropy([1000, -1000, 0], 1)
            softmax([0, Math.log(2)])
            softmax([1000, -1000, 0])[0]
        ''')

        then:
        r[0] == [kind: 'vector', value: [1, 0, 0]]
        r[1] == [kind: 'number', value: 1000]
        r[2] == [kind: 'number', value: 2000]
        r[3].kind == 'vector'
        Math.abs((r[3].value[0] as double) - 1d / 3) < 1e-15
        Math.abs((r[3].value[1] as double) - 2d / 3) < 1e-15
        r[4] == [kind: 'number', value: 1]
    }

    def "elementwise functions take a plain list (a vector) or a list of rows (a matrix)"() {
        when:
        List<Map> r = run('''
            exp([0, 1])
            tanh([[0, 1]])
            oneHot(1, 3)
        ''')

        then:
        r[0].kind == 'vector'
        r[0].value[0] == 1
        Math.abs((r[0].value[1] as double) - Math.E) < 1e-15
        r[1].kind == 'matrix'
        r[1].value[0][0] == 0
        Math.abs((r[1].value[0][1] as double) - 0.7615941559557649) < 1e-15
        r[2] == [kind: 'vector', value: [0, 1, 0]]
    }

    def "a list on the left of a vector, a matrix or an expression is the array it writes, not a Groovy list to join"() {
        given: 'by hand at v = (3, 4): [1, 2] + v = (4, 6), [1, 2] - v = (-2, -2), [1, 2] * v = (3, 8), [1, 2] / v = (1/3, 1/2); [[1, 0], [0, 1]] + A = [[3, 1], [1, 4]]'
        List<Map> r = run('''
            v = vector(2)
            x = variable(1)
            A = matrix([[2, 1], [1, 3]])
            ([1, 2] + v).at(v: [3, 4])
            ([1, 2] - v).at(v: [3, 4])
            ([1, 2] * v).at(v: [3, 4])
            ([1, 2] / v).at(v: [3, 4])
            ([1, 2] + x).at(x: 10)
            [[1, 0], [0, 1]] + A
            [1, 2] + [3]
        ''')

        expect: 'Groovy gave [1, 2, v] and [1, 2]; a list beside a list stays Groovy'
        r[0] == [kind: 'vector', value: [4, 6]]
        r[1] == [kind: 'vector', value: [-2, -2]]
        r[2] == [kind: 'vector', value: [3, 8]]
        r[3].kind == 'vector'
        Math.abs((r[3].value[0] as double) - 1d / 3) < 1e-15
        r[3].value[1] == 0.5
        r[4] == [kind: 'vector', value: [11, 12]]
        r[5] == [kind: 'matrix', value: [[3, 1], [1, 4]]]
        r[6].text == '[1, 2, 3]'
    }

    def "a list of the wrong length beside a vector is a shape error at the operator"() {
        when:
        run("v = vector(2)\nshow [1, 2, 3] + v\n")

        then:
        GradusException e = thrown()
        e.message.contains('shape mismatch')
        e.line == 2
        e.column == 16
    }

    def "a list that is not numbers is still a clear error"() {
        when:
        run("exp(['a', 1])\n")

        then:
        GradusException e = thrown()
        e.message.contains('must be a number or an expression')
        e.line == 1
    }

    def "a constant vector or matrix is a start value and a point, as the list it writes is"() {
        when:
        def r = run("""c = vector([1, 2, 3])
v = vector(3, start: c)
v.at(v: c)
sumsq(v).at(v: c)
M = matrix([[1, 2], [3, 4]])
W = matrix(2, 2, start: M)
W.at(W: M)
""")

        then: 'by hand, 1² + 2² + 3² = 14'
        r*.value == [[1, 2, 3], 14, [[1, 2], [3, 4]]]
    }
}
