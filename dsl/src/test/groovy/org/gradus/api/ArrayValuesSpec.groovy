package org.gradus.api

import spock.lang.Specification

import javax.script.ScriptEngine
import javax.script.ScriptEngineManager

/**
 * Array results reach a Java caller as numbers (issue 13): through JSR-223 a vector is a {@code double[]} and a
 * matrix a {@code double[][]}; through the Java API a shown array is an {@link ArrayResult}, a vector or matrix
 * variable's solution and gradient are read from the result's {@link Point}. Every expected value is worked by
 * hand (beside it) or is numpy's.
 */
class ArrayValuesSpec extends Specification {
    static final double E = Math.E
    ScriptEngine engine = new ScriptEngineManager().getEngineByName('gradus')

    def setup() {
        engine.context.writer = new StringWriter()
    }

    def "JSR-223: an array expression without variables is a double[] or a double[][]"() {
        expect: 'numpy: softmax([1000, -1000, 0]) = [1, 0, 0] (e^-1000 and e^-2000 underflow)'
        engine.eval('softmax([1000, -1000, 0])') == [1d, 0d, 0d] as double[]
        engine.eval('softmax([1000, -1000, 0])').getClass() == double[]

        and: 'exp([0, 1]) * 2 = [2, 2e]'
        close(engine.eval('exp([0, 1]) * 2') as double[], [2d, 2 * E] as double[])

        and: 'A = [[2, 1], [1, 3]]: A·[1, 1] = [3, 4]; AᵀA = [[5, 5], [5, 10]]; A itself is its rows'
        engine.eval('A = matrix([[2, 1], [1, 3]])\nA * [1, 1]') == [3d, 4d] as double[]
        engine.eval('A = matrix([[2, 1], [1, 3]])\nA.T * A') == [[5d, 5d], [5d, 10d]] as double[][]
        engine.eval('matrix([[2, 1], [1, 3]])') == [[2d, 1d], [1d, 3d]] as double[][]

        and: 'vector([..]) is a constant vector: vector([1, 2, 3]) * 2 = [2, 4, 6], 1 - vector([1, 2]) = [0, -1]'
        engine.eval('vector([1, 2, 3]) * 2') == [2d, 4d, 6d] as double[]
        engine.eval('1 - vector([1, 2])') == [0d, -1d] as double[]

        and: 'a reduction of constants is a Double: sum([1, 2]) = 3, logsumexp([1000, -1000, 0]) = 1000'
        engine.eval('sum([1, 2])') == 3d
        engine.eval('logsumexp([1000, -1000, 0])') == 1000d
    }

    def "vector([..]) takes numbers"() {
        when:
        engine.eval('vector([[1, 2]])')

        then:
        def e = thrown(javax.script.ScriptException)
        e.message.contains('a list of rows is matrix([[...], [...]])')
    }

    def "JSR-223: an array expression at a point is its numbers"() {
        expect: 'W = [[1, 2], [3, 4]], x = [1, -1]: W·x = [-1, -1]; tanh(W·x)·2 = [2·tanh(-1), 2·tanh(-1)]'
        engine.eval('W = matrix(2, 2)\nx = vector(2)\n(W * x).at(W: [[1, 2], [3, 4]], x: [1, -1])') == [-1d, -1d] as double[]
        close(engine.eval('W = matrix(2, 2)\nx = vector(2)\n(2 * tanh(W * x)).at(W: [[1, 2], [3, 4]], x: [1, -1])') as double[],
                [2 * Math.tanh(-1), 2 * Math.tanh(-1)] as double[])
    }

    def "JSR-223: a vector and a matrix variable's solution and gradient, from the typed results"() {
        when: 'A x = b with A = [[2, 1], [1, 3]], b = [1, 2]: x = A⁻¹b = (1/5)[[3, -1], [-1, 2]]·[1, 2] = [0.2, 0.6]'
        MinimizeResult r = engine.eval("A = matrix([[2, 1], [1, 3]])\nx = vector(2)\nminimize(sumsq(A * x - [1, 2]), method: 'lbfgs', tol: 1e-12)") as MinimizeResult

        then:
        close(r.x().vector('x'), [0.2d, 0.6d] as double[], 1e-9)

        when: 'a matrix variable: sumsq(W - A) is least at W = A'
        r = engine.eval("W = matrix(2, 2)\nminimize(sumsq(W - matrix([[2, 1], [1, 3]])), method: 'lbfgs')") as MinimizeResult

        then:
        close(r.x().matrix('W')[0], [2d, 1d] as double[], 1e-9)
        close(r.x().matrix('W')[1], [1d, 3d] as double[], 1e-9)

        when: '∇ sumsq(x - b) = 2(x - b) = [-2, -4] at x = 0'
        Gradient g = engine.eval("x = vector(2)\ngrad(sumsq(x - [1, 2]), at: [x: [0, 0]])") as Gradient

        then:
        g.value().vector('x') == [-2d, -4d] as double[]
        g.norm() == Math.sqrt(20)

        when: 'W·v − b with v = [1, 1], b = [1, 2], at W = 0: r = [-1, -2]; ∇_W sumsq = 2·r·vᵀ = [[-2, -2], [-4, -4]]'
        g = engine.eval("W = matrix(2, 2)\ngrad(sumsq(W * [1, 1] - [1, 2]), at: [W: [[0, 0], [0, 0]]])") as Gradient

        then:
        g.value().matrix('W') == [[-2d, -2d], [-4d, -4d]] as double[][]
    }

