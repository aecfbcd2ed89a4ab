package org.gradus.atoms.array;

import org.gradus.atoms.Apply;
import org.gradus.atoms.Dot;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Ops;
import org.gradus.atoms.VectorAtom;
import org.gradus.expr.Constant;
import org.gradus.expr.ConstantArray;
import org.gradus.expr.Expr;
import org.gradus.expr.Shape;
import org.gradus.expr.SumOver;
import org.gradus.expr.VariableArray;

import java.util.ArrayList;
import java.util.List;

/**
 * The constructors of array expressions (the array counterpart of {@link Ops}, which builds the
 * elementwise ones): each checks shapes and simplifies as it builds — a transpose of a transpose, a
 * product with zeros, an element of a known array, a sum of a broadcast number.
 */
public final class ArrayOps {
    private ArrayOps() {
    }

    /**
     * The product {@code a * b} as the language reads it: matrix times vector or matrix is the matrix
     * product; otherwise elementwise (numbers broadcasting).
     *
     * @throws IllegalArgumentException when the shapes do not fit, naming both operands and their shapes
     */
    public static Expr times(Expr a, Expr b) {
        Shape sa = a.shape(), sb = b.shape();
        if (sa.isMatrix() && !sb.isScalar() || sa.isVector() && sb.isMatrix()) return product(a, b);
        return Ops.mul(a, b);
    }

    /** A scalar broadcast to an array of the given shape (the scalar itself for a scalar shape). */
    public static Expr fill(Expr s, Shape shape) {
        if (shape.isScalar()) return s;
        return new ArrayNode(new Fill(shape), List.of(s));
    }

    /**
     * The matrix product of a matrix and a vector or matrix.
     *
     * @throws IllegalArgumentException when the shapes do not fit
     */
    public static Expr product(Expr a, Expr b) {
        ArrayNode node = new ArrayNode(MatrixProduct.INSTANCE, List.of(a, b)); // checks the shapes
        if (isZero(a) || isZero(b)) return fill(Constant.ZERO, node.shape());
        if (a instanceof ConstantArray ca && b instanceof ConstantArray cb) return constantProduct(ca, cb, node.shape());
        Expr[] sa = scalarFactor(a), sb = scalarFactor(b);   // (c·A)·B = c·(A·B)
        if (sa != null) return Ops.mul(sa[0], product(sa[1], b));
        if (sb != null) return Ops.mul(sb[0], product(a, sb[1]));
        if (a instanceof ConstantArray ca && b.shape().isVector()) {   // c·E_ij · u = c·u[j] at row i
            int k = singleNonzero(ca.values()), cols = ca.shape().columns();
            if (k >= 0) {
                Expr picked = Ops.mul(Constant.of(ca.get(k)), index(b, Constant.of(k % cols)));
                return Ops.mul(picked, oneHot(Constant.of(k / cols), node.shape()));
            }
        }
        return node;
    }

