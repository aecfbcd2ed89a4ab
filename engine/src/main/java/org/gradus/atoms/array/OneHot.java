package org.gradus.atoms.array;

import org.gradus.atoms.Curvature;
import org.gradus.atoms.FunctionWord;
import org.gradus.atoms.Interval;
import org.gradus.expr.Dependence;
import org.gradus.expr.Expr;
import org.gradus.expr.Shape;
import org.gradus.print.Numbers;

import java.util.List;
import java.util.Objects;

/**
 * {@code oneHot(k, n)}: the vector of n zeros with a 1 at k (0-based; k a number or data such as
 * {@code row.y}); {@code oneHot(k, rows, columns)} a matrix with the 1 at row-major position k. An index
 * out of range is an error when it is evaluated.
 */
public final class OneHot extends ArrayOp {
    public static final FunctionWord WORD = FunctionWord.named("oneHot").number("k", 1).number("n", 3).optionalNumber("columns", 0)
            .help("n zeros with a 1 at index k (0-based); with columns, a matrix").example("oneHot(row.y, 10)")
            .builds(a -> ArrayOps.oneHot(a.expr(0), Arrays.shape(a.number(1, "n"), a.number(2, "columns"))));

    private final Shape shape;

    public OneHot(Shape shape) {
        this.shape = shape;
    }

    @Override
    public String name() {
        return "oneHot";
    }

    @Override
    public Shape shape(List<Expr> args) {
        Shapes.requireScalar("the index of oneHot", args.get(0));
        if (args.get(0) instanceof org.gradus.expr.Constant c) {
            double k = c.value();
            if (k != Math.rint(k) || k < 0 || k >= shape.size()) {
                throw new IndexOutOfBoundsException("oneHot: index " + Numbers.format(k) + " is outside 0.." + (shape.size() - 1));
            }
        }
        return shape;
    }

    @Override
    public Expr adjoint(int k, List<Expr> args, Expr self, Expr g) {
        return null;
    }

    @Override
    public boolean isIndex(int k) {
        return true;
    }

    /** Constant in the variables when its index is data; a step function of an index that depends on variables. */
    @Override
    public Curvature curvature(List<Expr> args) {
        return Dependence.dependsOnVariables(args.get(0)) ? Curvature.UNKNOWN : Curvature.CONSTANT;
    }

    @Override
    public String curvatureFailure(List<Expr> args) {
        return "oneHot of an index that depends on variables is a step function";
    }

    @Override
    public Interval range(List<Expr> args, Interval[] ranges) {
        return new Interval(0, 1);
    }

    @Override
    public boolean smoothOn(List<Expr> args, Interval[] ranges) {
        return !Dependence.dependsOnVariables(args.get(0));
    }

    @Override
    protected List<String> printedParameters() {
        return shape.isMatrix() ? List.of(Numbers.format(shape.rows()), Numbers.format(shape.columns())) : List.of(Numbers.format(shape.rows()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OneHot h && h.shape.equals(shape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(OneHot.class, shape);
    }
}
