package org.gradus.atoms.array;

import org.gradus.atoms.Curvature;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Monotonicity;
import org.gradus.expr.Expr;
import org.gradus.expr.GroovyPrinter;
import org.gradus.expr.LatexPrinter;
import org.gradus.expr.Shape;

import java.util.List;

/** The transpose {@code A.T} of a matrix: linear, and its own vector–Jacobian product (Ā = ḡᵀ). */
public final class Transpose extends ArrayOp {
    public static final Transpose INSTANCE = new Transpose();

    @Override
    public String name() {
        return "transpose";
    }

    @Override
    public Shape shape(List<Expr> args) {
        Shapes.requireMatrix("a transpose", args.get(0));
        return args.get(0).shape().transposed();
    }

    @Override
    public Expr adjoint(int k, List<Expr> args, Expr self, Expr g) {
        return ArrayOps.transpose(g);
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
        return new GroovyPrinter.Printed(p.wrap(args.get(0), GroovyPrinter.ATOM) + ".T", GroovyPrinter.ATOM);
    }

    @Override
    public LatexPrinter.Printed latex(LatexPrinter p, List<Expr> args) {
        return new LatexPrinter.Printed(p.wrap(args.get(0), LatexPrinter.ATOM) + "^{\\top}", LatexPrinter.POWER);
    }
}
