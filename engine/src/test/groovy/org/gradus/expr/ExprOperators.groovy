package org.gradus.expr

import org.gradus.atoms.Ops
import groovy.transform.CompileStatic
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure

/**
 * The one operator vocabulary of the engine's tests: Groovy operators on engine expressions (through
 * {@link Ops}, the code under test) and on commons-math3 {@link DerivativeStructure}s (the independent
 * reference), so both read like the mathematics: {@code (1 - x)**2 + 100*(y - x**2)**2}. Registered as
 * an extension module of the test classpath ({@code META-INF/groovy}), so they work everywhere in a spec,
 * {@code where:} tables included; the functions are {@link Fn}'s.
 */
@CompileStatic
class ExprOperators {
    private static Constant c(Number n) { Constant.of(n.doubleValue()) }

    // ---- expressions --------------------------------------------------------------------------
    static Expr plus(Expr a, Expr b) { Ops.add(a, b) }
    static Expr plus(Expr a, Number b) { Ops.add(a, c(b)) }
    static Expr plus(Number a, Expr b) { Ops.add(c(a), b) }
    static Expr minus(Expr a, Expr b) { Ops.sub(a, b) }
    static Expr minus(Expr a, Number b) { Ops.sub(a, c(b)) }
    static Expr minus(Number a, Expr b) { Ops.sub(c(a), b) }
    /** As the language reads {@code *}: the matrix product when the left side is a matrix, else elementwise. */
    static Expr multiply(Expr a, Expr b) { org.gradus.atoms.array.ArrayOps.times(a, b) }
    static Expr multiply(Expr a, Number b) { Ops.mul(a, c(b)) }
    static Expr multiply(Number a, Expr b) { Ops.mul(c(a), b) }
    static Expr div(Expr a, Expr b) { Ops.div(a, b) }
    static Expr div(Expr a, Number b) { Ops.div(a, c(b)) }
    static Expr div(Number a, Expr b) { Ops.div(c(a), b) }
    static Expr power(Expr a, Expr b) { Ops.pow(a, b) }
    static Expr power(Expr a, Number b) { Ops.pow(a, c(b)) }
    static Expr power(Number a, Expr b) { Ops.pow(c(a), b) }
    static Expr negative(Expr a) { Ops.neg(a) }
    static Expr getAt(VectorVariable w, Expr i) { w.get(i) }
    static Expr getAt(VectorVariable w, int k) { w.get(k) }
    static Expr getAt(ConstantVector v, Expr i) { v.get(i) }

    // ---- derivative structures (DerivativeStructure has its own multiply(DerivativeStructure)) ----
    static DerivativeStructure plus(DerivativeStructure a, DerivativeStructure b) { a.add(b) }
    static DerivativeStructure plus(DerivativeStructure a, Number b) { a.add(b.doubleValue()) }
    static DerivativeStructure plus(Number a, DerivativeStructure b) { b.add(a.doubleValue()) }
    static DerivativeStructure minus(DerivativeStructure a, DerivativeStructure b) { a.subtract(b) }
    static DerivativeStructure minus(DerivativeStructure a, Number b) { a.subtract(b.doubleValue()) }
    static DerivativeStructure minus(Number a, DerivativeStructure b) { b.negate().add(a.doubleValue()) }
    static DerivativeStructure multiply(DerivativeStructure a, Number b) { a.multiply(b.doubleValue()) }
    static DerivativeStructure multiply(Number a, DerivativeStructure b) { b.multiply(a.doubleValue()) }
    static DerivativeStructure div(DerivativeStructure a, DerivativeStructure b) { a.divide(b) }
    static DerivativeStructure div(DerivativeStructure a, Number b) { a.divide(b.doubleValue()) }
    static DerivativeStructure div(Number a, DerivativeStructure b) { b.reciprocal().multiply(a.doubleValue()) }
    static DerivativeStructure power(DerivativeStructure a, DerivativeStructure b) { a.pow(b) }
    static DerivativeStructure power(DerivativeStructure a, Number b) {
        double p = b.doubleValue()
        p == Math.rint(p) ? a.pow((int) p) : a.pow(p)
    }
    static DerivativeStructure power(Number a, DerivativeStructure b) { DerivativeStructure.pow(a.doubleValue(), b) }
    static DerivativeStructure negative(DerivativeStructure a) { a.negate() }
}
