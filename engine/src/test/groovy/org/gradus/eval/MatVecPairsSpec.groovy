package org.gradus.eval

import org.gradus.atoms.Ops
import org.gradus.expr.Constant
import org.gradus.expr.Expr
import org.gradus.expr.IndexSymbol
import org.gradus.expr.Layout
import org.gradus.expr.Lookup
import org.gradus.expr.TableSlice
import org.gradus.expr.VectorVariable
import spock.lang.Specification

import static org.gradus.expr.Fn.crossEntropy

/**
 * A·x two rows of A at a time (ArrayRules.matVec over DotProducts.dotPair) and its chain rule two rows of
 * Ā at a time must give the bits of one dot (and one axpy) per row — odd and even row counts, dot tails,
 * offsets, zero adjoints — and a softmax-regression pass through them must give the value and gradient
 * torch computes (the figures below, float64).
 */
class MatVecPairsSpec extends Specification {

    static boolean same(double p, double q) {
        Double.doubleToLongBits(p) == Double.doubleToLongBits(q)
    }

    static double[] filled(int n, double phase) {
        (0..<n).collect { Math.sin(1.37 * it + phase) * (1 + it % 3) } as double[]
    }

    def "A·x by row pairs equals one dot per row bit for bit (#rows × #cols)"() {
        given:
        int ao = 3
        int xo = 2
        double[] a = filled(ao + rows * cols, 0.4)
        double[] x = filled(xo + cols, 1.1)
        double[] out = new double[rows]

        when:
        ArrayRules.matVec(a, ao, rows, cols, x, xo, out)

        then:
        (0..<rows).every { i -> same(out[i], DotProducts.dot(a, ao + i * cols, x, xo, cols)) }

        where:
        [rows, cols] << [[1, 2, 3, 6, 7, 10], [1, 7, 8, 11, 64]].combinations()
    }

    def "Ā += g xᵀ by row pairs equals one axpy per nonzero row bit for bit (#rows × #cols)"() {
        given:
        int ao = 1
        int xo = 2
        int tao = 4
        double[] a = filled(ao + rows * cols, 0.2)
        double[] x = filled(xo + cols, 0.9)
        double[] g = filled(rows, 2.3)
        for (int i = 0; i < rows; i += 3) g[i] = 0           // zero adjoints: the row is skipped
        double[] ta = filled(tao + rows * cols, 0.7)
        double[] expected = ta.clone()
        for (int i = 0; i < rows; i++) {
            if (g[i] == 0) continue
            for (int j = 0; j < cols; j++) expected[tao + i * cols + j] += g[i] * x[xo + j]
        }

        when:
        ArrayRules.matVecBackward(a, ao, rows, cols, x, xo, g, ta, tao, null, 0)

        then:
        (0..<ta.length).every { k -> same(ta[k], expected[k]) }

        where:
        [rows, cols] << [[1, 2, 3, 4, 7, 10], [1, 5, 64]].combinations()
    }

    def "a softmax-regression pass over two rows gives torch's value and gradient"() {
        given: 'W 3 × 4 = (0..11)/10 − 0.55 row-major, b = (0.1, −0.2, 0.3); rows x₀, x₁ of classes 2 and 0'
        VectorVariable W = VectorVariable.matrix('W', 3, 4, new double[12], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
        VectorVariable b = new VectorVariable('b', 3, 0.0)
        Layout layout = new Layout([W, b])
        double[] table = [0.5, -1.25, 2, 0.75, 1.5, 0.25, -0.5, -2] as double[]
        double[] labels = [2, 0] as double[]
        IndexSymbol i = new IndexSymbol('row')
        Expr row = new TableSlice('X', table, Ops.mul(Constant.of(4), i), 4, 'row.x')
        Expr f = Ops.sum(i, 0, 2, crossEntropy(W.whole() * row + b.whole(), new Lookup('y', labels, i)), 'X#1')
        double[] pt = ((0..<12).collect { it / 10d - 0.55 } + [0.1, -0.2, 0.3]) as double[]
        // torch.nn.functional.cross_entropy(X @ W.T + b, y, reduction='sum') in float64, and its backward
        double fTorch = 1.1602514915641917
        double[] gTorch = [-0.7665778987173489, -0.28104842938386865, 0.5046148164186208, 1.1849696516122952,
                           0.46573563554907965, -0.1751023698198835, 0.2554328737354932, -0.3524605606699971,
                           0.30084226316826945, 0.4561507992037521, -0.760047690154114, -0.8325090909422981,
                           -0.4344092093460774, 0.4368529115717515, -0.0024437022256739716] as double[]
        double[] grad = new double[15]

        when:
        double value = Program.compile(f, layout).valueAndGradient(pt, grad)

        then:
        Math.abs(value - fTorch) <= 1e-14
        (0..<15).every { k -> Math.abs(grad[k] - gTorch[k]) <= 1e-14 }
    }
}
