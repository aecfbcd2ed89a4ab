package org.gradus.diff

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure
import org.gradus.expr.Expr

import static org.gradus.expr.Fn.*

/**
 * Scalar functions that work on both engine expressions and DerivativeStructures, so that one closure
 * writes a function element by element for both references of {@link ArrayDerivativesSpec}.
 */
class S {
    static Object tanh(Object x) { x instanceof Expr ? org.gradus.expr.Fn.tanh(x) : ((DerivativeStructure) x).tanh() }
    static Object exp(Object x) { x instanceof Expr ? org.gradus.expr.Fn.exp(x) : ((DerivativeStructure) x).exp() }
    static Object log(Object x) { x instanceof Expr ? org.gradus.expr.Fn.log(x) : ((DerivativeStructure) x).log() }
    static Object sqrt(Object x) { x instanceof Expr ? org.gradus.expr.Fn.sqrt(x) : ((DerivativeStructure) x).sqrt() }
    static Object abs(Object x) { x instanceof Expr ? org.gradus.expr.Fn.abs(x) : ((DerivativeStructure) x).abs() }
    static Object sigmoid(Object x) { x instanceof Expr ? org.gradus.expr.Fn.sigmoid(x) : ((DerivativeStructure) x).negate().exp().add(1).reciprocal() }
    static Object softplus(Object x) { x instanceof Expr ? org.gradus.expr.Fn.softplus(x) : ((DerivativeStructure) x).exp().add(1).log() }

    /** The largest of the values (DerivativeStructure: the one with the largest value). */
    static Object max(List xs) {
        if (xs[0] instanceof Expr) return xs.tail().inject(xs[0]) { a, b -> org.gradus.expr.Fn.max(a, b) }
        xs.max { ((DerivativeStructure) it).value }
    }

    static Object dot(List a, List b) { (0..<a.size()).sum { a[it] * b[it] } }
}
