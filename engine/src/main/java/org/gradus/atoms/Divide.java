package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.GroovyPrinter;
import org.gradus.expr.LatexPrinter;

import java.util.ArrayList;
import java.util.List;

/** The quotient a / b; undefined where b = 0. */
public final class Divide extends Atom {
    public static final Divide INSTANCE = new Divide();

    @Override
    public String name() {
        return "divide";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public double value(double[] a) {
        return a[0] / a[1];
    }

    @Override
    public Expr derivative(int k, List<Expr> args, Expr self) {
        Expr b = args.get(1);
        if (k == 0) return Ops.div(Constant.ONE, b);
        return Ops.neg(Ops.div(args.get(0), Ops.pow(b, Constant.of(2))));
    }

    @Override
    public double derivative(int k, double[] a, double out) {
        return k == 0 ? 1 / a[1] : -out / a[1];
    }

    @Override
    public String domainError(double[] a) {
        return a[1] == 0 ? "division by zero" : null;
    }

    @Override
    public String discontinuity(double[] a) {
        return domainError(a);
    }

    @Override
    public Interval range(Interval[] args) {
        return args[0].dividedBy(args[1]);
    }

    @Override
    public Curvature curvature(Interval[] args, List<Expr> argExprs) {
        if (argExprs.get(1) instanceof Constant) return Curvature.AFFINE;
        // c / b with c >= 0 is convex for b > 0 and concave for b < 0 (1/b is convex decreasing on b > 0).
        if (argExprs.get(0) instanceof Constant c) {
            if (args[1].positive()) return c.value() >= 0 ? Curvature.CONVEX : Curvature.CONCAVE;
            if (args[1].negative()) return c.value() >= 0 ? Curvature.CONCAVE : Curvature.CONVEX;
        }
        return Curvature.UNKNOWN;
    }

    @Override
    public Monotonicity monotonicity(int k, Interval[] args, List<Expr> argExprs) {
        if (k == 0) {
            if (args[1].positive()) return Monotonicity.INCREASING;
            if (args[1].negative()) return Monotonicity.DECREASING;
            return Monotonicity.NONMONOTONE;
        }
        boolean sameSideOfZero = args[1].positive() || args[1].negative();
        if (!sameSideOfZero) return Monotonicity.NONMONOTONE;
        if (args[0].nonnegative()) return Monotonicity.DECREASING;
        if (args[0].nonpositive()) return Monotonicity.INCREASING;
        return Monotonicity.NONMONOTONE;
    }

    /** {@code a/b}, with a product's quotients and fractions gathered as for a product: (x/3)/y is {@code x/(3*y)}. */
    @Override
    public GroovyPrinter.Printed groovy(GroovyPrinter p, List<Expr> args) {
        Expr numerator = args.get(0);
        List<Expr> factors = new ArrayList<>(numerator instanceof Apply a && a.atom() instanceof Multiply
                ? a.args() : List.of(numerator));
        factors.add(new Apply(INSTANCE, List.of(Constant.ONE, args.get(1))));
        return Multiply.quotientOrNull(p, factors);
    }

    @Override
    public LatexPrinter.Printed latex(LatexPrinter p, List<Expr> args) {
        return new LatexPrinter.Printed("\\frac{" + p.text(args.get(0)) + "}{" + p.text(args.get(1)) + "}", LatexPrinter.ATOM);
    }

    @Override
    public boolean definedOn(Interval[] args) {
        return args[1].positive() || args[1].negative();
    }

    @Override
    public String curvatureFailure(List<Expr> args, Interval[] r) {
        List<String> but = new ArrayList<>();
        if (!(args.get(0) instanceof Constant)) but.add("the numerator " + Wording.show(args.get(0)) + " is not constant");
        if (!(r[1].positive() || r[1].negative())) but.add(Wording.show(args.get(1)) + " ranges over " + Wording.interval(r[1]));
        return "a quotient is convex or concave only as c/b with a constant c and a denominator of one sign, but " + String.join(" and ", but);
    }
}
