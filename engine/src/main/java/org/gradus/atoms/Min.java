package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;

import java.util.List;

/** min(a, b): concave, increasing in both; not differentiable where a = b. */
public final class Min extends Atom {
    public static final Min INSTANCE = new Min();
    public static final FunctionWord WORD = FunctionWord.named("min").expr("a").expr("b")
            .help("the smaller of two expressions, or the smallest element of a vector or matrix").example("min(x, y)")
            .orVector("v").signature("min(a, b) or min(v)")
            .builds(a -> a.size() == 1 ? org.gradus.atoms.array.ArrayOps.min(a.array(0)) : Ops.min(a.expr(0), a.expr(1)));

    @Override
    public String name() {
        return "min";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public double value(double[] a) {
        return Math.min(a[0], a[1]);
    }

    @Override
    public Expr derivative(int k, List<Expr> args, Expr self) {
        Expr firstWins = Ops.apply(Step.INSTANCE, Ops.sub(args.get(1), args.get(0)));
        return k == 0 ? firstWins : Ops.sub(Constant.ONE, firstWins);
    }

    @Override
    public double derivative(int k, double[] a, double out) {
        boolean first = a[0] < a[1];
        return (k == 0) == first ? 1 : 0;
    }

    @Override
    public String kink(double[] a) {
        return a[0] == a[1] ? "min has a kink where its arguments are equal" : null;
    }

    @Override
    public Interval range(Interval[] args) {
        return new Interval(Math.min(args[0].lo(), args[1].lo()), Math.min(args[0].hi(), args[1].hi()));
    }

    @Override
    public Curvature curvature(Interval[] args, List<Expr> argExprs) {
        return Curvature.CONCAVE;
    }

    @Override
    public Monotonicity monotonicity(int k, Interval[] args, List<Expr> argExprs) {
        return Monotonicity.INCREASING;
    }

    @Override
    public String latex(List<String> args) {
        return "\\min\\left(" + args.get(0) + ", " + args.get(1) + "\\right)";
    }

    @Override
    public boolean smoothOn(Interval[] args) {
        return args[0].lo() > args[1].hi() || args[1].lo() > args[0].hi(); // no tie anywhere
    }

    /** At a tie min follows the argument that grows slower: min(da, db). */
    @Override
    public double oneSidedDerivative(double[] a, double[] da, double out, boolean jumps) {
        return Math.min(da[0], da[1]);
    }

    /** min(a, b) = a − (a − b)·step(a − b). */
    @Override
    public Expr definition(List<Expr> args) {
        Expr a = args.get(0), b = args.get(1);
        return Ops.sub(a, Ops.mul(Ops.sub(a, b), Ops.apply(Step.INSTANCE, Ops.sub(a, b))));
    }
}
