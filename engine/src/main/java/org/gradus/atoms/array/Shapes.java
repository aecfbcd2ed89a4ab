package org.gradus.atoms.array;

import org.gradus.atoms.Apply;
import org.gradus.atoms.Atom;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Wording;
import org.gradus.expr.Constant;
import org.gradus.expr.ConstantArray;
import org.gradus.expr.Expr;
import org.gradus.expr.Shape;
import org.gradus.expr.Traversal;
import org.gradus.expr.VariableArray;

import java.util.List;

/**
 * Shape rules shared by the array operations: broadcasting for elementwise operations (array operands
 * share one shape, numbers and scalar expressions broadcast), the messages of a mismatch, which name
 * the operands and their shapes ({@code shape mismatch: W is 8×2, x has 3}), and keeping a simplified
 * result at the shape it must have.
 */
public final class Shapes {
    private Shapes() {
    }

    /**
     * Refuses an array where a word needs one number at each point — minimize's objective, a gradient's or a
     * Hessian's f, convexity's — as CVXPY refuses a vector objective and torch a gradient of a vector: a vector
     * objective had "converged" at its start with f = 0. The message names the shape, and where two vectors are
     * multiplied, that {@code *} is elementwise there (as in numpy; {@code w.T} of a vector is w) and {@code dot} is the
     * inner product wᵀv.
     *
     * @throws IllegalArgumentException when f is a vector or a matrix
     */
    public static void requireScalar(Expr f, String word) {
        if (!f.isArray()) return;
        Shape s = f.shape();
        String shape = s.isMatrix() ? "a " + s.rows() + "×" + s.columns() + " matrix" : "a vector of " + s.size();
        boolean[] vectorProduct = {false};
        Traversal.forEachNode(f, e -> {
            if (e instanceof Apply a && a.atom() == Multiply.INSTANCE
                    && a.args().stream().filter(Expr::isArray).count() >= 2) vectorProduct[0] = true;
        });
        throw new IllegalArgumentException(word + " needs a scalar function (one number at each point), and " + f + " is " + shape
                + (vectorProduct[0] ? ": * between two vectors is elementwise, as in numpy (the transpose of a vector is the vector itself); "
                + "the inner product wᵀv is dot(w, v)" : "") + "; sum(...) adds the elements, sumsq(...) their squares");
    }

    /**
     * The shape of {@code atom} applied elementwise to {@code args}: the common shape of the array
     * arguments, or a scalar.
     *
     * @throws IllegalArgumentException when two array arguments differ in shape
     */
    public static Shape broadcast(Atom atom, List<Expr> args) {
        return broadcast(args);
    }

    /**
     * The common shape of the array operands of an elementwise operation, scalars broadcasting.
     *
     * @throws IllegalArgumentException when two array operands differ in shape, naming both
     */
    public static Shape broadcast(List<Expr> operands) {
        Expr first = null;
        for (Expr e : operands) {
            Shape s = e.shape();
            if (s.isScalar()) continue;
            if (first == null) first = e;
            else if (!s.equals(first.shape())) {
                throw new IllegalArgumentException(mismatch(first, e) + "; elementwise operations need arrays of one shape (or a number)");
            }
        }
        return first == null ? Shape.SCALAR : first.shape();
    }

    /** {@code shape mismatch: W is 8×2, x has 3}. */
    public static String mismatch(Expr a, Expr b) {
        return "shape mismatch: " + describe(a) + " " + a.shape().described() + ", " + describe(b) + " " + b.shape().described();
    }

    /** How a message names an operand: a variable by its name, anything else by its (short) text. */
    public static String describe(Expr e) {
        if (e instanceof VariableArray v) return v.variable().name();
        String s = Wording.show(e);
        return s.matches("[A-Za-z_][A-Za-z_0-9.]*") ? s : "(" + s + ")";
    }

    /**
     * e at the given shape: e itself when it has that shape, a scalar broadcast to it ({@link Fill})
     * when simplifying lost the shape ({@code v - v} is a vector of zeros, not the number 0).
     */
    public static Expr fit(Expr e, Shape shape) {
        if (shape.isScalar() || e.shape().equals(shape)) return e;
        if (e.shape().isScalar()) return ArrayOps.fill(e, shape);
        throw new IllegalStateException("an expression of shape " + e.shape().text() + " where " + shape.text() + " was expected");
    }

    /** The number every element of e equals when e is a constant, a broadcast constant or a constant array of one value; else null. */
    public static Double constantValue(Expr e) {
        if (e instanceof Constant c) return c.value();
        if (e instanceof ArrayNode n && n.op() instanceof Fill && n.arg(0) instanceof Constant c) return c.value();
        if (e instanceof ConstantArray ca && ca.isFilledWith(ca.get(0))) return ca.get(0);
        return null;
    }

    /**
     * @throws IllegalArgumentException when e is not a vector, saying what it is
     */
    static void requireVector(String function, Expr e) {
        if (!e.shape().isVector()) {
            throw new IllegalArgumentException(function + " needs a vector, but " + describe(e) + " " + e.shape().described());
        }
    }

    /**
     * @throws IllegalArgumentException when e is not a matrix
     */
    static void requireMatrix(String function, Expr e) {
        if (!e.shape().isMatrix()) {
            throw new IllegalArgumentException(function + " needs a matrix, but " + describe(e) + " " + e.shape().described());
        }
    }

    /**
     * @throws IllegalArgumentException when e is an array
     */
    static void requireScalar(String what, Expr e) {
        if (!e.shape().isScalar()) {
            throw new IllegalArgumentException(what + " must be a number or a scalar expression, but " + describe(e) + " " + e.shape().described());
        }
    }
}
