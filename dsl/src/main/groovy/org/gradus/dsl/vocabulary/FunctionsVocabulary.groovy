package org.gradus.dsl.vocabulary

import org.gradus.atoms.FunctionWord
import org.gradus.atoms.Functions
import org.gradus.dsl.Coerce
import org.gradus.eval.DomainCheck
import org.gradus.expr.Expr

/**
 * The built-in functions — elementary, of vectors, losses and regularizers (SPEC §2 "Expressions") — are
 * the engine's function words ({@link Functions}): {@code exp(x)}, {@code huber(p, y, 0.5)}, ... A word
 * added to that registry is a script function with no line here. A name that is no word is Groovy's "no
 * such method" (reported with the nearest known name); a call with the wrong number of arguments says what
 * the word takes.
 */
trait FunctionsVocabulary {

    def methodMissing(String name, Object args) {
        Object[] values = args == null ? new Object[0] : args instanceof Object[] ? (Object[]) args : [args] as Object[]
        FunctionWord word = Functions.find(name)
        if (word == null) throw new MissingMethodException(name, this.getClass(), values)
        Expr e = word.call(Arrays.asList(values), Coerce.DESCRIBE)
        // a function of numbers outside its domain (log(-1)) is an error, not an unevaluated expression
        if (e.layout().dimension() == 0) {
            String outside = DomainCheck.ofConstant(e)
            if (outside != null) throw new IllegalArgumentException(outside)
        }
        e
    }
}