    def "Java API: a data set's summary is a TableResult read by row label and column (a = [1, 2, -1, 0.5]: mean 0.625, sample std 1.25)"() {
        given:
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory('table')
        java.nio.file.Files.writeString(dir.resolve('t.csv'), 'a,y\n1,0\n2,1\n-1,0\n0.5,1\n')
        java.nio.file.Files.writeString(dir.resolve('t.opt'), "data = csv('t.csv')\ndata.describe()\ndata.head(2)")
        Session session = Gradus.session().printTo(new PrintStream(new ByteArrayOutputStream())).build()

        when:
        Results rs = session.run(dir.resolve('t.opt'))
        TableResult summary = rs.first(TableResult)
        TableResult head = rs.last(TableResult)

        then:
        summary.columns() == ['a', 'y'] && summary.index()[0..2] == ['count', 'mean', 'std']
        summary.get('mean', 'a') == 0.625 && summary.get('std', 'a') == 1.25 && summary.get('max', 'y') == 1
        head.index() == ['0', '1'] && head.data() == [[1d, 0d], [2d, 1d]] as double[][]

        cleanup:
        dir.toFile().deleteDir()
    }

    def "Java API: a shown vector or matrix is an ArrayResult with double[] and double[][] accessors"() {
        given:
        Session session = Gradus.session().printTo(new PrintStream(new ByteArrayOutputStream())).build()

        when:
        Results rs = session.run('softmax([1000, -1000, 0])\nA = matrix([[2, 1], [1, 3]])\nA.T * A\nx = vector(2)\n(A * x).at(x: [1, 1])')
        ArrayResult p = rs.first(ArrayResult)
        ArrayResult m = rs.all(ArrayResult)[1]
        ArrayResult v = rs.last(ArrayResult)

        then:
        rs.all(ArrayResult).size() == 3
        !p.isMatrix() && p.vector() == [1d, 0d, 0d] as double[] && p.shape() == [3]
        m.isMatrix() && m.matrix() == [[5d, 5d], [5d, 10d]] as double[][] && m.shape() == [2, 2]
        m.values() == [5d, 5d, 5d, 10d] as double[]
        m.rows() == 2 && m.columns() == 2
        v.vector() == [3d, 4d] as double[]
        v.matrix() == [[3d, 4d]] as double[][]

        when: 'a matrix is not read as a vector'
        m.vector()

        then:
        def e = thrown(IllegalStateException)
        e.message.contains('2×2 matrix')
    }

    def "a vector or matrix variable shown is an expression, as a scalar variable is"() {
        given:
        Session session = Gradus.session().printTo(new PrintStream(new ByteArrayOutputStream())).build()

        when:
        Results rs = session.run('x = variable(0)\nw = vector(3)\nW = matrix(2, 3)\nx\nw\nW')

        then:
        rs*.kind() == ['expression', 'expression', 'expression']
        rs.all(ExpressionResult)*.text() == ['x', 'w', 'W']
        engine.eval('W = matrix(2, 3)\nW') instanceof ExpressionResult
    }

    def "Java API: an ArrayResult parsed from --json reads the same"() {
        expect:
        (Result.parse('{"kind":"matrix","value":[[1,2],[3,4]]}', null) as ArrayResult).matrix() == [[1d, 2d], [3d, 4d]] as double[][]
        (Result.parse('{"kind":"vector","value":[1,"NaN"]}', null) as ArrayResult).vector()[1].isNaN()
    }

    private static boolean close(double[] got, double[] want, double tol = 1e-15) {
        assert got.length == want.length
        for (int i = 0; i < got.length; i++) assert Math.abs(got[i] - want[i]) <= tol * Math.max(1, Math.abs(want[i])): "element $i: $got vs $want"
        true
    }
}
