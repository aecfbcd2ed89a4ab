package org.gradus.optim;

import org.gradus.eval.CompiledFunction;

/** A compiled expression as an objective: sign·f (sign −1 to maximize), with optional mini-batches. */
public final class CompiledObjective extends Objective {
    private final CompiledFunction fn;
    private final double sign;
    private final Batches batches;

    public CompiledObjective(CompiledFunction fn, double sign, double[] lower, double[] upper, Batches batches) {
        super(lower, upper);
        this.fn = fn;
        this.sign = sign;
        this.batches = batches;
    }

    public CompiledFunction function() {
        return fn;
    }

    public double sign() {
        return sign;
    }

    @Override
    public double value(double[] x) {
        fCount++;
        return sign * fn.value(x);
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        fCount++;
        gCount++;
        double v = fn.valueAndGradient(x, g);
        if (sign != 1) for (int i = 0; i < g.length; i++) g[i] *= sign;
        return sign * v;
    }

    @Override
    public double[][] hessian(double[] x) {
        hCount++;
        double[][] h = fn.hessian(x);
        if (sign != 1) for (double[] row : h) for (int j = 0; j < row.length; j++) row[j] *= sign;
        return h;
    }

    @Override
    public void hessianVector(double[] x, double[] v, double[] out) {
        hvCount++;
        fn.hessianVector(x, v, out);
        if (sign != 1) for (int i = 0; i < out.length; i++) out[i] *= sign;
    }

    @Override
    public double fullValue(double[] x) {
        if (batches != null) batches.useAll(fn);
        return sign * fn.value(x);
    }

    @Override
    public int threads() {
        return fn.threads();
    }

    @Override
    public boolean stochastic() {
        return batches != null;
    }

    @Override
    public void selectBatch(int step) {
        if (batches != null) batches.select(fn, step);
    }

    @Override
    public void useAllRows() {
        if (batches != null) batches.useAll(fn);
    }
}
