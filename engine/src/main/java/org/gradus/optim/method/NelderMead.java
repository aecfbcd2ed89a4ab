package org.gradus.optim.method;

import org.gradus.optim.Iterate;
import org.gradus.optim.Status;

/**
 * The Nelder–Mead simplex method (derivative-free), with the standard coefficients reflection 1,
 * expansion 2, contraction 0.5, shrink 0.5 and scipy's initial simplex (each coordinate moved by 5%, or
 * by 0.00025 when it is 0). One iteration is one reflect/expand/contract/shrink move. Its stationarity
 * measure is the simplex size max‖vᵢ − v_best‖∞, compared with {@code tol} (default 1e-8); the
 * gradient is never used (it is evaluated once at the end for the report). Bounds clamp the vertices.
 * The iterate is the best vertex, written in place (its f never increases).
 */
final class NelderMead implements Method {
    static final MethodSpec SPEC = MethodSpec.named("nelder-mead")
            .summary("derivative-free simplex search")
            .description("derivative-free simplex (1, 2, 0.5, 0.5), scipy's initial simplex")
            .noConstraints()
            .maxIter(n -> (int) Math.min(1_000_000, Math.max(1000, 200L * n)), "max(1000, 200·n)")
            .tol(1e-8, "1e-8 on the simplex size")
            .build(o -> new Config(), c -> new NelderMead());

    /** Nelder–Mead has no options: its coefficients are the standard ones. */
    record Config() {
    }

    private double[][] v;
    private double[] fv;
    private double[] c;
    private double[] xr;
    private double[] xe;
    private double[] xc;

    @Override
    public String name() {
        return "nelder-mead";
    }

    @Override
    public void init(Iterate it) {
        int n = it.x.length;
        v = new double[n + 1][];
        fv = new double[n + 1];
        c = new double[n];
        xr = new double[n];
        xe = new double[n];
        xc = new double[n];
        v[0] = it.x.clone();
        fv[0] = it.f;
        for (int k = 0; k < n; k++) {
            double[] p = it.x.clone();
            p[k] = p[k] != 0 ? 1.05 * p[k] : 0.00025;
            it.objective.project(p);
            if (p[k] == it.x[k]) p[k] = it.x[k] - (p[k] != 0 ? 0.05 * p[k] : 0.00025);
            v[k + 1] = p;
            fv[k + 1] = eval(it, p);
        }
        sort();
    }

    private static double eval(Iterate it, double[] p) {
        it.objective.project(p);
        double f = it.objective.value(p);
        return Double.isNaN(f) ? Double.POSITIVE_INFINITY : f;
    }

    private void sort() {
        for (int i = 1; i < v.length; i++) {
            double[] p = v[i];
            double f = fv[i];
            int j = i - 1;
            while (j >= 0 && fv[j] > f) {
                v[j + 1] = v[j];
                fv[j + 1] = fv[j];
                j--;
            }
            v[j + 1] = p;
            fv[j + 1] = f;
        }
    }

    @Override
    public Status step(Iterate it, int t) {
        int n = it.x.length;
        java.util.Arrays.fill(c, 0);
        for (int k = 0; k < n; k++) for (int i = 0; i < n; i++) c[i] += v[k][i] / n;
        double[] worst = v[n];
        affine(c, worst, 1, xr);
        double fr = eval(it, xr);
        if (fr < fv[0]) {
            affine(c, worst, 2, xe);
            double fe = eval(it, xe);
            if (fe < fr) xe = replace(xe, fe);
            else xr = replace(xr, fr);
        } else if (fr < fv[n - 1]) {
            xr = replace(xr, fr);
        } else {
            boolean outside = fr < fv[n];
            affine(c, worst, outside ? 0.5 : -0.5, xc);
            double fc = eval(it, xc);
            if (fc <= (outside ? fr : fv[n])) {
                xc = replace(xc, fc);
            } else {
                for (int k = 1; k <= n; k++) {
                    for (int i = 0; i < n; i++) v[k][i] = v[0][i] + 0.5 * (v[k][i] - v[0][i]);
                    fv[k] = eval(it, v[k]);
                }
            }
        }
        sort();
        double sn = 0;
        for (int i = 0; i < n; i++) sn += (v[0][i] - it.x[i]) * (v[0][i] - it.x[i]);
        System.arraycopy(v[0], 0, it.x, 0, n);
        it.f = fv[0];
        it.stepNorm = Math.sqrt(sn);
        return null;
    }

    /** out = c + a·(c − w). */
    private static void affine(double[] c, double[] w, double a, double[] out) {
        for (int i = 0; i < c.length; i++) out[i] = c[i] + a * (c[i] - w[i]);
    }

    /** Puts p in place of the worst vertex; returns the worst vertex's array, free for the next trial. */
    private double[] replace(double[] p, double f) {
        double[] freed = v[v.length - 1];
        v[v.length - 1] = p;
        fv[v.length - 1] = f;
        return freed;
    }

    @Override
    public double stationarity(Iterate it) {
        double m = 0;
        for (int k = 1; k < v.length; k++) for (int i = 0; i < v[0].length; i++) m = Math.max(m, Math.abs(v[k][i] - v[0][i]));
        return m;
    }

    @Override
    public boolean stationarityChecksFinite() {
        return false;
    }

    @Override
    public boolean usesGradient() {
        return false;
    }

    @Override
    public String measureName() {
        return "simplex size";
    }

    @Override
    public String describe() {
        return "derivative-free simplex (reflection 1, expansion 2, contraction 0.5, shrink 0.5)";
    }
}
