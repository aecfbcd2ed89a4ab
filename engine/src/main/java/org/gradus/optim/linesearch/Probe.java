package org.gradus.optim.linesearch;

import org.gradus.optim.Iterate;

/** Evaluations of φ(α) = f(x + α·d) and φ'(α) = ∇f(x + α·d)·d, keeping the last trial point. */
final class Probe {
    final Iterate it;
    final double[] x0;
    final double[] d;
    final double f0;
    final double dphi0;
    final double[] xt;
    final double[] gt;
    final boolean project;
    double ft;
    double alphaT = Double.NaN;

    Probe(Iterate it, double[] d, boolean project) {
        this.it = it;
        this.x0 = it.x.clone();
        this.d = d;
        this.f0 = it.f;
        this.dphi0 = dot(it.g, d);
        this.xt = new double[x0.length];
        this.gt = new double[x0.length];
        this.project = project;
    }

    /** φ(α); afterwards {@link #slope()} is φ'(α). */
    double at(double alpha) {
        for (int i = 0; i < xt.length; i++) xt[i] = x0[i] + alpha * d[i];
        if (project) it.objective.project(xt);
        ft = it.objective.valueAndGradient(xt, gt);
        alphaT = alpha;
        return ft;
    }

    double slope() {
        return dot(gt, d);
    }

    /** ∇f(x0)·(xt − x0): the predicted decrease along a projected path. */
    double predicted() {
        double s = 0;
        for (int i = 0; i < xt.length; i++) s += it.g[i] * (xt[i] - x0[i]);
        return s;
    }

    /** Moves the iterate to the point of step α (re-evaluating when α was not the last trial). */
    double accept(double alpha) {
        if (alpha != alphaT) at(alpha);
        double sn = 0;
        for (int i = 0; i < xt.length; i++) {
            double dx = xt[i] - x0[i];
            sn += dx * dx;
        }
        System.arraycopy(xt, 0, it.x, 0, xt.length);
        System.arraycopy(gt, 0, it.g, 0, gt.length);
        it.f = ft;
        it.lr = alpha;
        it.stepNorm = Math.sqrt(sn);
        return alpha;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
