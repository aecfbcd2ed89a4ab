package org.gradus.dsl.vocabulary

import org.gradus.atoms.FunctionWord
import org.gradus.atoms.Functions
import org.gradus.dsl.Coerce

/**
 * The built-in functions — elementary, of vectors, losses and regularizers (SPEC §2 "Expressions") — are
 * the engine's function words ({@link Functions}): {@code exp(x)}, {@code huber(p, y, 0.5)}, ... A word
 * added to that registry is a script function with no line here. A name that is no word, or a call with
 * the wrong number of arguments, is Groovy's "no such method" as before.
 */
trait FunctionsVocabulary {

    def methodMissing(String name, Object args) {
        Object[] values = args == null ? new Object[0] : args instanceof Object[] ? (Object[]) args : [args] as Object[]
        FunctionWord word = Functions.find(name)
        if (word == null || !word.accepts(values.length)) throw new MissingMethodException(name, this.getClass(), values)
        word.call(Arrays.asList(values), Coerce.DESCRIBE)
    }
}
