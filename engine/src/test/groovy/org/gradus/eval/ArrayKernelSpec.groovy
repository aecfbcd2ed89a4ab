package org.gradus.eval

import org.gradus.atoms.Huber
import org.gradus.atoms.Ops
import org.gradus.atoms.array.ArrayOps
import org.gradus.expr.Constant
import org.gradus.expr.ConstantArray
import org.gradus.expr.Expr
import org.gradus.expr.IndexSymbol
import org.gradus.expr.Layout
import org.gradus.expr.Lookup
import org.gradus.expr.Shape
import org.gradus.expr.TableSlice
import org.gradus.expr.Variable
import org.gradus.expr.VectorVariable
import spock.lang.Specification

import static org.gradus.expr.Fn.*

/**
 * Array instructions inside loop bodies: the bytecode kernel (which calls the array rules of
 * ArraySweeps on the body program's buffers) against the interpreter, bit for bit, over a table of
 * bodies that covers every array opcode — a softmax-regression row, a tanh layer, slices, stacks,
 * one-hot vectors, matrix products, vector atoms, an array-valued reduction.
 */
class ArrayKernelSpec extends Specification {
    static final int ROWS = 7, F = 4, K = 3
    static final VectorVariable W = VectorVariable.matrix('W', K, F, new double[K * F], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
    static final VectorVariable b = new VectorVariable('b', K, 0.0)
    static final VectorVariable v = new VectorVariable('v', F, 0.0)
    static final Variable s = new Variable('s', 0.5)
    static final Layout layout = new Layout([W, b, v, s])
    static final double[] table = (0..<ROWS * F).collect { Math.sin(1.3 * it) * 2 } as double[]
    static final double[] labels = (0..<ROWS).collect { (it * 2) % K } as double[]

    static Expr row(Expr i) { new TableSlice('X', table, Ops.mul(Constant.of(F), i), F, 'row.x') }

    static Expr label(Expr i) { new Lookup('y', labels, i) }

    static Expr rows(Closure<Expr> body) {
        IndexSymbol i = new IndexSymbol('row')
        Ops.sum(i, 0, ROWS, body(i), 'X#1')
    }

    static Expr Ww() { W.whole() }

    static Expr bw() { b.whole() }

    static Expr vw() { v.whole() }

    static Map<String, Closure<Expr>> cases() {
        [
            'softmax regression row'  : { rows { i -> crossEntropy(Ww() * row(i) + bw(), label(i)) } },
            'tanh layer'              : { rows { i -> dot(vw(), tanh(ArrayOps.transpose(Ww()) * bw() + row(i))) + s * 2 } },
            'elementwise mix'         : { rows { i -> ArrayOps.sum(exp(-1 * row(i) * vw()) / (1 + vw()**2)) + ArrayOps.sum((row(i) - vw())**2) + maxOf(row(i) * vw()) + logsumexp(vw() * ArrayOps.index(row(i), Constant.of(0)) - s) } },
            'powers and quotients'    : { rows { i -> ArrayOps.sum((vw()**2 + 1)**1.5 / (2 + row(i)**2) + s / (1 + vw()**2)) } },
            'matrix products'         : { rows { i -> Ops.mul(trace(ArrayOps.product(ArrayOps.transpose(Ww()), Ww())), ArrayOps.index(row(i), Constant.of(1))) } },
            'outer and quadForm'      : { rows { i -> ArrayOps.quadForm(vw(), outer(row(i), vw())) + ArrayOps.mean(outer(bw(), vw()) * s) } },
            'slices, stacks, embed'   : { rows { i -> ArrayOps.sum(ArrayOps.block(vw(), 1, Shape.vector(2)) * ArrayOps.stack([s, ArrayOps.index(row(i), Constant.of(2))])) + dot(embed(ArrayOps.block(vw(), 0, Shape.vector(2)), 1, F), row(i)) } },
            'one-hot and argmax'      : { rows { i -> dot(oneHot(label(i), K), Ww() * row(i)) + argmax(Ww() * row(i)) * s + ArrayOps.index(Ww() * row(i), label(i)) } },
            'elementwise atoms of two': { rows { i -> ArrayOps.sum(Ops.apply(new Huber(0.5), Ww() * row(i), bw()) + max(Ww() * row(i), bw())) } },
            'vector atoms'            : { rows { i -> norm2(Ww() * row(i) - bw()) + l1(vw() * row(i)) + sumsq(vw() - 1) } },
            'softmax and constants'   : { rows { i -> dot(softmax(Ww() * row(i) + bw()), bw() * new ConstantArray('c', [1, 2, 3] as double[], Shape.vector(K))) } },
            'array-valued reduction'  : { Ops.add(ArrayOps.sum(Ops.mul(rows { i -> ArrayOps.product(Ww(), row(i)) }, bw())), Ops.pow(s, Constant.of(2))) },
        ]
    }

    static double[] randomPoint(Random rnd) {
        (0..<layout.dimension()).collect { rnd.nextGaussian() * 0.8 } as double[]
    }

    def "compiled body with arrays agrees with the interpreter bit for bit: #name"() {
        given:
        Expr f = build()
        Program interpreted = Program.compile(f, layout)
        interpreted.jitThreshold(Long.MAX_VALUE)
        Program generated = Program.compile(f, layout)
        generated.jitThreshold(0)
        Random rnd = new Random(name.hashCode())

        expect:
        5.times {
            double[] pt = randomPoint(rnd)
            LoopKernelSpec.close(generated.value(pt), interpreted.value(pt), 'value')
            double[] g1 = new double[pt.length], g2 = new double[pt.length]
            LoopKernelSpec.close(generated.valueAndGradient(pt, g2), interpreted.valueAndGradient(pt, g1), 'value with gradient')
            for (int k = 0; k < pt.length; k++) LoopKernelSpec.close(g2[k], g1[k], 'd/d' + layout.coordinateName(k))
        }
        interpreted.compiledLoopCount() == 0
        generated.compiledLoopCount() >= (name == 'array-valued reduction' ? 0 : 1)

        where:
        name << cases().keySet()
        build << cases().values()
    }
}
