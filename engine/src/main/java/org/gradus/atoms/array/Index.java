package org.gradus.atoms.array;

import org.gradus.atoms.Curvature;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Monotonicity;
import org.gradus.atoms.Ops;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.GroovyPrinter;
import org.gradus.expr.LatexPrinter;
import org.gradus.expr.Shape;

import java.util.List;

/**
 * One element {@code u[k]} of an array expression (row-major for a matrix: {@code u[i, j]} is element
 * i·columns + j). The index is a whole number or an expression of loop indices and data
 * ({@code z[row.y]}); it carries no adjoint. The element's adjoint goes back as a one-hot array.
 */
public final class Index extends ArrayOp {
    public static final Index INSTANCE = new Index();

    @Override
    public String name() {
        return "element";
    }

    @Override
    public Shape shape(List<Expr> args) {
        Expr u = args.get(0), k = args.get(1);
        if (u.shape().isScalar()) throw new IllegalArgumentException(Shapes.describe(u) + " is a scalar; only a vector or a matrix has elements");
        Shapes.requireScalar("an index", k);
        if (k instanceof Constant c) {
            double v = c.value();
            if (v != Math.rint(v) || v < 0 || v >= u.shape().size()) {
                throw new IndexOutOfBoundsException("index " + org.gradus.print.Numbers.format(v) + " is outside " + Shapes.describe(u)
                        + "[0.." + (u.shape().size() - 1) + "]");
            }
        }
        return Shape.SCALAR;
    }

    @Override
    public Expr adjoint(int k, List<Expr> args, Expr self, Expr g) {
        if (k == 1) return null;
        return Ops.mul(g, ArrayOps.oneHot(args.get(1), args.get(0).shape()));
    }

    @Override
    public boolean isIndex(int k) {
        return k == 1;
    }

    @Override
    public Curvature curvature(List<Expr> args) {
        return Curvature.AFFINE;
    }

    @Override
    public Monotonicity monotonicity(int k, List<Expr> args, Interval[] ranges) {
        return Monotonicity.INCREASING;
    }

    @Override
    public Interval range(List<Expr> args, Interval[] ranges) {
        return ranges[0];
    }

    @Override
    public GroovyPrinter.Printed groovy(GroovyPrinter p, List<Expr> args) {
        return new GroovyPrinter.Printed(p.wrap(args.get(0), GroovyPrinter.ATOM) + "[" + index(p.text(args.get(1)), args) + "]", GroovyPrinter.ATOM);
    }

    @Override
    public LatexPrinter.Printed latex(LatexPrinter p, List<Expr> args) {
        return new LatexPrinter.Printed("\\left(" + p.text(args.get(0)) + "\\right)_{" + index(p.text(args.get(1)), args) + "}", LatexPrinter.ATOM);
    }

    /** {@code 3}, or {@code 1, 2} for a constant index into a matrix. */
    private static String index(String text, List<Expr> args) {
        Shape s = args.get(0).shape();
        if (s.isMatrix() && args.get(1) instanceof Constant c) {
            int k = (int) c.value();
            return k / s.columns() + ", " + k % s.columns();
        }
        return text;
    }
}
