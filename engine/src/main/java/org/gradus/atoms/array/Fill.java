package org.gradus.atoms.array;

import org.gradus.atoms.Curvature;
import org.gradus.atoms.FunctionWord;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Monotonicity;
import org.gradus.expr.Expr;
import org.gradus.expr.Shape;
import org.gradus.print.Numbers;

import java.util.List;
import java.util.Objects;

/** A scalar broadcast to an array of a given shape: every element equals it. Linear; its adjoint is the sum. */
public final class Fill extends ArrayOp {
    public static final FunctionWord WORD = FunctionWord.named("fill").expr("value").number("rows", 3).optionalNumber("columns", 0)
            .help("an array of one value: a vector of rows, or a rows x columns matrix").example("fill(0, 3)")
            .builds(a -> ArrayOps.fill(a.expr(0), Arrays.shape(a.number(1, "rows"), a.number(2, "columns"))));

    private final Shape shape;

    public Fill(Shape shape) {
        this.shape = shape;
    }

    @Override
    public String name() {
        return "fill";
    }

    @Override
    public Shape shape(List<Expr> args) {
        Shapes.requireScalar("the value of fill", args.get(0));
        return shape;
    }

    @Override
    public Expr adjoint(int k, List<Expr> args, Expr self, Expr g) {
        return ArrayOps.sum(g);
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
    protected List<String> printedParameters() {
        return shape.isMatrix() ? List.of(Numbers.format(shape.rows()), Numbers.format(shape.columns())) : List.of(Numbers.format(shape.rows()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fill f && f.shape.equals(shape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Fill.class, shape);
    }
}
