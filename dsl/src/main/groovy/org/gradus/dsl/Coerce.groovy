package org.gradus.dsl

import groovy.transform.CompileStatic
import org.gradus.atoms.Arguments
import org.gradus.expr.Constant
import org.gradus.expr.ConstantArray
import org.gradus.expr.Expr
import org.gradus.expr.Matrix
import org.gradus.expr.PointArgs
import org.gradus.expr.Vec

/** Converts script values to engine values, with errors that say what was expected. */
@CompileStatic
final class Coerce {
    private Coerce() {}

    /** How a message names a script value. */
    static final java.util.function.Function<Object, String> DESCRIBE = (Object v) -> describe(v)

    /** A number or an expression, as an expression (the engine's conversion, {@link Arguments}). */
    static Expr expr(Object v, String what = 'argument') {
        Arguments.toExpr(v, what, DESCRIBE)
    }

    /**
     * An operand of an operator: a number or expression as it is, and arrays — a vector or matrix
     * variable whole, a constant matrix, a list of numbers or of rows — as array expressions.
     */
    static Expr operand(Object v, String what = 'argument') {
        if (v instanceof Expr || v instanceof Number || v == null) return expr(v, what)
        if (v instanceof org.gradus.expr.Matrix || v instanceof Vec || v instanceof List || v instanceof double[]) return Arguments.toArray(v, what, DESCRIBE)
        expr(v, what)
    }

    /** A vector or matrix: a variable whole, an array expression, a list, a constant matrix. */
    static Expr array(Object v, String what = 'argument') {
        Arguments.toArray(v, what, DESCRIBE)
    }

    static double number(Object v, String what) {
        Arguments.toNumber(v, what, DESCRIBE)
    }

    /** A finite number: a start value, a point's coordinate (NaN or ±Infinity is an error naming it). */
    static double finite(Object v, String what) {
        double d = number(v, what)
        if (!Double.isFinite(d)) throw new IllegalArgumentException("$what must be a finite number, not ${org.gradus.print.Numbers.format(d)}")
        d
    }

    /** A bound: a number, or -Infinity below and Infinity above (no bound); NaN is an error. */
    static double bound(Object v, String what) {
        double d = number(v, what)
        boolean lower = what == 'lower'
        if (Double.isNaN(d) || (lower && d == Double.POSITIVE_INFINITY) || (!lower && d == Double.NEGATIVE_INFINITY)) {
            throw new IllegalArgumentException("$what must be a number${lower ? ' or -Infinity' : ' or Infinity'}, not ${org.gradus.print.Numbers.format(d)}")
        }
        d
    }

