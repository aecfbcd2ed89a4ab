package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.ExprVector;
import org.gradus.expr.IndexSymbol;
import org.gradus.expr.Vec;

import java.util.ArrayList;
import java.util.List;

/**
 * A function of whole vectors — {@code dot(a, b)}, {@code norm2(v)}, {@code quadForm(v, A)} — one class
 * each, like the scalar atoms. Each declares its value and gradient over whole arrays, how it lowers to a
 * scalar expression over the elements (a reduction kept as one node for large vectors, written out for
 * short lists; evaluation and differentiation use that form today), its curvature when its operands are
 * affine, how it prints, and its script word. Parameters (elasticNet's alpha, quadForm's matrix) are
 * fields, and atoms compare by them.
 *
 * <p>Array expressions (elementwise operations, W·x, softmax) extend this: a new vector atom is a class
 * here whose {@link #value}/{@link #gradient} a reverse sweep over arrays can call directly.
 */
public abstract class VectorAtom {
    /** Above this size a reduction is kept as one node rather than written out. */
    static final int UNROLL_LIMIT = 8;

    /** The name used in scripts, e.g. {@code norm2}. */
    public abstract String name();

    /** The number of vector operands. */
    public int arity() {
        return 1;
    }

    /** The value at whole-array operands {@code x[k]} (all of one length). */
    public abstract double value(double[][] x);

    /** The gradient in operand k at whole-array operands {@code x} (NaN where it does not exist, as norm2 at 0). */
    public abstract double[] gradient(int k, double[][] x);

    /**
     * The gradient in operand k as an array expression of the operands (whole arrays, see
     * {@link org.gradus.atoms.array.VectorAtomOp}); {@code self} is the node: v/norm2(v) for the norm.
     */
    public Expr gradient(int k, List<Expr> operands, Expr self) {
        throw new UnsupportedOperationException(name() + " has no symbolic gradient over arrays");
    }

    /**
     * True when the function is twice continuously differentiable everywhere (sums of squares, dot,
     * logsumexp, quadratic forms); the norms and l1 have kinks.
     */
    public boolean smooth() {
        return false;
    }

    /**
     * This atom's word applied to the first {@code count} arguments: over whole arrays
     * ({@link org.gradus.atoms.array.VectorAtomOp}) when one of them is an array expression
     * ({@code l2(W * x)}, {@code dot(w2, tanh(h))}), else to vector operands as a {@link VectorFunction}.
     */
    static Expr applied(VectorAtom atom, Arguments a, int count) {
        boolean arrays = false;
        for (int k = 0; k < count; k++) arrays |= a.isArrayExpression(k);
        List<Expr> xs = new ArrayList<>();
        List<Vec> vs = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            if (arrays) xs.add(a.array(k));
            else vs.add(a.vec(k));
        }
        return arrays ? org.gradus.atoms.array.ArrayOps.vectorFunction(atom, xs) : new VectorFunction(atom, vs);
    }

    /**
     * The summand at element i of a function that is a sum over the elements (Σ|vᵢ|, Σaᵢbᵢ); functions of
     * another shape override {@link #lower} instead.
     */
    protected Expr summand(List<Vec> v, Expr i) {
        throw new UnsupportedOperationException(name() + " is not a sum over elements");
    }

    /** This function of the operands as a scalar expression over their elements. */
    public Expr lower(List<Vec> v) {
        int n = v.get(0).size();
        for (Vec o : v) {
            if (o.size() != n) throw new IllegalArgumentException(name() + " needs vectors of equal size, got " + n + " and " + o.size());
        }
        boolean symbolic = n > UNROLL_LIMIT;
        IndexSymbol i = new IndexSymbol("i");
        for (Vec o : v) symbolic &= !(o instanceof ExprVector) && o.get(i) != null;
        if (symbolic) return Ops.sum(i, 0, n, summand(v, i));
        List<Expr> terms = new ArrayList<>();
        for (int k = 0; k < n; k++) terms.add(summand(v, Constant.of(k)));
        return Ops.add(terms);
    }

    /**
     * The curvature of the whole function when every operand is affine — convex for the norms, sums of
     * squares and logsumexp — or null when the rules should judge its scalar form instead (dot). UNKNOWN
     * means the function is neither ({@link #curvatureFailure} says why).
     */
    public Curvature curvatureOfAffine() {
        return null;
    }

    /** Why {@link #curvatureOfAffine} is UNKNOWN, in the atom's words. */
    public String curvatureFailure() {
        return name() + " is neither convex nor concave";
    }

    /**
     * For a penalty λ·Σ|vᵢ| + μ·Σvᵢ² (l1, norm1, elasticNet): {λ, μ}, so that proximal methods can split
     * the l1 part off; null for every other function.
     */
    public double[] l1l2Weights() {
        return null;
    }

    /** The parameters printed after the operands: elasticNet's alpha, quadForm's matrix. */
    public List<String> printedParameters() {
        return List.of();
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }

    @Override
    public String toString() {
        return name();
    }

    // ---- helpers for the subclasses' arrays -------------------------------------------------

    static double[] scaled(double[] v, double c) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = c * v[i];
        return out;
    }

    static double sumOfSquares(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return s;
    }

    static double sumOfAbs(double[] v) {
        double s = 0;
        for (double x : v) s += Math.abs(x);
        return s;
    }

    static double[] signs(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Math.signum(v[i]);
        return out;
    }
}
