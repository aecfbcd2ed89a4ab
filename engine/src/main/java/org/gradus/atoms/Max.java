package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;

import java.util.List;

/** max(a, b): convex, increasing in both; not differentiable where a = b (unless both slopes agree). */
public final class Max extends Atom {
    public static final Max INSTANCE = new Max();
    public static final FunctionWord WORD = FunctionWord.named("max").expr("a").expr("b")
            .help("the larger of two expressions, or the largest element of a vector or matrix").example("max(x, 1 - x)")
            .orVector("v").signature("max(a, b) or max(v)")
            .builds(a -> a.size() == 1 ? org.gradus.atoms.array.ArrayOps.max(a.array(0)) : Ops.max(a.expr(0), a.expr(1)));

    @Override
    public String name() {
        return "max";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public double value(double[] a) {
        return Math.max(a[0], a[1]);
    }

    @Override
    public Expr derivative(int k, List<Expr> args, Expr self) {
        // step(a - b) picks the first argument where it is strictly larger; ties go to the second.
        Expr firstWins = Ops.apply(Step.INSTANCE, Ops.sub(args.get(0), args.get(1)));
        return k == 0 ? firstWins : Ops.sub(org.gradus.expr.Constant.ONE, firstWins);
    }

    @Override
    public double derivative(int k, double[] a, double out) {
        boolean first = a[0] > a[1];
        return (k == 0) == first ? 1 : 0;
    }

    @Override
    public String kink(double[] a) {
        return a[0] == a[1] ? "max has a kink where its arguments are equal" : null;
    }

    @Override
    public Interval range(Interval[] args) {
        return new Interval(Math.max(args[0].lo(), args[1].lo()), Math.max(args[0].hi(), args[1].hi()));
    }

    @Override
    public Curvature curvature(Interval[] args, List<Expr> argExprs) {
        return Curvature.CONVEX;
    }

    @Override
    public Monotonicity monotonicity(int k, Interval[] args, List<Expr> argExprs) {
        return Monotonicity.INCREASING;
    }

    @Override
    public String latex(List<String> args) {
        return "\\max\\left(" + args.get(0) + ", " + args.get(1) + "\\right)";
    }

    @Override
    public boolean smoothOn(Interval[] args) {
        return args[0].lo() > args[1].hi() || args[1].lo() > args[0].hi(); // no tie anywhere
    }

    /** At a tie max follows the argument that grows faster: max(da, db). */
    @Override
    public double oneSidedDerivative(double[] a, double[] da, double out, boolean jumps) {
        return Math.max(da[0], da[1]);
    }

    /** max(a, b) = b + (a − b)·step(a − b). */
    @Override
    public Expr definition(List<Expr> args) {
        Expr a = args.get(0), b = args.get(1);
        return Ops.add(b, Ops.mul(Ops.sub(a, b), Ops.apply(Step.INSTANCE, Ops.sub(a, b))));
    }
}
