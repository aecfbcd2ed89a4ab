package org.gradus.dsl.arrays

import groovy.json.JsonSlurper
import org.gradus.dsl.GradusException
import org.gradus.dsl.GradusSession
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** Arrays in scripts: class targets, whole feature rows, elementwise words on vector variables, shape errors. */
class ArrayScriptSpec extends Specification {
    @TempDir
    Path dir

    List<Map> run(String source) {
        Files.writeString(dir.resolve('iris.csv'), 'a,b,species\n1,2,setosa\n2,0,"virginica"\n-1,1,versicolor\n0.5,-2, setosa\n')
        Files.writeString(dir.resolve('t.opt'), source)
        new GradusSession().run(dir.resolve('t.opt')).collect { new JsonSlurper().parseText(it.toJson()) as Map }
    }

    def "arrays declared without seed: draw by declaration order in their session, the same in every session of one JVM"() {
        given: 'java.util.Random(1001) and (1002): the first declaration without seed: draws from 1001'
        String script = "W = matrix(2, 2, init: 'normal')\nV = vector(3, init: 'uniform')\n"
        double[] normal1001 = [new Random(1001)].collect { r -> (0..<4).collect { r.nextGaussian() } }[0] as double[]

        when:
        def first = new GradusSession()
        def second = new GradusSession()
        first.run(script, 'a.opt', dir)
        first.run("U = matrix(2, 2, init: 'normal')", 'b.opt', dir)        // a later input of the same session counts on
        second.run(script, 'a.opt', dir)
        def starts = { GradusSession s, String name -> (0..<s.variables()[name].size()).collect { s.variables()[name].start(it) } }

        then: 'two sessions, the same numbers; within a session, each declaration its own'
        starts(first, 'W') == starts(second, 'W')
        starts(first, 'V') == starts(second, 'V')
        starts(first, 'W') != starts(first, 'U')
        starts(first, 'W') == normal1001 as List

        when: 'a reset session starts over'
        first.reset()
        first.run(script, 'a.opt', dir)

        then:
        starts(first, 'W') == starts(second, 'W')
    }

    def "classes: true numbers text labels in sorted order and lists them"() {
        when:
        def out = run("""
            data = csv('iris.csv', target: 'species', classes: true)
            data
            w = vector(2)
            mean(data) { row -> crossEntropy([w[0], w[1], 0], row.y) }.at(w: [0, 0])
            mean(data) { row -> row.y * w[0] }.at(w: [1, 0])
        """)

        then:
        out[0].classes == ['setosa', 'versicolor', 'virginica']
        out[1].value == Math.log(3) as double          // uniform logits: log 3 whatever the class
        out[2].value == (0 + 2 + 1 + 0) / 4d          // setosa 0, virginica 2, versicolor 1, setosa 0
    }

    def "row.x is the row's feature vector whole: W * row.x is one product, printed as such"() {
        when:
        def out = run("""
            data = csv('iris.csv', target: 'species', classes: true)
            W = matrix(3, 2)
            f = mean(data) { row -> crossEntropy(W * row.x, row.y) }
            f
            f.at(W: [[1, 0], [0, 1], [1, 1]])
        """)
        // by hand: logits (a, b, a + b) per row; class 0, 2, 1, 0
        double[][] rows = [[1, 2], [2, 0], [-1, 1], [0.5, -2]] as double[][]
        int[] y = [0, 2, 1, 0]
        double expected = 0
        rows.eachWithIndex { double[] r, int i ->
            double[] z = [r[0], r[1], r[0] + r[1]]
            double m = z.max()
            expected += (m + Math.log(z.collect { Math.exp(it - m) }.sum() as double) - z[y[i]]) / 4
        }

        then:
        out[0].text == 'mean(data) { row -> crossEntropy(W * row.x, row.y) }'
        Math.abs((out[1].value as double) - expected) < 1e-14
    }

    def "elementwise functions take vector variables whole"() {
        expect:
        run("v = vector(3)\nexp(v).at(v: [0, 1, 2])")[0].value == [1, Math.E, Math.exp(2)]
    }

