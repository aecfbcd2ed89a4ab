package org.gradus.atoms;

import org.gradus.expr.Expr;
import org.gradus.expr.Vec;

import java.util.ArrayList;
import java.util.List;

/** log Σ e^{vᵢ} of a vector, computed stably: convex of an affine operand; its gradient is softmax(v). */
public final class VectorLogSumExp extends VectorAtom {
    public static final VectorLogSumExp INSTANCE = new VectorLogSumExp();

    @Override
    public String name() {
        return "logsumexp";
    }

    @Override
    public double value(double[][] x) {
        return LogSumExp.INSTANCE.value(x[0]);
    }

    /** softmax(v). */
    /** The gradient in the operand as an array expression of it. */
    @Override
    public Expr gradient(int k, List<Expr> operands, Expr self) {
        return org.gradus.atoms.array.ArrayOps.softmax(operands.get(0));
    }

    @Override
    public boolean smooth() {
        return true;
    }

    @Override
    public double[] gradient(int k, double[][] x) {
        double out = value(x);
        double[] g = new double[x[0].length];
        for (int i = 0; i < g.length; i++) g[i] = Math.exp(x[0][i] - out);
        return g;
    }

    @Override
    public Expr lower(List<Vec> v) {
        List<Expr> elements = new ArrayList<>();
        for (int k = 0; k < v.get(0).size(); k++) elements.add(v.get(0).get(k));
        return Ops.apply(LogSumExp.INSTANCE, elements);
    }

    @Override
    public Curvature curvatureOfAffine() {
        return Curvature.CONVEX;
    }
}
