package org.gradus.atoms.array;

import org.gradus.atoms.Curvature;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Monotonicity;
import org.gradus.expr.Dependence;
import org.gradus.expr.Expr;
import org.gradus.expr.GroovyPrinter;
import org.gradus.expr.LatexPrinter;
import org.gradus.expr.Shape;

import java.util.List;

/**
 * The matrix product {@code A * B}: a matrix times a vector (W·x, a vector) or times a matrix. Its
 * vector–Jacobian products are the textbook ones — Ā = ḡ·Bᵀ (ḡ xᵀ for a vector), B̄ = Aᵀ·ḡ. Affine
 * in each operand when the other is constant; a product of two expressions that both depend on
 * variables ({@code W2 * tanh(W1 * x)}) is bilinear, which the composition rules cannot judge.
 */
public final class MatrixProduct extends ArrayOp {
    public static final MatrixProduct INSTANCE = new MatrixProduct();

    @Override
    public String name() {
        return "matrix product";
    }

    @Override
    public Shape shape(List<Expr> args) {
        Expr a = args.get(0), b = args.get(1);
        Shape sa = a.shape(), sb = b.shape();
        if (!sa.isMatrix()) {
            throw new IllegalArgumentException("shape mismatch: " + Shapes.describe(a) + " " + sa.described() + ", " + Shapes.describe(b) + " "
                    + sb.described() + "; a matrix product needs a matrix on the left" + (sb.isMatrix() && sa.isVector() ? " (write " + Shapes.describe(b) + ".T * " + Shapes.describe(a) + " for xᵀW, and the quadratic form xᵀWx as dot("
                    + Shapes.describe(a) + ", " + Shapes.describe(b) + " * " + Shapes.describe(a) + "))" : ""));
        }
        if (sb.isScalar() || sb.rows() != sa.columns()) {
            String need = sb.isMatrix() ? "a matrix of " + sa.columns() + " rows" : "a vector of " + sa.columns();
            throw new IllegalArgumentException("shape mismatch: " + Shapes.describe(a) + " " + sa.described() + ", " + Shapes.describe(b) + " "
                    + sb.described() + "; " + Shapes.describe(a) + " * " + Shapes.describe(b) + " needs " + need);
        }
        return sb.isVector() ? Shape.vector(sa.rows()) : Shape.matrix(sa.rows(), sb.columns());
    }

    @Override
    public Expr adjoint(int k, List<Expr> args, Expr self, Expr g) {
        Expr a = args.get(0), b = args.get(1);
        if (k == 1) return ArrayOps.product(ArrayOps.transpose(a), g);
        return b.shape().isVector() ? ArrayOps.outer(g, b) : ArrayOps.product(g, ArrayOps.transpose(b));
    }

    @Override
    public Curvature curvature(List<Expr> args) {
        int varying = 0;
        for (Expr e : args) if (Dependence.dependsOnVariables(e)) varying++;
        return varying <= 1 ? Curvature.AFFINE : Curvature.UNKNOWN;
    }

    /** In B: each element of A·B increases with B where A ≥ 0; in A likewise where B ≥ 0. */
    @Override
    public Monotonicity monotonicity(int k, List<Expr> args, Interval[] ranges) {
        Interval other = ranges[1 - k];
        if (other.nonnegative()) return Monotonicity.INCREASING;
        if (other.nonpositive()) return Monotonicity.DECREASING;
        return Monotonicity.NONMONOTONE;
    }

    @Override
    public String curvatureFailure(List<Expr> args) {
        return "a matrix product of two expressions that both depend on variables (" + Shapes.describe(args.get(0)) + " and "
                + Shapes.describe(args.get(1)) + "); it is affine in each alone, but not in both together";
    }

    /** Each element is a sum of q products, q the inner dimension. */
    @Override
    public Interval range(List<Expr> args, Interval[] ranges) {
        int q = args.get(0).shape().columns();
        Interval p = ranges[0].times(ranges[1]);
        return p.times(Interval.point(q));
    }

    @Override
    public GroovyPrinter.Printed groovy(GroovyPrinter p, List<Expr> args) {
        return new GroovyPrinter.Printed(p.wrap(args.get(0), GroovyPrinter.PRODUCT) + " * " + p.wrap(args.get(1), GroovyPrinter.PRODUCT + 1),
                GroovyPrinter.PRODUCT);
    }

    @Override
    public LatexPrinter.Printed latex(LatexPrinter p, List<Expr> args) {
        return new LatexPrinter.Printed(p.wrap(args.get(0), LatexPrinter.PRODUCT) + " " + p.wrap(args.get(1), LatexPrinter.PRODUCT + 1),
                LatexPrinter.PRODUCT);
    }
}
