package org.gradus.atoms.array;

import org.gradus.atoms.Curvature;
import org.gradus.atoms.FunctionWord;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Monotonicity;
import org.gradus.expr.Expr;
import org.gradus.expr.Shape;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code embed(v, offset, rows, columns)}: an array of zeros with v's elements placed from a flat
 * (row-major) offset on — the adjoint of a slice ({@link Block}). Linear.
 */
public final class Embed extends ArrayOp {
    public static final FunctionWord WORD = FunctionWord.named("embed").vector("v").number("offset", 1).number("rows", 5).optionalNumber("columns", 0)
            .help("zeros with v placed from a (row-major) offset on: the adjoint of a slice").example("embed(v, 2, 10)")
            .builds(a -> ArrayOps.embed(a.array(0), Arrays.index(a.number(1, "offset"), "offset"),
                    Arrays.shape(a.number(2, "rows"), a.number(3, "columns"))));

    private final int offset;
    private final Shape outer;

    public Embed(int offset, Shape outer) {
        this.offset = offset;
        this.outer = outer;
    }

    public int offset() {
        return offset;
    }

    @Override
    public String name() {
        return "embed";
    }

    @Override
    public Shape shape(List<Expr> args) {
        Expr v = args.get(0);
        if (v.shape().isScalar() || offset < 0 || offset + v.shape().size() > outer.size()) {
            throw new IndexOutOfBoundsException("embed: " + Shapes.describe(v) + " (" + v.shape().text() + ") from offset " + offset
                    + " does not fit in " + outer.text());
        }
        return outer;
    }

    @Override
    public Expr adjoint(int k, List<Expr> args, Expr self, Expr g) {
        return ArrayOps.block(g, offset, args.get(0).shape());
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
        return ranges[0].union(Interval.point(0));
    }

    @Override
    protected List<String> printedParameters() {
        List<String> out = new ArrayList<>(List.of(Numbers.format(offset), Numbers.format(outer.rows())));
        if (outer.isMatrix()) out.add(Numbers.format(outer.columns()));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embed e && e.offset == offset && e.outer.equals(outer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Embed.class, offset, outer);
    }
}
