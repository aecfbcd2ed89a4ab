package org.gradus.api

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * The symbolic Hessian of an array problem reads as numbers where it is constant and as short scalar formulas
 * elsewhere (issue 13): no one-hot constant matrices, {@code dot}s with one-hot vectors or {@code outer}
 * products left in its entries. Reference values: sympy, {@code examples/python/hessian_arrays_sympy.py}.
 */
class HessianOfArraysSpec extends Specification {
    @TempDir Path dir

    Session session() {
        Gradus.session().baseDirectory(dir).printTo(new PrintStream(new ByteArrayOutputStream())).build()
    }

    def "hessian of sumsq(A*x - b) with a constant 2x2 A is the numbers of 2AᵀA"() {
        when:
        Hessian h = session().run('A = matrix([[2, 1], [1, 3]])\nx = vector(2)\nhessian(sumsq(A*x - [1, 2]))').first(Hessian)

        then: 'sympy: 2AᵀA = [[10, 10], [10, 20]]'
        h.symbolic() == [['10', '10'], ['10', '20']]
    }

    def "hessian of softmax regression on a 3x2 W: scalar entries, equal to sympy's at a point"() {
        given:
        Files.writeString(dir.resolve('d.csv'), 'a,b,label\n1,2,0\n0,1,1\n2,0,2\n1,1,1\n')
        String script = """data = csv('d.csv', target: 'label', classes: true)
W = matrix(3, 2)
f = mean(data) { row -> crossEntropy(W * row.x, row.y) }
hessian(f)
hessian(f).at(W: [[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]])
"""
        when:
        List<Hessian> hs = session().run(script).all(Hessian)
        List<List<String>> entries = hs[0].symbolic()
        double[][] at = hs[1].matrix()

        then: 'each entry is one scalar formula over the rows'
        entries.size() == 6 && entries.every { it.size() == 6 }
        entries.flatten().every { String e -> !e.contains('dot(') && !e.contains('matrix(') && !e.contains('outer(') && !e.contains('[1, 0, 0]') }
        entries[0][0] == 'sum(data) { row -> softmax(W * row.x)[0]*(row.x[0]/4 - row.x[0]*softmax(W * row.x)[0]/4)*row.x[0] }'

        and: "sympy's Hessian at W0 (examples/python/hessian_arrays_sympy.py)"
        for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) assert Math.abs(at[i][j] - SYMPY[i][j]) < 1e-12: "entry [$i][$j]"
    }

    def "hessian of the same loss written out on two rows: entries without one-hot constants"() {
        when: 'crossEntropy(z, 1) for z = W·[1, 2]: ∂²/∂W[0,0]² = p0(1 − p0)·1²'
        Hessian h = session().run('W = matrix(3, 2)\nhessian(crossEntropy(W * [1, 2], 1))').first(Hessian)

        then:
        h.symbolic()[0][0] == 'softmax(W * [1, 2])[0]*(1 - softmax(W * [1, 2])[0])'
        h.symbolic()[2][0] == '-softmax(W * [1, 2])[1]*softmax(W * [1, 2])[0]'
    }

    static final double[][] SYMPY = [
            [0.30144584605014672, 0.099623156008963844, -0.23614878531101263, -0.061689876735228745, -0.065297060739134095, -0.037933279273735099],
            [0.099623156008963844, 0.19538580343368717, -0.061689876735228745, -0.11312312816124571, -0.037933279273735099, -0.082262675272441462],
            [-0.23614878531101263, -0.061689876735228745, 0.37371793741201834, 0.18726512991029718, -0.13756915210100571, -0.12557525317506844],
            [-0.061689876735228745, -0.11312312816124571, 0.18726512991029718, 0.36969887477561197, -0.12557525317506844, -0.25657574661436626],
            [-0.065297060739134095, -0.037933279273735099, -0.13756915210100571, -0.12557525317506844, 0.20286621284013980, 0.16350853244880354],
            [-0.037933279273735099, -0.082262675272441462, -0.12557525317506844, -0.25657574661436626, 0.16350853244880354, 0.33883842188680773],
    ] as double[][]
}
