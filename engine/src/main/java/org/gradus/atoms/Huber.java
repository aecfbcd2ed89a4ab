package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.print.Numbers;

import java.util.List;

/**
 * The Huber loss of a residual r = pred - y: r²/2 for |r| ≤ delta, delta(|r| - delta/2) beyond.
 * Convex; once differentiable everywhere (its second derivative jumps at |r| = delta).
 */
public final class Huber extends Atom {
    public static final FunctionWord WORD = FunctionWord.named("huber").expr("pred").expr("y").optionalNumber("delta", 1)
            .help("quadratic near y, linear beyond delta").example("huber(a*x + b, 3, 0.5)")
            .builds(a -> Losses.huber(a.expr(0), a.expr(1), a.number(2, "delta")));

    private final double delta;

    public Huber(double delta) {
        if (!(delta > 0)) throw new IllegalArgumentException("huber's delta must be positive, got " + delta);
        this.delta = delta;
    }

    public double delta() {
        return delta;
    }

    /** {@code {delta}}: the number its word takes after the expressions. */
    @Override
    public double[] parameters() {
        return new double[]{delta};
    }

    @Override
    public String name() {
        return "huber";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public double value(double[] a) {
        double r = Math.abs(a[0] - a[1]);
        return r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
    }

    /** The slope in the prediction: r clipped to [-delta, delta]. */
    private double clip(double r) {
        return Math.max(-delta, Math.min(delta, r));
    }

    @Override
    public Expr derivative(int k, List<Expr> args, Expr self) {
        Expr r = Ops.sub(args.get(0), args.get(1));
        Expr d = Constant.of(delta);
        Expr clipped = Ops.max(Ops.neg(d), Ops.min(d, r));
        return k == 0 ? clipped : Ops.neg(clipped);
    }

    @Override
    public double derivative(int k, double[] a, double out) {
        double c = clip(a[0] - a[1]);
        return k == 0 ? c : -c;
    }

    /**
     * Increasing in |r|, r = pred − y: from the loss at the smallest |r| in the range of r to the loss at the
     * largest (rounded to nearest; the analyses widen an atom's range outward).
     */
    @Override
    public Interval range(Interval[] args) {
        Interval r = args[0].minus(args[1]);
        if (Double.isNaN(r.lo()) || Double.isNaN(r.hi())) return Interval.NONNEGATIVE;
        double small = r.lo() > 0 ? r.lo() : r.hi() < 0 ? -r.hi() : 0;
        double large = Math.max(Math.abs(r.lo()), Math.abs(r.hi()));
        return new Interval(loss(small), loss(large));
    }

    private double loss(double absR) {
        if (absR == Double.POSITIVE_INFINITY) return Double.POSITIVE_INFINITY;
        return absR <= delta ? 0.5 * absR * absR : delta * (absR - 0.5 * delta);
    }

    @Override
    public Curvature curvature(Interval[] args, List<Expr> argExprs) {
        return Curvature.CONVEX; // convex in (pred, y) jointly: a convex function of pred - y
    }

    @Override
    public Monotonicity monotonicity(int k, Interval[] args, List<Expr> argExprs) {
        Interval r = args[0].minus(args[1]);
        boolean up = r.nonnegative(), down = r.nonpositive();
        if (k == 1) {
            boolean t = up;
            up = down;
            down = t;
        }
        return up ? Monotonicity.INCREASING : down ? Monotonicity.DECREASING : Monotonicity.NONMONOTONE;
    }

    @Override
    public String groovy(List<String> args) {
        return "huber(" + args.get(0) + ", " + args.get(1) + (delta == 1 ? "" : ", " + org.gradus.print.Numbers.format(delta)) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Huber h && h.delta == delta;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(delta) * 31 + 7;
    }

    /** Huber is once but not twice differentiable: its second derivative jumps where |pred − y| = delta. */
    @Override
    public boolean smoothOn(Interval[] args) {
        Interval r = args[0].minus(args[1]);
        return !r.contains(delta) && !r.contains(-delta);
    }

    /** With r = pred − y: delta·|r| − delta²/2 + relu(delta − |r|)²/2 (the quadratic piece where |r| ≤ delta). */
    @Override
    public Expr definition(List<Expr> args) {
        Expr r = Ops.apply(Abs.INSTANCE, Ops.sub(args.get(0), args.get(1)));
        Expr d = Constant.of(delta);
        Expr inner = Ops.apply(Relu.INSTANCE, Ops.sub(d, r));
        return Ops.add(Ops.sub(Ops.mul(d, r), Constant.of(0.5 * delta * delta)), Ops.mul(Constant.of(0.5), Ops.pow(inner, Constant.of(2))));
    }
}