    /** The index of the one nonzero (and finite) element; -1 when there are none or several, or one is not finite. */
    private static int singleNonzero(double[] values) {
        int k = -1;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == 0) continue;
            if (k >= 0 || !Double.isFinite(values[i])) return -1;
            k = i;
        }
        return k;
    }

    /** The transpose of a matrix; a vector is its own transpose. */
    public static Expr transpose(Expr a) {
        if (a.shape().isVector()) return a;
        Expr[] split = scalarFactor(a);
        if (split != null) return Ops.mul(split[0], transpose(split[1]));
        if (a instanceof ArrayNode n && n.op() instanceof Transpose) return n.arg(0);
        if (a instanceof ArrayNode n && n.op() instanceof Fill) return fill(n.arg(0), a.shape().transposed());
        if (a instanceof ArrayNode n && n.op() instanceof Outer) return outer(n.arg(1), n.arg(0));
        if (a instanceof ConstantArray c && c.shape().isMatrix()) {
            int r = c.shape().rows(), k = c.shape().columns();
            double[] t = new double[r * k];
            for (int i = 0; i < r; i++) for (int j = 0; j < k; j++) t[j * r + i] = c.get(i * k + j);
            return new ConstantArray(null, t, c.shape().transposed());
        }
        return new ArrayNode(Transpose.INSTANCE, List.of(a));
    }

    /** The outer product a bᵀ of two vectors. */
    public static Expr outer(Expr a, Expr b) {
        ArrayNode node = new ArrayNode(Outer.INSTANCE, List.of(a, b));
        if (isZero(a) || isZero(b)) return fill(Constant.ZERO, node.shape());
        return node;
    }

    /** The sum of the elements; a broadcast number sums to n times it, a scalar factor moves out. */
    public static Expr sum(Expr u) {
        ArrayNode node = new ArrayNode(Sum.INSTANCE, List.of(u));
        int n = u.shape().size();
        Double c = Shapes.constantValue(u);
        if (c != null) return Constant.of(n * c);
        if (u instanceof ArrayNode f && f.op() instanceof Fill) return Ops.mul(Constant.of(n), f.arg(0));
        if (u instanceof ConstantArray ca) {
            double s = 0;
            for (double v : ca.values()) s += v;
            return Constant.of(s);
        }
        Expr[] split = scalarFactor(u);
        if (split != null) return Ops.mul(split[0], sum(split[1]));
        return node;
    }

    /** The mean of the elements. */
    public static Expr mean(Expr u) {
        ArrayNode node = new ArrayNode(Mean.INSTANCE, List.of(u));
        Double c = Shapes.constantValue(u);
        if (c != null) return Constant.of(c);
        if (u instanceof ArrayNode f && f.op() instanceof Fill) return f.arg(0);
        if (u instanceof ConstantArray ca) return Constant.of(((Constant) sum(ca)).value() / ca.values().length);
        return node;
    }

    /** The largest element. */
    public static Expr max(Expr u) {
        ArrayNode node = new ArrayNode(MaxOf.INSTANCE, List.of(u));
        Double c = Shapes.constantValue(u);
        if (c != null) return Constant.of(c);
        return node;
    }

    /**
     * The smallest element, as −max(−u): concave and increasing, with the adjoint at the first smallest
     * element; it prints as {@code -max(-u)}, which can be typed back.
     */
    public static Expr min(Expr u) {
        return Ops.neg(max(Ops.neg(u)));
    }

    /** The index of the first largest element. */
    public static Expr argmax(Expr u) {
        return new ArrayNode(ArgMax.INSTANCE, List.of(u));
    }

    /** {@code u[k]}: one element (row-major in a matrix), pushed inside elementwise operations when k is a number. */
    public static Expr index(Expr u, Expr k) {
        ArrayNode node = new ArrayNode(Index.INSTANCE, List.of(u, k)); // checks the index
        if (!(k instanceof Constant c)) {
            if (u instanceof VariableArray va) return va.variable().get(k);
            if (u instanceof ArrayNode f && f.op() instanceof Fill) return f.arg(0);
            return node;
        }
        int i = (int) c.value();
        if (u instanceof VariableArray va) return va.variable().get(i);
        if (u instanceof ConstantArray ca) return Constant.of(ca.get(i));
        if (u instanceof SumOver so) return so.withBody(index(so.body(), k));   // (Σ_r b_r)[i] = Σ_r b_r[i]
        if (u instanceof Apply ap) {
            List<Expr> args = new ArrayList<>();
            for (Expr x : ap.args()) args.add(x.isArray() ? index(x, k) : x);
            return Ops.apply(ap.atom(), args);
        }
        if (u instanceof ArrayNode n) {
            ArrayOp op = n.op();
            if (op instanceof Fill) return n.arg(0);
            if (op instanceof Stack) return n.arg(i);
            if (op instanceof Block b) return index(n.arg(0), Constant.of(b.offset() + i));
            if (op instanceof Embed e) {
                int j = i - e.offset();
                return j >= 0 && j < n.arg(0).shape().size() ? index(n.arg(0), Constant.of(j)) : Constant.ZERO;
            }
            if (op instanceof OneHot && n.arg(0) instanceof Constant h) return Constant.of(h.value() == i ? 1 : 0);
            if (op instanceof Transpose) {
                Shape s = u.shape();
                int row = i / s.columns(), col = i % s.columns();
                return index(n.arg(0), Constant.of(col * s.rows() + row));
            }
            if (op instanceof Outer) {
                int cols = u.shape().columns();
                return Ops.mul(index(n.arg(0), Constant.of(i / cols)), index(n.arg(1), Constant.of(i % cols)));
            }
        }
        return node;
    }

    /** The contiguous block of {@code shape} from the flat offset on ({@code v[a..<b]}, a matrix's row). */
    public static Expr block(Expr u, int offset, Shape shape) {
        ArrayNode node = new ArrayNode(new Block(offset, shape), List.of(u));
        if (offset == 0 && shape.equals(u.shape())) return u;
        if (u instanceof ArrayNode f && f.op() instanceof Fill) return fill(f.arg(0), shape);
        if (u instanceof ConstantArray ca) {
            double[] v = new double[shape.size()];
            System.arraycopy(ca.values(), offset, v, 0, v.length);
            return new ConstantArray(null, v, shape);
        }
        return node;
    }

    /** Zeros of {@code outer} with g placed from the flat offset on. */
    public static Expr embed(Expr g, int offset, Shape outer) {
        ArrayNode node = new ArrayNode(new Embed(offset, outer), List.of(g));
        if (isZero(g)) return fill(Constant.ZERO, outer);
        if (offset == 0 && g.shape().equals(outer)) return g;
        return node;
    }

    /** softmax of a vector of logits. */
    public static Expr softmax(Expr z) {
        return new ArrayNode(Softmax.INSTANCE, List.of(z));
    }

    /** log Σ e^{zᵢ} of a vector or matrix, one node. */
    public static Expr logSumExp(Expr z) {
        return new ArrayNode(LogSumExpOf.INSTANCE, List.of(z));
    }

    /** The cross-entropy of logits z for class k (0-based): logsumexp(z) − z[k]. */
    public static Expr crossEntropy(Expr z, Expr k) {
        return new ArrayNode(CrossEntropy.INSTANCE, List.of(z, k));
    }

    /** The array of the shape with a 1 at the (row-major) index k and zeros elsewhere. */
    public static Expr oneHot(Expr k, Shape shape) {
        ArrayNode node = new ArrayNode(new OneHot(shape), List.of(k));
        if (k instanceof Constant c) {
            double[] v = new double[shape.size()];
            v[(int) c.value()] = 1;
            return new ConstantArray(null, v, shape);
        }
        return node;
    }

    /** A vector of scalar expressions; a list of numbers is a constant array. */
    public static Expr stack(List<Expr> elements) {
        ArrayNode node = new ArrayNode(Stack.INSTANCE, elements);
        double[] v = new double[elements.size()];
        for (int i = 0; i < v.length; i++) {
            if (!(elements.get(i) instanceof Constant c)) return node;
            v[i] = c.value();
        }
        return new ConstantArray(null, v, node.shape());
    }

    /** The sum of the diagonal of a square matrix. */
    public static Expr trace(Expr m) {
        return new ArrayNode(Trace.INSTANCE, List.of(m));
    }

    /** vᵀMv. */
    public static Expr quadForm(Expr v, Expr m) {
        return new ArrayNode(QuadFormOf.INSTANCE, List.of(v, m));
    }

    /** The inner product of two arrays of one shape. */
    public static Expr dot(Expr a, Expr b) {
        return vectorFunction(Dot.INSTANCE, List.of(a, b));
    }

    /** A function of whole vectors (dot, the norms, l1, l2, elasticNet) applied to array expressions. */
    public static Expr vectorFunction(VectorAtom atom, List<Expr> operands) {
        ArrayNode node = new ArrayNode(new VectorAtomOp(atom), operands);
        if (atom instanceof Dot) {
            for (Expr e : operands) if (isZero(e)) return Constant.ZERO;
            Expr[] sa = scalarFactor(operands.get(0)), sb = scalarFactor(operands.get(1));   // dot(c·u, v) = c·dot(u, v)
            if (sa != null) return Ops.mul(sa[0], dot(sa[1], operands.get(1)));
            if (sb != null) return Ops.mul(sb[0], dot(operands.get(0), sb[1]));
            Expr picked = pickedElement(operands.get(0), operands.get(1));
            if (picked == null) picked = pickedElement(operands.get(1), operands.get(0));
            if (picked != null) return picked;
        }
        return node;
    }

    /**
     * {@code dot(c, u)} where the constant c has one nonzero element c_k: {@code c_k * u[k]} (a one-hot row
     * of a Hessian, {@code dot([2, 0, 0], softmax(z))} is {@code 2*softmax(z)[0]}); null otherwise.
     */
    private static Expr pickedElement(Expr c, Expr u) {
        if (!(c instanceof ConstantArray ca) || u instanceof ConstantArray) return null;
        int k = singleNonzero(ca.values());
        return k < 0 ? null : Ops.mul(Constant.of(ca.get(k)), index(u, Constant.of(k)));
    }

    /** The operation applied to operands through the simplifying constructor of its kind (after substituting into them). */
    public static Expr apply(ArrayOp op, List<Expr> args) {
        if (op instanceof Fill f) return fill(args.get(0), f.shape(args));
        if (op instanceof MatrixProduct) return product(args.get(0), args.get(1));
        if (op instanceof Transpose) return transpose(args.get(0));
        if (op instanceof Outer) return outer(args.get(0), args.get(1));
        if (op instanceof Sum) return sum(args.get(0));
        if (op instanceof Mean) return mean(args.get(0));
        if (op instanceof MaxOf) return max(args.get(0));
        if (op instanceof Index) return index(args.get(0), args.get(1));
        if (op instanceof Block b) return block(args.get(0), b.offset(), b.blockShape());
        if (op instanceof Embed e) return embed(args.get(0), e.offset(), e.shape(args));
        if (op instanceof OneHot h) return oneHot(args.get(0), h.shape(args));
        if (op instanceof Stack) return stack(args);
        if (op instanceof VectorAtomOp v) return vectorFunction(v.atom(), args);
        return new ArrayNode(op, args);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** True when every element of e is 0. */
    public static boolean isZero(Expr e) {
        Double c = Shapes.constantValue(e);
        return c != null && c == 0;
    }

    /** {scalar factor, array rest} when u is a product of scalars and exactly one array; else null. */
    private static Expr[] scalarFactor(Expr u) {
        if (!(u instanceof Apply ap && ap.atom() instanceof Multiply)) return null;
        List<Expr> scalars = new ArrayList<>(), arrays = new ArrayList<>();
        for (Expr f : ap.args()) (f.isArray() ? arrays : scalars).add(f);
        if (scalars.isEmpty() || arrays.size() != 1) return null;
        return new Expr[]{Ops.mul(scalars), arrays.get(0)};
    }

    private static Expr constantProduct(ConstantArray a, ConstantArray b, Shape out) {
        int r = a.shape().rows(), q = a.shape().columns(), c = b.shape().columns();
        double[] v = new double[out.size()];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double s = 0;
                for (int k = 0; k < q; k++) s += a.get(i * q + k) * b.get(k * c + j);
                v[i * c + j] = s;
            }
        }
        return new ConstantArray(null, v, out);
    }
}
