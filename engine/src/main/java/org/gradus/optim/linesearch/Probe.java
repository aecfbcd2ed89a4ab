package org.gradus.optim.linesearch;

import org.gradus.optim.Iterate;
import org.gradus.optim.MaxAbs;

/**
 * Evaluations of φ(α) = f(x + α·d) and φ'(α) = ∇f(x + α·d)·d from the current iterate. Trial points go
 * into the iterate's trial buffers; {@link #accept} moves the iterate there by swapping buffers. One
 * probe belongs to each iterate and is reset for every search, so a search allocates nothing.
 */
public final class Probe {
    private final Iterate it;
    private double[] d;
    private boolean project;
    double f0;
    double dphi0;
    private double ft;
    private double alphaT = Double.NaN;
    private double[] hintD;
    private double hintSlope;
    private long hintMoves = -1;

    public Probe(Iterate it) {
        this.it = it;
    }

    /** Starts a search along d (projected onto the bounds when {@code project}). */
    public Probe reset(double[] d, boolean project) {
        this.d = d;
        this.project = project;
        this.f0 = it.f;
        this.dphi0 = d == hintD && it.moves() == hintMoves ? hintSlope : dot(it.g, d);
        this.alphaT = Double.NaN;
        hintD = null;
        return this;
    }

    /** ∇f·d at the iterate's point after {@code moves} moves, as {@link #dot}{@code (g, d)} gives it (see {@link Iterate#slopeAlong}). */
    public void knownSlope(double[] d, double slope, long moves) {
        hintD = d;
        hintSlope = slope;
        hintMoves = moves;
    }

    /** φ(α); afterwards {@link #slope()} is φ'(α). */
    double at(double alpha) {
        double[] x0 = it.x;
        double[] xt = it.trialX();
        for (int i = 0; i < xt.length; i++) xt[i] = x0[i] + alpha * d[i];
        if (project) it.objective.project(xt);
        ft = it.objective.valueAndGradient(xt, it.trialG());
        alphaT = alpha;
        return ft;
    }

    double slope() {
        return dot(it.trialG(), d);
    }

    /** ∇f(x0)·(xt − x0): the predicted decrease along a projected path. */
    double predicted() {
        double[] x0 = it.x;
        double[] xt = it.trialX();
        double[] g = it.g;
        double s = 0;
        for (int i = 0; i < xt.length; i++) s += g[i] * (xt[i] - x0[i]);
        return s;
    }

    /** Moves the iterate to the point of step α (re-evaluating when α was not the last trial). */
    double accept(double alpha) {
        if (alpha != alphaT) at(alpha);
        double[] x0 = it.x;
        double[] xt = it.trialX();
        double sn = Double.NaN;
        double xn;
        if (it.stepNormWanted) {
            sn = 0;
            xn = 0;
            for (int i = 0; i < xt.length; i++) {
                double dx = xt[i] - x0[i];
                sn += dx * dx;
                xn = Math.max(xn, Math.abs(xt[i]));
            }
        } else {
            xn = MaxAbs.of(xt);
        }
        it.moveTo(ft);
        it.lr = alpha;
        it.stepNorm = Math.sqrt(sn);
        it.xNorm = xn;
        return alpha;
    }

    /** aᵀb, summed in index order. */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