    /** A whole number that fits in an int; one past the int range is an error, never cut to 2147483647. */
    static int integer(Object v, String what) {
        long n = wholeNumber(v, what)
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("$what is $n, past the largest whole number allowed here (${Integer.MAX_VALUE})")
        }
        return (int) n
    }

    /** A whole number as a long (exact up to 2^53). */
    static long wholeNumber(Object v, String what) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) return ((Number) v).longValue()
        if (v instanceof BigInteger) {
            BigInteger b = (BigInteger) v
            if (b.bitLength() > 62) throw new IllegalArgumentException("$what is $b, too large")
            return b.longValue()
        }
        double d = number(v, what)
        if (!Double.isFinite(d)) throw new IllegalArgumentException("$what must be a whole number, not ${org.gradus.print.Numbers.format(d)}")
        if (d != Math.rint(d)) throw new IllegalArgumentException("$what must be a whole number, not $d")
        if (Math.abs(d) > 9.0e15) throw new IllegalArgumentException("$what is ${org.gradus.print.Numbers.format(d)}, too large")
        return (long) d
    }

    /** A vector variable, a list of numbers or expressions, or an array, as a vector operand. */
    static Vec vec(Object v, String what = 'argument') {
        Arguments.toVec(v, what, DESCRIBE)
    }

    /** A true/false option. */
    static boolean flag(Object v, String what) {
        if (v instanceof Boolean) return (Boolean) v
        throw new IllegalArgumentException("$what must be true or false, not ${describe(v)}")
    }

    static boolean isVectorLike(Object v) {
        Arguments.isVectorLike(v)
    }

    /**
     * Numbers given as an array rather than a list, as plain lists: a Java {@code double[]} (a JSR-223 binding) or a
     * constant vector ({@code vector([1, 2])}) as a list of numbers, a {@code double[][]} or a constant matrix as rows.
     * Anything else as it is.
     */
    static Object asLists(Object v) {
        if (v instanceof double[]) return ((double[]) v).toList()
        if (v instanceof double[][]) return ((double[][]) v).collect { double[] row -> row.toList() }
        if (v instanceof ConstantArray) {
            ConstantArray a = (ConstantArray) v
            if (!a.shape().isMatrix()) return a.values().toList()
            int columns = a.shape().columns()
            List<List<Double>> rows = []
            for (int i = 0; i < a.values().length; i += columns) rows.add(Arrays.copyOfRange(a.values(), i, i + columns).toList())
            return rows
        }
        if (v instanceof Matrix) return asLists(((Matrix) v).toArray())
        v
    }

    /** Start values of a rows × columns matrix: a number for all, or rows of numbers. */
    static double[] matrixStart(Object start, int rows, int columns) {
        start = asLists(start)
        double[] out = new double[rows * columns]
        if (start instanceof Number) {
            Arrays.fill(out, finite(start, 'start'))
            return out
        }
        if (!(start instanceof List) || ((List) start).size() != rows) throw new IllegalArgumentException("start: must be a number or $rows rows of $columns numbers")
        ((List) start).eachWithIndex { Object row, int i ->
            if (!(row instanceof List) || ((List) row).size() != columns) throw new IllegalArgumentException("start: row $i must have $columns numbers")
            ((List) row).eachWithIndex { Object v, int j -> out[i * columns + j] = finite(v, 'start') }
        }
        out
    }

    /** A box {name: lo..hi} (ranges or two-element lists) as name → {lo, hi}, read by the engine ({@link PointArgs#box}). */
    static Map<String, double[]> box(Object over, String what = 'over') {
        over == null ? null : PointArgs.box(ranges(over), what, false, DESCRIBE)
    }

    /**
     * The one step of reading a box that is the script language's own: its ranges ({@code -1..1}, also
     * {@code 0.1..5}, whose elements are not its ends) become their two ends; the engine reads the rest.
     */
    static Object ranges(Object over) {
        if (!(over instanceof Map)) return over
        Map<Object, Object> out = new LinkedHashMap<>()
        ((Map) over).each { k, v -> out.put(k, v instanceof Range ? [((Range) v).from, ((Range) v).to] : v) }
        out
    }

    /** A point {name: value} with values as numbers or lists, read by the engine ({@link PointArgs#point}). */
    static Map<String, Object> point(Object at, String what = 'at') {
        if (at instanceof Map) {
            Map<Object, Object> lists = new LinkedHashMap<>()
            ((Map<Object, Object>) at).each { k, v -> lists.put(k, asLists(v)) }
            at = lists
        }
        PointArgs.point(at, what, DESCRIBE)
    }

    /**
     * A point of a function over {@code layout}: a map by name, or — where the function has one scalar variable —
     * that variable's value alone, as a learner writes it in one variable ({@code taylor(exp(x), at: 0)},
     * {@code f.at(2)}). A number for a function of several variables, or of a vector, says which map it needs.
     */
    static Map<String, Object> point(Object at, org.gradus.expr.Layout layout, String what = 'at') {
        if (!(at instanceof Number || at instanceof Constant)) return point(at, what)
        double value = at instanceof Constant ? ((Constant) at).value() : ((Number) at).doubleValue()
        List<org.gradus.expr.VariableBlock> blocks = layout.blocks()
        if (blocks.size() == 1 && blocks[0] instanceof org.gradus.expr.Variable) return [(blocks[0].name()): (Object) value]
        if (blocks.isEmpty()) return [:]                               // no variables: the point does not matter
        String example = blocks.collect { "${it.name()}: ${it instanceof org.gradus.expr.Variable ? '1' : '[...]'}" }.join(', ')
        String has = blocks.size() == 1 ? "the vector ${blocks[0].name()}" : "the variables ${blocks*.name().join(', ')}"
        throw new IllegalArgumentException("$what must be a map like [$example]: a number alone names a point only of a function " +
                "of one scalar variable, and this one has $has")
    }

    static void checkOptions(Map options, Collection<String> valid, String function) {
        if (options == null) return
        for (Object k : options.keySet()) {         // a loop, not a closure: every word with options runs this
            if (!valid.contains(String.valueOf(k))) {
                throw new IllegalArgumentException("$function has no option '$k'; valid options: ${valid.join(', ')}")
            }
        }
    }

    static String describe(Object v) {
        if (v == null) return 'null'
        if (v instanceof CharSequence) return "the text '$v'"
        if (v instanceof Closure) return 'a closure'
        "${v.getClass().simpleName} $v"
    }
}
