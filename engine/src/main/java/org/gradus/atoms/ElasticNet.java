package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Vec;
import org.gradus.print.Numbers;

import java.util.List;

/** alpha·Σ|vᵢ| + (1 − alpha)·Σvᵢ², alpha in [0, 1]: convex of an affine operand. */
public final class ElasticNet extends VectorAtom {
    public static final FunctionWord WORD = FunctionWord.named("elasticNet").vector("v").number("alpha", 0.5)
            .help("alpha*l1(v) + (1 - alpha)*l2(v)").example("elasticNet(w, 0.5)")
            .builds(a -> {
                double alpha = a.number(1, "alpha");
                if (alpha < 0 || alpha > 1) throw new IllegalArgumentException("elasticNet's alpha must be in [0, 1], got " + alpha);
                return applied(new ElasticNet(alpha), a, 1);
            });

    private final double alpha;

    public ElasticNet(double alpha) {
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
    }

    @Override
    public String name() {
        return "elasticNet";
    }

    @Override
    public double value(double[][] x) {
        return alpha * sumOfAbs(x[0]) + (1 - alpha) * sumOfSquares(x[0]);
    }

    /** The gradient in the operand as an array expression of it. */
    @Override
    public Expr gradient(int k, List<Expr> operands, Expr self) {
        return Ops.add(Ops.mul(Constant.of(alpha), Ops.apply(Sign.INSTANCE, operands.get(0))), Ops.mul(Constant.of(2 * (1 - alpha)), operands.get(0)));
    }

    @Override
    public double[] gradient(int k, double[][] x) {
        double[] g = signs(x[0]);
        for (int i = 0; i < g.length; i++) g[i] = alpha * g[i] + 2 * (1 - alpha) * x[0][i];
        return g;
    }

    @Override
    protected Expr summand(List<Vec> v, Expr i) {
        return Ops.add(Ops.mul(Constant.of(alpha), Norm1.INSTANCE.summand(v, i)),
                Ops.mul(Constant.of(1 - alpha), SumSquares.INSTANCE.summand(v, i)));
    }

    /** Convex for alpha in [0, 1]; outside it the scalar form is judged. */
    @Override
    public Curvature curvatureOfAffine() {
        return alpha >= 0 && alpha <= 1 ? Curvature.CONVEX : null;
    }

    @Override
    public double[] l1l2Weights() {
        return new double[]{alpha, 1 - alpha};
    }

    @Override
    public List<String> printedParameters() {
        return List.of(Numbers.format(alpha));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ElasticNet e && Double.compare(e.alpha, alpha) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(alpha) * 31 + 7;
    }
}
