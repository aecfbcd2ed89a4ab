package org.gradus.dsl.vocabulary

import org.gradus.dsl.Coerce
import org.gradus.dsl.ScriptContext
import org.gradus.expr.Initializer
import org.gradus.expr.Expr
import org.gradus.expr.Matrix
import org.gradus.expr.Shape
import org.gradus.expr.Variable
import org.gradus.expr.VectorVariable

/** Decision variables and constant matrices: {@code variable}, {@code variables}, {@code vector}, {@code matrix}. */
trait VariablesVocabulary implements ScriptAccess {

    /** {@code variable(-1.2)}, {@code variable(1.0, lower: -2, upper: 2)}. */
    Variable variable(Map options = [:], Object start = 0) {
        Coerce.checkOptions(options, ['lower', 'upper', 'name'], 'variable')
        double lo = options.lower != null ? Coerce.bound(options.lower, 'lower') : Double.NEGATIVE_INFINITY
        double hi = options.upper != null ? Coerce.bound(options.upper, 'upper') : Double.POSITIVE_INFINITY
        if (start instanceof VectorVariable) {
            VectorVariable v = (VectorVariable) start
            String made = v.shape().isMatrix() ? "matrix(${v.shape().rows()}, ${v.shape().columns()})" : "vector(${v.size()})"
            throw new IllegalArgumentException("${made} is already a variable (one per element), so it needs no variable(...) " +
                    "around it: write w = ${made}; variable(...) makes one number")
        }
        if (start instanceof List) {
            throw new IllegalArgumentException("variable(...) makes one number; for a vector of ${((List) start).size()} starting at " +
                    "${start} write w = vector(${((List) start).size()}, start: ${start})")
        }
        new Variable((String) options.name, Coerce.finite(start, 'the start value'), lo, hi)
    }

    Variable variable(Object start) { variable([:], start) }

    /** {@code variables a: 0, b: 0.5}: several scalar variables at once, each named by its key. */
    void variables(Map<String, Object> starts) {
        Binding binding = ((Script) this).getBinding()
        starts.each { name, start -> binding.setVariable(name, new Variable(name, Coerce.finite(start, "the start value of $name"))) }
    }

    /**
     * {@code vector(30)}, {@code vector(3, start: 0.1, lower: 0)}, {@code vector(32, init: 'normal', scale: 0.1, seed: 1)}
     * (start values drawn, see {@link Initializer}).
     */
    VectorVariable vector(Map options = [:], Object size) {
        Coerce.checkOptions(options, ['start', 'lower', 'upper', 'name', 'init', 'scale', 'seed'], 'vector')
        int n = Coerce.integer(size, 'the size of a vector')
        if (n < 1) throw new IllegalArgumentException("a vector needs at least one element, got $n")
        double lo = options.lower != null ? Coerce.bound(options.lower, 'lower') : Double.NEGATIVE_INFINITY
        double hi = options.upper != null ? Coerce.bound(options.upper, 'upper') : Double.POSITIVE_INFINITY
        if (options.init != null || options.scale != null || options.seed != null) {
            if (options.start != null) throw new IllegalArgumentException('vector takes start: or init:, not both')
            return VectorVariable.drawn((String) options.name, Shape.vector(n), initializer(options), lo, hi)
        }
        double[] start
        Object given = Coerce.asLists(options.start)
        if (given instanceof List) {
            start = ((List) given).collect { Coerce.finite(it, 'start') } as double[]
            if (start.length != n) throw new IllegalArgumentException("start has ${start.length} values for a vector of $n")
        } else {
            start = new double[n]
            Arrays.fill(start, options.start != null ? Coerce.finite(options.start, 'start') : 0d)
        }
        new VectorVariable((String) options.name, start, lo, hi)
    }

    /**
     * {@code matrix(8, 2, init: 'normal', scale: 0.5, seed: 1)}: a matrix variable of rows × columns whose
     * start values are drawn by {@code init:} ('zeros' by default, 'normal', 'uniform', 'glorot'), with
     * {@code lower:}/{@code upper:} bounds and {@code start:} rows as alternatives.
     */
    VectorVariable matrix(Map options = [:], Object rows, Object columns) {
        Coerce.checkOptions(options, ['init', 'scale', 'seed', 'start', 'lower', 'upper', 'name'], 'matrix')
        int r = Coerce.integer(rows, 'the number of rows'), c = Coerce.integer(columns, 'the number of columns')
        if (r < 1 || c < 1) throw new IllegalArgumentException("a matrix needs at least one row and one column, got ${r}×${c}")
        double lo = options.lower != null ? Coerce.bound(options.lower, 'lower') : Double.NEGATIVE_INFINITY
        double hi = options.upper != null ? Coerce.bound(options.upper, 'upper') : Double.POSITIVE_INFINITY
        if (options.start != null) {
            if (options.init != null) throw new IllegalArgumentException('matrix takes start: or init:, not both')
            double[] s = Coerce.matrixStart(options.start, r, c)
            return VectorVariable.matrix((String) options.name, r, c, s, lo, hi)
        }
        VectorVariable.drawn((String) options.name, Shape.matrix(r, c), initializer(options), lo, hi)
    }

    /**
     * The initializer of {@code init:}, {@code scale:} and {@code seed:}. Without {@code seed:} the seed is the
     * declaration's place in its session (1001, 1002, …: {@link ScriptContext#nextDeclarationSeed}), so a script
     * draws the same numbers on every run, also when one JVM runs it again (an embedding, a test suite).
     */
    private Initializer initializer(Map options) {
        String kind = options.init != null ? String.valueOf(options.init) : 'zeros'
        double scale = options.scale != null ? Coerce.number(options.scale, 'scale') : 1d
        long seed
        if (options.seed != null) {
            seed = (long) Coerce.integer(options.seed, 'seed')
        } else {
            ScriptContext ctx = context()
            seed = ctx != null ? ctx.nextDeclarationSeed() : ScriptContext.FIRST_DECLARATION_SEED
        }
        new Initializer(kind, scale, seed)
    }

    /**
     * {@code vector([1, 2, 3])}: a constant vector (numbers given), as {@code matrix([[2, 1], [1, 3]])} is a
     * constant matrix; {@code vector([1, 2, 3]) * 2} is [2, 4, 6] (a list literal alone is Groovy's list, whose
     * {@code * 2} repeats it).
     */
    Expr vector(List values) {
        if (values.isEmpty()) throw new IllegalArgumentException('vector([...]) needs at least one number')
        if (values.any { it instanceof List }) throw new IllegalArgumentException('vector([...]) takes numbers; a list of rows is matrix([[...], [...]])')
        Coerce.array(values.collect { Coerce.number(it, 'a vector entry') }, 'vector([...])')
    }

    /** {@code vector(w0)} of a Java {@code double[]} (a JSR-223 binding): the constant vector of its numbers. */
    Expr vector(double[] values) { vector(values.toList()) }

    /** {@code matrix([[2, 1], [1, 3]])}: a constant matrix; also of a Java {@code double[][]}. */
    Matrix matrix(double[][] rows) { matrix(Coerce.asLists(rows) as List) }

    Matrix matrix(List rows) {
        new Matrix(rows.collect { row -> (row as List).collect { Coerce.number(it, 'a matrix entry') } as double[] } as double[][])
    }
}
