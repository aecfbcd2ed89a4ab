package org.gradus.dsl.vocabulary

import org.gradus.atoms.array.Shapes
import org.gradus.calculus.GradientAt
import org.gradus.calculus.HessianAt
import org.gradus.calculus.Taylor
import org.gradus.diff.Derivatives
import org.gradus.diff.Differentiator
import org.gradus.diff.Gradient
import org.gradus.diff.Hessian
import org.gradus.dsl.Coerce
import org.gradus.expr.Element
import org.gradus.expr.Expr
import org.gradus.expr.Variable

/** Exact derivatives (SPEC §2 "Derivatives"): {@code grad}, {@code hessian}, {@code partial}, {@code directional}, {@code taylor}. */
trait DerivativesVocabulary {

    /** The symbolic gradient, or with {@code at:} its value at a point. */
    Object grad(Map options = [:], Object f) {
        Coerce.checkOptions(options, ['at'], 'grad')
        Expr e = Coerce.expr(f, 'the function')
        Shapes.requireScalar(e, 'grad')
        Gradient g = new Gradient(e)
        options.at != null ? GradientAt.of(g, Coerce.point(options.at, e.layout())) : g
    }

    /** The symbolic Hessian, or with {@code at:} the matrix at a point with its eigenvalues. */
    Object hessian(Map options = [:], Object f) {
        Coerce.checkOptions(options, ['at'], 'hessian')
        Expr e = Coerce.expr(f, 'the function')
        Shapes.requireScalar(e, 'hessian')
        Hessian h = new Hessian(e)
        options.at != null ? HessianAt.of(h, Coerce.point(options.at, e.layout())) : h
    }

    /** ∂f/∂x, or ∂²f/∂x∂y with two variables. */
    Expr partial(Object f, Object... by) {
        if (by.length == 0) throw new IllegalArgumentException('partial needs a variable: partial(f, x)')
        Expr e = Coerce.expr(f, 'the function')
        Shapes.requireScalar(e, 'partial')          // the partial of a vector was its sum's, of the wrong shape
        for (Object v : by) {
            if (!(v instanceof Variable || v instanceof Element)) {
                throw new IllegalArgumentException("partial differentiates by a variable or a vector element, not ${Coerce.describe(v)}")
            }
            e = Differentiator.partial(e, (Expr) v)
        }
        e
    }

    /** The derivative along u/|u| (u has one entry per coordinate of f's variables). */
    Expr directional(Object f, Object u) {
        Expr e = Coerce.expr(f, 'the function')
        Shapes.requireScalar(e, 'directional')
        double[] d = (u as List).collect { Coerce.number(it, 'a direction entry') } as double[]
        Derivatives.directional(e, e.layout(), d)
    }

    /** {@code taylor(f, at: [x: 0], order: 2)}; for a function of one variable also {@code at: 0}. */
    Expr taylor(Map options, Object f) {
        Coerce.checkOptions(options, ['at', 'order'], 'taylor')
        if (options.at == null) throw new IllegalArgumentException('taylor needs a point: taylor(f, at: [x: 0], order: 2)')
        Expr e = Coerce.expr(f, 'the function')
        Taylor.polynomial(e, e.layout(), Coerce.point(options.at, e.layout()), options.order != null ? Coerce.integer(options.order, 'order') : 1)
    }
}
