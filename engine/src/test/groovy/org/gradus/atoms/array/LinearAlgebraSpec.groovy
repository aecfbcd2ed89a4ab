package org.gradus.atoms.array

import org.gradus.atoms.Functions
import org.gradus.expr.Constant
import org.gradus.expr.ConstantArray
import org.gradus.expr.Matrix
import org.gradus.expr.VectorVariable
import spock.lang.Specification

/**
 * det, inv, solve and eigenvalues of matrices of numbers against sympy's exact values (and numpy's, which
 * agree): A = [[4, -2, 1], [3, 6, -4], [2, 1, 8]] has det 263, inverse [[52, 17, 2], [-32, 30, 19], [-9, -8, 30]]/263,
 * and A x = (12, -25, 32) at x = (1, -2, 4); the second-difference matrix [[2, -1, 0], [-1, 2, -1], [0, -1, 2]] has
 * eigenvalues 2 - sqrt 2, 2, 2 + sqrt 2; the normal equations of the line through (0, 1), (1, 2), (2, 2) give
 * intercept 7/6 and slope 1/2 (numpy.linalg.lstsq).
 */
class LinearAlgebraSpec extends Specification {
    static final List<List<Integer>> A = [[4, -2, 1], [3, 6, -4], [2, 1, 8]]

    static double[] numbers(Object e) {
        e instanceof Constant ? [((Constant) e).value()] as double[] : (0..<((ConstantArray) e).shape().size()).collect { ((ConstantArray) e).get(it) } as double[]
    }

    static boolean close(double[] got, List<Double> want, double tol = 1e-14) {
        got.length == want.size() && (0..<got.length).every { Math.abs(got[it] - want[it]) <= tol * Math.max(1, Math.abs(want[it])) }
    }

    def "det, inv and solve of a 3 by 3 matrix are the exact values to rounding"() {
        expect:
        close(numbers(Functions.call('det', A)), [263d], 1e-13)
        close(numbers(Functions.call('inv', A)), [52, 17, 2, -32, 30, 19, -9, -8, 30].collect { it / 263d })
        close(numbers(Functions.call('solve', A, [12, -25, 32])), [1d, -2d, 4d])
        (Functions.call('inv', A) as ConstantArray).shape().isMatrix()
        (Functions.call('solve', A, [12, -25, 32]) as ConstantArray).shape().isVector()
    }

    def "solve with a matrix on the right solves each column: solve(A, I) is inv(A)"() {
        expect:
        close(numbers(Functions.call('solve', [[2, 1], [1, 3]], [[1, 0], [0, 1]])), [0.6d, -0.2d, -0.2d, 0.4d])
    }

    def "the normal equations of a least-squares line: solve(X.T * X, X.T * y)"() {
        given:
        def X = ConstantArray.of(new Matrix([[1, 0], [1, 1], [1, 2]] as double[][]))
        def y = new ConstantArray(null, [1, 2, 2] as double[], org.gradus.expr.Shape.vector(3))

        expect:
        close(numbers(Functions.call('solve', ArrayOps.times(ArrayOps.transpose(X), X), ArrayOps.times(ArrayOps.transpose(X), y))), [7 / 6d, 0.5d])
    }

    def "eigenvalues come ascending: symmetric, not symmetric with real ones, and at the ends of the doubles"() {
        expect:
        close(numbers(Functions.call('eigenvalues', [[2, -1, 0], [-1, 2, -1], [0, -1, 2]])), [2 - Math.sqrt(2), 2d, 2 + Math.sqrt(2)])
        close(numbers(Functions.call('eigenvalues', [[4, 1], [2, 3]])), [2d, 5d])
        close(numbers(Functions.call('eigenvalues', [[1e-300, 0], [0, 2e-300]])), [1e-300d, 2e-300d])
        close(numbers(Functions.call('eigenvalues', [[3e300, 1e300], [1e300, 3e300]])), [2e300d, 4e300d], 1e-14)
    }

    def "what has no answer is an error that says why: complex eigenvalues, a singular matrix, variables, shapes"() {
        when:
        Functions.call(word, *args)

        then:
        IllegalArgumentException e = thrown()
        e.message.contains(says)

        where:
        word          | args                                                   || says
        'eigenvalues' | [[[0, -1], [1, 0]]]                                    || 'complex pair 0 ± 1i'
        'inv'         | [[[1, 2, 3], [4, 5, 6], [7, 8, 9]]]                    || 'singular to working precision'
        'solve'       | [[[1, 2], [2, 4]], [1, 1]]                             || 'minimize sumsq(A * x - b)'
        'inv'         | [[[0, 0], [0, 0]]]                                     || 'it is zero'
        'det'         | [[[1, 0], [1, 1], [1, 2]]]                             || 'needs a square matrix, but its argument is 3×2'
        'solve'       | [[[2, 1], [1, 3]], [1, 2, 3]]                          || 'needs b with 2 rows'
        'inv'         | [VectorVariable.matrix('W', 2, 2, new double[4], -1d / 0, 1d / 0)] || 'W depends on variables; take its value at a point first, e.g. inv(W.at(r))'
        'det'         | [[[1, 0], [0, 1d / 0]]]                                || 'entry [1, 1] is Infinity'
    }
}