    def "min(v) is the smallest element: its value, its gradient at the first smallest element, concave; min(a, b) as before"() {
        when: 'by hand: min(3, -1, 2) = -1, the gradient picks element 1; min of a matrix too'
        List<Map> r = run("""v = vector(3)
            |min(v).at(v: [3, -1, 2])
            |grad(min(v)).at(v: [3, -1, 2])
            |convexity(min(v))
            |min(matrix([[4, 2], [7, 5]]))
            |x = variable(0)
            |min(x, 2).at(x: 5)""".stripMargin())

        then:
        r[0].value == -1
        r[1].value.v == [0, 1, 0]
        r[2].verdict == 'concave'
        r[2].certainty == 'proof'
        r[3].value == 2
        r[4].value == 2
    }

    def "a shape mismatch names both operands and their shapes"() {
        when:
        run("W = matrix(8, 2)\nx = vector(3)\nW * x")

        then:
        GradusException e = thrown()
        e.message.contains('shape mismatch: W is 8×2, x has 3')
    }

    def "a vector's numbers at a point answer Groovy's list words: an element, the size, a loop, the zeros counted (lasso's), a matrix's rows"() {
        expect: 'w at [1, 0, 2] and M at [[1, 2], [3, 4]], by hand'

        run("""
            w = vector(3)
            M = matrix(2, 2)
            v = w.at(w: [1, 0, 2])
            [v[0], v[-1], v.size(), v.count { it == 0 }, v.sum(), v.max(), v.min()]
            v.collect { it * 2 }
            seen = []
            for (e in v) seen << e
            seen
            M.at(M: [[1, 2], [3, 4]])[1]
        """)*.text == ['[1, 2, 3, 1, 3, 2, 0]', '[2, 0, 4]', '[1, 0, 2]', '[3, 4]']
    }

    def "an element outside a vector's numbers is an error that names the elements"() {
        when:
        run("w = vector(3)\nw.at(w: [1, 0, 2])[3]")

        then:
        GradusException e = thrown()
        e.message == 'index 3 is outside the elements 0..2'
    }

    def "the textbook quadratic form x.T * W * x is refused with the way to write it (the transpose of a vector is the vector)"() {
        when:
        run("W = matrix(2, 2)\nx = vector(2)\nx.T * W * x")

        then:
        GradusException e = thrown()
        e.message.contains('shape mismatch: x has 2, W is 2×2; a matrix product needs a matrix on the left (write W.T * x for xᵀW, ' +
                'and the quadratic form xᵀWx as dot(x, W * x))')
    }

    def "classes: true without a target is refused with what to write"() {
        when:
        run("csv('iris.csv', classes: true)")

        then:
        GradusException e = thrown()
        e.message.contains("classes: true needs a target column")
    }
    def "a constant matrix is its numbers: shown as a grid, taken elementwise by exp, subscripted and combined by every operator"() {
        when: 'A = [[2, 1], [1, 3]]; the values worked by hand'
        def r = run("""
            A = matrix([[2, 1], [1, 3]])
            show A
            exp(A)
            A[0][1]
            A[0, 1]
            A[1]
            -A
            A / 2
            1 - A
            2 / A
            A ** 2
            1 + A""")

        then: 'it was shown as its constructor text, exp(A) and A[0][1] were errors'
        r[0] == [kind: 'matrix', value: [[2, 1], [1, 3]]]
        r[1].kind == 'matrix'
        [r[1].value.flatten(), [Math.exp(2), Math.E, Math.E, Math.exp(3)]].transpose().every { a, b -> Math.abs(a - b) <= 1e-9 * b }
        r[2].value == 1
        r[3].value == 1
        r[4] == [kind: 'vector', value: [1, 3]]
        r[5].value == [[-2, -1], [-1, -3]]
        r[6].value == [[1, 0.5], [0.5, 1.5]]
        r[7].value == [[-1, 0], [0, -2]]
        r[8].value[0] == [1, 2] && r[8].value[1][0] == 2 && Math.abs(r[8].value[1][1] - 2/3) < 1e-9
        r[9].value == [[4, 1], [1, 9]]
        r[10].value == [[3, 2], [2, 4]]
    }

    def "shape is numpy's for arrays and pandas' for a data set: [rows, columns], [n], [] of a scalar"() {
        expect:
        run("""
            x = variable(1); w = vector(3); W = matrix(2, 3); A = matrix([[1, 2], [3, 4], [5, 6]])
            data = csv('iris.csv', target: 'species', classes: true)
            [x.shape, w.shape, W.shape, (W*w).shape, A.shape, A.T.shape, (x**2 + 1).shape, data.shape]
        """)[0].text == '[[], [3], [2, 3], [2], [3, 2], [2, 3], [], [4, 3]]'
    }
}
