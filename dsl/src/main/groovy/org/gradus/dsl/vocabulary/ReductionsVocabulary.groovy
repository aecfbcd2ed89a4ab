package org.gradus.dsl.vocabulary

import org.gradus.atoms.Ops
import org.gradus.atoms.array.ArrayOps
import org.gradus.data.DataSet
import org.gradus.dsl.Coerce
import org.gradus.expr.Expr
import org.gradus.expr.IndexSymbol

import java.util.function.Function

/** Reductions whose body is kept once, not unrolled: {@code sum} over a range, a list or a data set; {@code mean}. */
trait ReductionsVocabulary {

    /** {@code sum(0..<n) { i -> body }}: one node, whatever n; i may appear in index arithmetic. */
    Expr sum(Range range, Closure body) {
        int[] bounds = integerBounds(range)
        IndexSymbol i = new IndexSymbol('i')
        Expr e = Coerce.expr(body.call(i), 'the body of sum')
        Ops.sum(i, bounds[0], bounds[1], e)
    }

    /** {from, exclusive to} of an increasing range of whole numbers (0..<n, 0..n-1, 0..<n/2). */
    private int[] integerBounds(Range range) {
        if (range instanceof EmptyRange) return [0, 0] as int[]
        String text = "${range.from}..${range.to}"
        if (range.reverse) throw new IllegalArgumentException("sum needs an increasing range, not $text")
        if (range instanceof IntRange) return [((IntRange) range).fromInt, ((IntRange) range).toInt + 1] as int[]
        int from = Coerce.integer(range.from, "the start of the range $text")
        int to = Coerce.integer(range.to, "the end of the range $text")
        boolean inclusive = range instanceof NumberRange ? ((NumberRange) range).inclusiveRight : true
        [from, inclusive ? to + 1 : to] as int[]
    }

    /** {@code sum(data) { row -> body }}: the body summed over the rows of a data set. */
    Expr sum(DataSet data, Closure body) {
        data.sum({ DataSet.Row row -> body.call(row) } as Function, { Coerce.expr(it, 'the body of sum') } as Function)
    }

    /** {@code mean(data) { row -> body }}: the body averaged over the rows; with a mini-batch, over the batch. */
    Expr mean(DataSet data, Closure body) {
        data.mean({ DataSet.Row row -> body.call(row) } as Function, { Coerce.expr(it, 'the body of mean') } as Function)
    }

    /** The sum of a list of numbers or expressions. */
    Expr sum(List terms) { Ops.add(terms.collect { Coerce.expr(it) }) }

    /** {@code sum(v)}, {@code sum(W * x)}: the sum of the elements of a vector or matrix. */
    Expr sum(Object array) { ArrayOps.sum(Coerce.array(array, 'the argument of sum')) }

    /** {@code mean(v)}: the mean of the elements of a vector or matrix. */
    Expr mean(Object array) { ArrayOps.mean(Coerce.array(array, 'the argument of mean')) }
}
