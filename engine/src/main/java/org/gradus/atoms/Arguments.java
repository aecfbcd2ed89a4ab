package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.ConstantArray;
import org.gradus.expr.ConstantVector;
import org.gradus.expr.Expr;
import org.gradus.expr.ExprVector;
import org.gradus.expr.Matrix;
import org.gradus.expr.Vec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The values a caller passes to a {@link FunctionWord} — numbers, expressions, lists, arrays, matrices —
 * converted once, here, into engine values, with errors that say what was expected ("argument must be
 * a number or an expression, not the text 'a'"). The script language and Java embedders share it.
 */
public final class Arguments {
    private final String function;
    private final List<?> values;
    private final Function<Object, String> describe;

    /**
     * @param function the word's name, for messages
     * @param values   the values as passed
     * @param describe how a message names a value the caller passed (a script says "a closure")
     */
    public Arguments(String function, List<?> values, Function<Object, String> describe) {
        this.function = function;
        this.values = values;
        this.describe = describe;
    }

    public int size() {
        return values.size();
    }

    /** The value as passed. */
    public Object raw(int k) {
        return values.get(k);
    }

    /** Argument k as a scalar expression (a number becomes a constant). */
    public Expr expr(int k) {
        return toExpr(values.get(k), "the argument of " + function, describe);
    }

    /** Arguments k, k+1, ... as scalar expressions. */
    public List<Expr> exprsFrom(int k) {
        List<Expr> out = new ArrayList<>();
        for (int i = k; i < values.size(); i++) out.add(expr(i));
        return out;
    }

    /** Argument k as a vector operand (a vector variable, a list, an array). */
    public Vec vec(int k) {
        return toVec(values.get(k), "the argument of " + function, describe);
    }

    /** True when argument k is a vector, a list or an array rather than a scalar. */
    public boolean isVectorLike(int k) {
        return isVectorLike(values.get(k));
    }

    /** True when argument k is an array-valued expression ({@code W * x}, {@code 2*v}) rather than a vector operand or a scalar. */
    public boolean isArrayExpression(int k) {
        return values.get(k) instanceof Expr e && e.isArray();
    }

    /**
     * Argument k as an array expression: an array-valued expression as it is, a vector or matrix variable
     * whole, a list of numbers or expressions, a list of rows, an array, a constant matrix.
     */
    public Expr array(int k) {
        return toArray(values.get(k), "the argument of " + function, describe);
    }

    /** Argument k as a number; {@code name} is the parameter's name, for messages. */
    public double number(int k, String name) {
        return toNumber(values.get(k), name, describe);
    }

    /** Argument k as a constant matrix (a {@link Matrix} or a list of rows). */
    public Matrix matrix(int k) {
        return toMatrix(values.get(k), describe);
    }

    // ---- the conversions ----------------------------------------------------------------------

    /** A number or an expression, as an expression; a vector or matrix variable is taken whole (an elementwise function then gives an array). */
    public static Expr toExpr(Object v, String what, Function<Object, String> describe) {
        if (v instanceof Expr e) return e;
        if (v instanceof Number n) {
            // (-8)**(1/3) is NaN in doubles (numpy's too); inside an expression it would spread silently (x**0.5 + NaN)
            if (Double.isNaN(n.doubleValue())) {
                throw new IllegalArgumentException(what + " is NaN (not a number), which no expression can hold: an operation on numbers "
                        + "with no real value gave it, such as a negative number to a fractional power ((-8)**(1/3); the real cube root "
                        + "of -8 is -(8**(1/3))), 0/0 or Math.sqrt(-1)");
            }
            return Constant.of(n.doubleValue());
        }
        if (v instanceof Vec vec && vec.asArray() != null) return vec.asArray(); // exp(v): elementwise on the whole vector
        if (v instanceof List<?> l && numbers(l)) return toArray(v, what, describe);     // exp([1, 2]): a constant vector (rows: a matrix)
        if (v instanceof Matrix || v instanceof double[][]) return toArray(v, what, describe); // exp(matrix([[1, 2], [3, 4]])): elementwise
        if (v == null) throw new IllegalArgumentException(what + " is null; expected a number or an expression");
        throw new IllegalArgumentException(what + " must be a number or an expression, not " + describe.apply(v));
    }

    /** True for a plain list of numbers, or a list of rows of numbers of one length. */
    private static boolean numbers(List<?> l) {
        if (l.isEmpty()) return false;
        if (l.stream().allMatch(o -> o instanceof Number)) return true;
        return l.stream().allMatch(o -> o instanceof List<?> r && !r.isEmpty() && r.size() == ((List<?>) l.get(0)).size()
                && r.stream().allMatch(e -> e instanceof Number));
    }

    /** A number (or a constant expression), as a double. */
    public static double toNumber(Object v, String what, Function<Object, String> describe) {
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof Constant c) return c.value();
        throw new IllegalArgumentException(what + " must be a number, not " + describe.apply(v));
    }

    /** A vector variable, a list of numbers or expressions, or an array, as a vector operand. */
    public static Vec toVec(Object v, String what, Function<Object, String> describe) {
        if (v instanceof Vec vec) return vec;
        if (v instanceof double[] d) return new ConstantVector(null, d);
        if (v instanceof List<?> l) {
            if (l.isEmpty()) throw new IllegalArgumentException(what + " is an empty list; a vector needs at least one element");
            boolean numbers = true;
            for (Object o : l) numbers &= o instanceof Number;
            if (numbers) {
                double[] d = new double[l.size()];
                for (int i = 0; i < d.length; i++) d[i] = ((Number) l.get(i)).doubleValue();
                return new ConstantVector(null, d);
            }
            List<Expr> elements = new ArrayList<>();
            for (Object o : l) elements.add(toExpr(o, what, describe));
            return new ExprVector(elements);
        }
        throw new IllegalArgumentException(what + " must be a vector (a vector variable or a list), not " + describe.apply(v));
    }

    /**
     * A value as an array expression (see {@link #array(int)}).
     *
     * @throws IllegalArgumentException for a scalar, an empty list or anything else, saying what was expected
     */
    public static Expr toArray(Object v, String what, Function<Object, String> describe) {
        if (v instanceof Expr e) {
            if (e.isArray()) return e;
            throw new IllegalArgumentException(what + " must be a vector or a matrix, not the scalar " + e);
        }
        if (v instanceof Matrix m) return ConstantArray.of(m);
        if (v instanceof double[][] d) return ConstantArray.of(new Matrix(d));
        if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof List<?>) return ConstantArray.of(toMatrix(v, describe));
        Vec vec = toVec(v, what, describe);
        Expr whole = vec.asArray();
        if (whole != null) return whole;
        List<Expr> elements = new ArrayList<>();
        for (int k = 0; k < vec.size(); k++) elements.add(vec.get(k));
        return org.gradus.atoms.array.ArrayOps.stack(elements);
    }

    public static boolean isVectorLike(Object v) {
        return v instanceof Vec || v instanceof List || v instanceof double[];
    }

    /** A matrix, or a list of rows of numbers (a single number or row is read as one row). */
    public static Matrix toMatrix(Object v, Function<Object, String> describe) {
        if (v instanceof Matrix m) return m;
        if (v instanceof double[][] d) return new Matrix(d);
        List<?> rows = v instanceof List<?> l ? l : List.of(v);
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            Object row = rows.get(i);
            List<?> entries = row instanceof List<?> r ? r : List.of(row);
            out[i] = new double[entries.size()];
            for (int j = 0; j < out[i].length; j++) out[i][j] = toNumber(entries.get(j), "a matrix entry", describe);
        }
        return new Matrix(out);
    }

    /** How a message names a value: {@code null}, {@code the text 'a'}, or its type and value. */
    public static String describe(Object v) {
        if (v == null) return "null";
        if (v instanceof CharSequence) return "the text '" + v + "'";
        return v.getClass().getSimpleName() + " " + v;
    }
}
