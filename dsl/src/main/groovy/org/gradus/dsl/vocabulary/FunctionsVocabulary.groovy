package org.gradus.dsl.vocabulary

import org.gradus.atoms.FunctionWord
import org.gradus.atoms.Functions
import org.gradus.calculus.GradientAt
import org.gradus.calculus.HessianAt
import org.gradus.diff.Hessian
import org.gradus.dsl.Coerce
import org.gradus.dsl.ExpressionCall
import org.gradus.eval.DomainCheck
import org.gradus.expr.Constant
import org.gradus.expr.Expr
import org.gradus.expr.VariableBlock
import org.gradus.result.ArrayValue

/**
 * The built-in functions — elementary, of vectors, losses and regularizers (SPEC §2 "Expressions") — are
 * the engine's function words ({@link Functions}): {@code exp(x)}, {@code huber(p, y, 0.5)}, ... A word
 * added to that registry is a script function with no line here. A name that is no word is Groovy's "no
 * such method" (reported with the nearest known name); a call with the wrong number of arguments says what
 * the word takes. Numbers a script was shown at a point are numbers to a word: an array's value
 * ({@code (W * x).at(r)}), a Hessian's matrix and a gradient's vector at a point ({@code solve(hessian(f).at(p),
 * grad(f).at(p))}, a Newton step by hand), and a Hessian that is constant ({@code eigenvalues(hessian(f))} of a quadratic).
 */
trait FunctionsVocabulary {

    def methodMissing(String name, Object args) {
        Object[] values = args == null ? new Object[0] : args instanceof Object[] ? (Object[]) args : [args] as Object[]
        FunctionWord word = Functions.find(name)
        if (word == null) {
            // f(x: 1) of a variable holding an expression: Groovy finds no function f; say how an expression is evaluated
            Object held = this instanceof Script && ((Script) this).binding.hasVariable(name) ? ((Script) this).binding.getVariable(name) : null
            if (held instanceof Expr || held instanceof VariableBlock) throw new IllegalArgumentException(ExpressionCall.advice(name, held, values))
            throw new MissingMethodException(name, this.getClass(), values)
        }
        Expr e = word.call(values.collect { numbers(it, name) }, Coerce.DESCRIBE)
        // a function of numbers outside its domain (log(-1)) is an error, not an unevaluated expression
        if (e.layout().dimension() == 0) {
            String outside = DomainCheck.ofConstant(e)
            if (outside != null) throw new IllegalArgumentException(outside)
        }
        e
    }

    private static Object numbers(Object value, String word) {
        if (value instanceof ArrayValue) {
            ArrayValue a = (ArrayValue) value
            return a.shape().isMatrix() ? a.rows() : a.values().clone()
        }
        if (value instanceof HessianAt) return ((HessianAt) value).matrix()
        if (value instanceof Hessian) {      // a quadratic's Hessian is constant: its numbers (eigenvalues(hessian(f)): the curvatures)
            Expr[][] h = ((Hessian) value).entries()
            if (h.every { Expr[] row -> row.every { it instanceof Constant } }) return h.collect { Expr[] row -> row.collect { ((Constant) it).value() } }
            throw new IllegalArgumentException("${word} needs numbers, and the Hessian of ${((Hessian) value).function()} depends on the variables; "
                    + "take it at a point, as in hessian(f).at(x: 1, y: 2)")
        }
        if (value instanceof GradientAt) return ((GradientAt) value).value()
        value
    }
}
