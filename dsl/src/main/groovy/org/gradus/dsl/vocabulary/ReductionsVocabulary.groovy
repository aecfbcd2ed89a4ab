package org.gradus.dsl.vocabulary

import org.gradus.atoms.Ops
import org.gradus.atoms.array.ArrayOps
import org.gradus.data.ColumnStatistics
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

    /**
     * {from, exclusive to} of an increasing range of whole numbers (0..<n, 0..n-1, 0..<n/2); a range past the
     * largest index (2147483647) is refused, never cut short.
     */
    private int[] integerBounds(Range range) {
        if (range instanceof EmptyRange) return [0, 0] as int[]
        String text = "${range.from}..${range.to}"
        if (range.reverse) throw new IllegalArgumentException("sum needs an increasing range, not $text")
        long from, to
        if (range instanceof IntRange) {
            from = ((IntRange) range).fromInt
            to = ((IntRange) range).toInt + 1L
        } else {
            from = Coerce.wholeNumber(range.from, "the start of the range $text")
            to = Coerce.wholeNumber(range.to, "the end of the range $text")
            boolean inclusive = range instanceof NumberRange ? ((NumberRange) range).inclusiveRight : true
            if (inclusive) to++
        }
        if (from < Integer.MIN_VALUE || to - 1 > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("sum over $text: an index range may reach at most ${Integer.MAX_VALUE - 1}; " +
                    "split the sum or use a data set")
        }
        [(int) from, (int) to] as int[]
    }

    /** {@code sum(data) { row -> body }}: the body summed over the rows of a data set. */
    Expr sum(DataSet data, Closure body) {
        data.sum({ DataSet.Row row -> body.call(row) } as Function, { Coerce.expr(it, 'the body of sum') } as Function)
    }

    /** {@code mean(data) { row -> body }}: the body averaged over the rows; with a mini-batch, over the batch. */
    Expr mean(DataSet data, Closure body) {
        data.mean({ DataSet.Row row -> body.call(row) } as Function, { Coerce.expr(it, 'the body of mean') } as Function)
    }

    /** {@code mean(data)} or {@code sum(data)} without a body: what to write instead. */
    Expr mean(DataSet data) { throw new IllegalArgumentException(withoutBody('mean', 'average', data)) }

    Expr sum(DataSet data) { throw new IllegalArgumentException(withoutBody('sum', 'add', data)) }

    private static String withoutBody(String reduction, String verb, DataSet data) {
        String t = data.name()
        "${reduction}(${t}) needs a body, the expression to ${verb} over the rows: ${reduction}(${t}) { row -> (dot(w, row.x) + b - row.y)**2 }; " +
                "one column's ${reduction} is ${reduction}(${t}['${data.columns()[0]}'])" + (reduction == 'mean' ? ", every column's ${t}.mean()" : '')
    }

    /**
     * The sum of a list of expressions (an expression), or of numbers (a number, as numpy's {@code sum} of a list:
     * {@code sum(data['price'])} is compared and printed as a number).
     */
    Object sum(List terms) {
        if (!terms.isEmpty() && terms.every { it instanceof Number }) return plainSum(terms)
        Ops.add(terms.collect { Coerce.expr(it) })
    }

    /** {@code sum(v)}, {@code sum(W * x)}: the sum of the elements of a vector or matrix. */
    Expr sum(Object array) { ArrayOps.sum(Coerce.array(array, 'the argument of sum')) }

    /** The mean of a list of numbers, a number ({@code mean(data['price'])}, as numpy's {@code mean}). */
    Object mean(List values) {
        if (!values.isEmpty() && values.every { it instanceof Number }) return plainSum(values) / values.size()
        ArrayOps.mean(Coerce.array(values, 'the argument of mean'))
    }

    /** {@code mean(v)}: the mean of the elements of a vector or matrix. */
    Expr mean(Object array) { ArrayOps.mean(Coerce.array(array, 'the argument of mean')) }

    /** The compensated sum of the numbers, as {@code data.mean()} sums a column. */
    private static double plainSum(List numbers) {
        double[] v = new double[numbers.size()]
        for (int i = 0; i < v.length; i++) v[i] = ((Number) numbers[i]).doubleValue()
        ColumnStatistics.sum(v)
    }
}
