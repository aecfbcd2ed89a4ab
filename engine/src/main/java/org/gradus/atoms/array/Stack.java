package org.gradus.atoms.array;

import org.gradus.atoms.Curvature;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Monotonicity;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.GroovyPrinter;
import org.gradus.expr.LatexPrinter;
import org.gradus.expr.Shape;

import java.util.ArrayList;
import java.util.List;

/** A vector of scalar expressions, {@code [x, y, 1]}, used as an array. Linear; element k's adjoint is ḡ[k]. */
public final class Stack extends ArrayOp {
    public static final Stack INSTANCE = new Stack();

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public Shape shape(List<Expr> args) {
        for (Expr e : args) Shapes.requireScalar("an element of a vector", e);
        return Shape.vector(args.size());
    }

    @Override
    public Expr adjoint(int k, List<Expr> args, Expr self, Expr g) {
        return ArrayOps.index(g, Constant.of(k));
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
        Interval r = ranges[0];
        for (Interval x : ranges) r = r.union(x);
        return r;
    }

    @Override
    public GroovyPrinter.Printed groovy(GroovyPrinter p, List<Expr> args) {
        List<String> s = new ArrayList<>();
        for (Expr e : args) s.add(p.text(e));
        return new GroovyPrinter.Printed("[" + String.join(", ", s) + "]", GroovyPrinter.ATOM);
    }

    @Override
    public LatexPrinter.Printed latex(LatexPrinter p, List<Expr> args) {
        List<String> s = new ArrayList<>();
        for (Expr e : args) s.add(p.text(e));
        return new LatexPrinter.Printed("\\begin{pmatrix}" + String.join(" \\\\ ", s) + "\\end{pmatrix}", LatexPrinter.ATOM);
    }
}
