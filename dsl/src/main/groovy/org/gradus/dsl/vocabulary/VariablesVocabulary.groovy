package org.gradus.dsl.vocabulary

import org.gradus.dsl.Coerce
import org.gradus.expr.Matrix
import org.gradus.expr.Variable
import org.gradus.expr.VectorVariable

/** Decision variables and constant matrices: {@code variable}, {@code variables}, {@code vector}, {@code matrix}. */
trait VariablesVocabulary {

    /** {@code variable(-1.2)}, {@code variable(1.0, lower: -2, upper: 2)}. */
    Variable variable(Map options = [:], Object start = 0) {
        Coerce.checkOptions(options, ['lower', 'upper', 'name'], 'variable')
        double lo = options.lower != null ? Coerce.bound(options.lower, 'lower') : Double.NEGATIVE_INFINITY
        double hi = options.upper != null ? Coerce.bound(options.upper, 'upper') : Double.POSITIVE_INFINITY
        new Variable((String) options.name, Coerce.finite(start, 'the start value'), lo, hi)
    }

    Variable variable(Object start) { variable([:], start) }

    /** {@code variables a: 0, b: 0.5}: several scalar variables at once, each named by its key. */
    void variables(Map<String, Object> starts) {
        Binding binding = ((Script) this).getBinding()
        starts.each { name, start -> binding.setVariable(name, new Variable(name, Coerce.finite(start, "the start value of $name"))) }
    }

    /** {@code vector(30)}, {@code vector(3, start: 0.1, lower: 0)}. */
    VectorVariable vector(Map options = [:], Object size) {
        Coerce.checkOptions(options, ['start', 'lower', 'upper', 'name'], 'vector')
        int n = Coerce.integer(size, 'the size of a vector')
        if (n < 1) throw new IllegalArgumentException("a vector needs at least one element, got $n")
        double lo = options.lower != null ? Coerce.bound(options.lower, 'lower') : Double.NEGATIVE_INFINITY
        double hi = options.upper != null ? Coerce.bound(options.upper, 'upper') : Double.POSITIVE_INFINITY
        double[] start
        if (options.start instanceof List) {
            start = ((List) options.start).collect { Coerce.finite(it, 'start') } as double[]
            if (start.length != n) throw new IllegalArgumentException("start has ${start.length} values for a vector of $n")
        } else {
            start = new double[n]
            Arrays.fill(start, options.start != null ? Coerce.finite(options.start, 'start') : 0d)
        }
        new VectorVariable((String) options.name, start, lo, hi)
    }

    /** {@code matrix([[2, 1], [1, 3]])}: a constant matrix. */
    Matrix matrix(List rows) {
        new Matrix(rows.collect { row -> (row as List).collect { Coerce.number(it, 'a matrix entry') } as double[] } as double[][])
    }
}
