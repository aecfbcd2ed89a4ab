package org.gradus.diff

import org.gradus.atoms.Ops
import org.gradus.atoms.array.ArrayOps
import org.gradus.expr.Constant
import org.gradus.expr.Expr
import org.gradus.expr.IndexSymbol
import org.gradus.expr.Layout
import org.gradus.expr.Lookup
import org.gradus.expr.Shape
import org.gradus.expr.TableSlice
import org.gradus.expr.Variable
import org.gradus.expr.VectorVariable

import static org.gradus.expr.Fn.*

/**
 * The table of {@link ArrayDerivativesSpec}: each array operation in a small function, beside the same
 * function written element by element (one closure for both references: it only uses operators and
 * {@link S}'s functions). A plain class, so that Spock reads its products as products.
 */
class ArrayCases {
    static final VectorVariable W = VectorVariable.matrix('W', 2, 3, new double[6], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
    static final VectorVariable v = new VectorVariable('v', 3, 0.0)
    static final VectorVariable u = new VectorVariable('u', 2, 0.0)
    static final Variable s = new Variable('s', 0.0)
    static final Layout layout = new Layout([W, v, u, s])
    static final int ROWS = 4
    static final double[] X = [0.5, -1.0, 2.0, 1.5, 0.25, -0.5, -2.0, 1.0, 0.75, 0.0, 1.25, -1.5] as double[]
    static final double[] Y = [1, 0, 1, 0] as double[]

    /** The coordinates in layout order, split into W (rows), v, u and s. */
    static Map parts(List c) { [W: [c[0..2], c[3..5]], v: c[6..8], u: c[9..10], s: c[11]] }

    static Expr Ww() { W.whole() }
    static Expr vw() { v.whole() }
    static Expr uw() { u.whole() }

    /** The two reductions over the rows of the little table X (3 features) with class labels Y. */
    static Expr rows(Closure<Expr> body) {
        IndexSymbol i = new IndexSymbol('row')
        Ops.sum(i, 0, ROWS, body(new TableSlice('X', X, Ops.mul(Constant.of(3), i), 3, 'row.x'), new Lookup('Y', Y, i)), 'X#1')
    }

    static Map<String, List<Closure>> cases() {
        [
            'W * v (matrix–vector) in tanh'       : [{ ArrayOps.sum(tanh(Ww() * vw() + uw())) },
                                                     { Map p -> (0..1).sum { i -> S.tanh(S.dot(p.W[i], p.v) + p.u[i]) } }],
            'W.T * u (transpose)'                 : [{ dot(vw(), ArrayOps.transpose(Ww()) * uw()) * s },
                                                     { Map p -> p.s * (0..2).sum { j -> p.v[j] * (0..1).sum { i -> p.W[i][j] * p.u[i] } } }],
            'W.T * W * v (matrix product)'        : [{ ArrayOps.sum(ArrayOps.product(ArrayOps.transpose(Ww()), Ww()) * vw()) },
                                                     { Map p -> (0..2).sum { a -> (0..2).sum { c -> (0..1).sum { i -> p.W[i][a] * p.W[i][c] } * p.v[c] } } }],
            'outer(u, v) ⊙ W'                     : [{ ArrayOps.sum(Ops.mul(outer(uw(), vw()), Ww())) },
                                                     { Map p -> (0..1).sum { i -> (0..2).sum { j -> p.u[i] * p.v[j] * p.W[i][j] } } }],
            'sum, mean, max'                      : [{ ArrayOps.mean(vw()**2) + maxOf(vw() * s + ArrayOps.index(uw(), Constant.of(0))) + ArrayOps.sum(Ww()) },
                                                     { Map p -> (0..2).sum { p.v[it] * p.v[it] } / 3 + S.max((0..2).collect { p.v[it] * p.s + p.u[0] }) + (0..1).sum { i -> (0..2).sum { j -> p.W[i][j] } } }],
            'elements and slices'                 : [{ ArrayOps.index(Ww() * vw(), Constant.of(1)) * s + ArrayOps.sum(ArrayOps.block(vw(), 1, Shape.vector(2)) * uw()) + W.get(1, 2) },
                                                     { Map p -> S.dot(p.W[1], p.v) * p.s + p.v[1] * p.u[0] + p.v[2] * p.u[1] + p.W[1][2] }],
            'embed and stack'                     : [{ dot(embed(uw(), 1, 3), vw()) + ArrayOps.sum(ArrayOps.stack([s, v.get(0)]) * uw()) },
                                                     { Map p -> p.u[0] * p.v[1] + p.u[1] * p.v[2] + p.s * p.u[0] + p.v[0] * p.u[1] }],
            'softmax'                             : [{ dot(softmax(Ww() * vw()), uw()) },
                                                     { Map p -> def z = (0..1).collect { S.dot(p.W[it], p.v) }; def e = z.collect { S.exp(it) }; (0..1).sum { e[it] * p.u[it] } / (e[0] + e[1]) }],
            'logsumexp of a vector'               : [{ logsumexp(Ww() * vw() + uw()) },
                                                     { Map p -> S.log((0..1).sum { S.exp(S.dot(p.W[it], p.v) + p.u[it]) }) }],
            'crossEntropy'                        : [{ crossEntropy(Ww() * vw() + uw(), 1) },
                                                     { Map p -> def z = (0..1).collect { S.dot(p.W[it], p.v) + p.u[it] }; S.log(S.exp(z[0]) + S.exp(z[1])) - z[1] }],
            'quadForm with a matrix expression'   : [{ ArrayOps.quadForm(vw(), ArrayOps.product(ArrayOps.transpose(Ww()), Ww())) },
                                                     { Map p -> (0..2).sum { a -> (0..2).sum { c -> p.v[a] * (0..1).sum { i -> p.W[i][a] * p.W[i][c] } * p.v[c] } } }],
            'trace'                               : [{ trace(ArrayOps.product(Ww(), ArrayOps.transpose(Ww()))) * s },
                                                     { Map p -> p.s * (0..1).sum { i -> (0..2).sum { j -> p.W[i][j] * p.W[i][j] } } }],
            'vector atoms of arrays'              : [{ norm2(Ww() * vw() - uw()) + sumsq(vw() - s) + l2(uw() * s) + dot(Ww() * vw(), uw()) + elasticNet(Ww() * vw() + 3, 0.3) },
                                                     { Map p -> def z = (0..1).collect { S.dot(p.W[it], p.v) }
                                                         S.sqrt((0..1).sum { (z[it] - p.u[it])**2 }) + (0..2).sum { (p.v[it] - p.s)**2 } + (0..1).sum { (p.u[it] * p.s)**2 } +
                                                                 (0..1).sum { z[it] * p.u[it] } + (0..1).sum { 0.3 * S.abs(z[it] + 3) + 0.7 * (z[it] + 3)**2 } }],
            'elementwise functions'               : [{ ArrayOps.sum(exp(vw()) / (1 + vw()**2) + log(1 + vw()**2) + sigmoid(vw() * s) + softplus(vw()) + sqrt(2 + vw()) + (1 + vw()**2)**s + max(vw(), ArrayOps.index(uw(), Constant.of(1)))) },
                                                     { Map p -> (0..2).sum { j -> def x = p.v[j]; S.exp(x) / (1 + x**2) + S.log(1 + x**2) + S.sigmoid(x * p.s) + S.softplus(x) + S.sqrt(2 + x) + (1 + x**2)**p.s + S.max([x, p.u[1]]) } }],
            'softmax regression over rows'        : [{ rows { x, y -> crossEntropy(ArrayOps.block(Ww(), 0, Shape.matrix(2, 3)) * x + uw(), y) } + 0.1 * l2(vw()) },
                                                     { Map p -> (0..<ROWS).sum { r -> def z = (0..1).collect { i -> (0..2).sum { j -> p.W[i][j] * X[3 * r + j] } + p.u[i] }
                                                         S.log(S.exp(z[0]) + S.exp(z[1])) - z[(int) Y[r]] } + 0.1 * (0..2).sum { p.v[it]**2 } }],
            'a tanh layer over rows'              : [{ rows { x, y -> (dot(uw(), tanh(Ww() * x + s)) - y)**2 } },
                                                     { Map p -> (0..<ROWS).sum { r -> ((0..1).sum { i -> p.u[i] * S.tanh((0..2).sum { j -> p.W[i][j] * X[3 * r + j] } + p.s) } - Y[r])**2 } }],
        ]
    }

}
