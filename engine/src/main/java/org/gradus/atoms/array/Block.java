package org.gradus.atoms.array;

import org.gradus.atoms.Curvature;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Monotonicity;
import org.gradus.expr.Expr;
import org.gradus.expr.GroovyPrinter;
import org.gradus.expr.LatexPrinter;
import org.gradus.expr.Shape;

import java.util.List;
import java.util.Objects;

/**
 * A contiguous block of an array: the slice {@code v[a..<b]} of a vector, the row {@code W[i]} of a
 * matrix (a vector), or the rows {@code W[a..<b]} (a matrix). Linear; its adjoint is the block put back
 * in place ({@link Embed}).
 */
public final class Block extends ArrayOp {
    private final int offset;
    private final Shape shape;

    /**
     * @param offset the flat (row-major) index of the block's first element
     * @param shape  the block's shape
     */
    public Block(int offset, Shape shape) {
        this.offset = offset;
        this.shape = shape;
    }

    public int offset() {
        return offset;
    }

    public Shape blockShape() {
        return shape;
    }

    @Override
    public String name() {
        return "slice";
    }

    @Override
    public Shape shape(List<Expr> args) {
        Expr u = args.get(0);
        if (u.shape().isScalar()) throw new IllegalArgumentException(Shapes.describe(u) + " is a scalar; only a vector or a matrix can be sliced");
        if (offset < 0 || offset + shape.size() > u.shape().size()) {
            throw new IndexOutOfBoundsException("the slice " + describe(u.shape()) + " is outside " + Shapes.describe(u) + ", which " + u.shape().described());
        }
        return shape;
    }

    @Override
    public Expr adjoint(int k, List<Expr> args, Expr self, Expr g) {
        return ArrayOps.embed(g, offset, args.get(0).shape());
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

    /** {@code 2..<5} for a vector; {@code 1} for one row of a matrix; {@code 1..<3} for rows. */
    private String describe(Shape outer) {
        if (outer.isMatrix()) {
            int c = outer.columns(), row = offset / c;
            return shape.isVector() ? Integer.toString(row) : row + "..<" + (row + shape.rows());
        }
        return offset + "..<" + (offset + shape.size());
    }

    @Override
    public GroovyPrinter.Printed groovy(GroovyPrinter p, List<Expr> args) {
        return new GroovyPrinter.Printed(p.wrap(args.get(0), GroovyPrinter.ATOM) + "[" + describe(args.get(0).shape()) + "]", GroovyPrinter.ATOM);
    }

    @Override
    public LatexPrinter.Printed latex(LatexPrinter p, List<Expr> args) {
        return new LatexPrinter.Printed("\\left(" + p.text(args.get(0)) + "\\right)_{" + describe(args.get(0).shape()) + "}", LatexPrinter.ATOM);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Block b && b.offset == offset && b.shape.equals(shape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Block.class, offset, shape);
    }
}
