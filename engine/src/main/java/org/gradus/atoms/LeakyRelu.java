package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.print.Numbers;

import java.util.List;

/**
 * The leaky ReLU: a for a &gt; 0, slope·a below (torch.nn.LeakyReLU, whose default slope is 0.01). A kink
 * at 0 with one-sided slopes {@code slope} and 1; convex for slope ≤ 1 (it is max(slope·a, a)), affine
 * at slope 1; increasing for slope ≥ 0.
 */
public final class LeakyRelu extends UnaryAtom {
    public static final FunctionWord WORD = FunctionWord.named("leakyRelu").expr("a").optionalNumber("slope", 0.01)
            .help("a for a > 0, slope*a below (torch's LeakyReLU)").example("leakyRelu(dot(w, row.x), 0.1)")
            .builds(a -> Ops.apply(new LeakyRelu(a.number(1, "slope")), a.expr(0)));

    private final double slope;

    /** @throws IllegalArgumentException when the slope is not a finite number */
    public LeakyRelu(double slope) {
        if (!Double.isFinite(slope)) throw new IllegalArgumentException("leakyRelu's slope must be a finite number, got " + slope);
        this.slope = slope;
    }

    public double slope() {
        return slope;
    }

    @Override
    public String name() {
        return "leakyRelu";
    }

    @Override
    public double apply(double x) {
        return x > 0 ? x : slope == 0 ? 0 : slope * x;   // slope 0 is relu, also at x = -∞
    }

    /** 1 above 0, the slope below and at 0 (as relu takes its left slope there). */
    @Override
    public double slope(double x, double y) {
        return x > 0 ? 1 : slope;
    }

    @Override
    public Expr slope(Expr x, Expr self) {
        return Ops.add(Constant.of(slope), Ops.mul(Constant.of(1 - slope), Ops.apply(Step.INSTANCE, x)));
    }

    @Override
    public double[] kinks() {
        return slope == 1 ? new double[0] : new double[]{0};
    }

    @Override
    public String kink(double x) {
        return x == 0 && slope != 1 ? "leakyRelu has a kink at 0: its slope jumps from " + Numbers.format(slope) + " to 1" : null;
    }

    @Override
    public double[] oneSidedDerivatives(double[] a) {
        return a[0] == 0 && slope != 1 ? new double[]{slope, 1} : null;
    }

    /** Linear on each side of 0: the values at the ends, and 0 when the interval contains it. */
    @Override
    public Interval range(Interval x) {
        double lo = Math.min(apply(x.lo()), apply(x.hi())), hi = Math.max(apply(x.lo()), apply(x.hi()));
        if (x.contains(0)) {
            lo = Math.min(lo, 0);
            hi = Math.max(hi, 0);
        }
        return new Interval(lo, hi);
    }

    @Override
    public Curvature curvature(Interval x) {
        if (slope == 1 || x.nonnegative()) return Curvature.AFFINE;
        if (x.nonpositive()) return slope == 0 ? Curvature.CONSTANT : Curvature.AFFINE;
        return slope < 1 ? Curvature.CONVEX : Curvature.CONCAVE;
    }

    @Override
    public Monotonicity monotonicity(Interval x) {
        if (slope >= 0 || x.nonnegative()) return Monotonicity.INCREASING;
        if (x.nonpositive()) return Monotonicity.DECREASING;
        return Monotonicity.NONMONOTONE;
    }

    @Override
    public boolean smoothOn(Interval x) {
        return slope == 1 || x.positive() || x.negative();
    }

    /** {@code leakyRelu(a)} at the default slope, {@code leakyRelu(a, 0.2)} otherwise. */
    @Override
    public String groovy(List<String> args) {
        return "leakyRelu(" + args.get(0) + (slope == 0.01 ? "" : ", " + Numbers.format(slope)) + ")";
    }

    /** {@code \operatorname{leakyRelu}(a)}, with the slope as a subscript when it is not the default. */
    @Override
    public String latex(String x) {
        return "\\operatorname{leakyRelu}" + (slope == 0.01 ? "" : "_{" + Numbers.format(slope) + "}") + "\\left(" + x + "\\right)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeakyRelu l && Double.compare(l.slope, slope) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(slope) * 31 + 11;
    }

    /** leakyRelu(u) = slope·u + (1 − slope)·u·step(u). */
    @Override
    public Expr definition(java.util.List<Expr> args) {
        Expr x = args.get(0);
        return Ops.add(Ops.mul(org.gradus.expr.Constant.of(slope), x),
                Ops.mul(org.gradus.expr.Constant.of(1 - slope), x, Ops.apply(Step.INSTANCE, x)));
    }
}
