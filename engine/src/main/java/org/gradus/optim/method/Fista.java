package org.gradus.optim.method;

import org.gradus.optim.Iterate;
import org.gradus.optim.OptionSpec;
import org.gradus.optim.Status;
import org.gradus.print.Numbers;

/**
 * FISTA (Beck &amp; Teboulle 2009): accelerated proximal gradient for F(x) = f(x) + Σ λᵢ|xᵢ − cᵢ| with f smooth.
 * The proximal step is exact soft-thresholding about each centre, z = c + sign(v − c)·max(|v − c| − λ/L, 0) (then
 * clamped to the bounds, which is exact for a box), so coordinates land exactly on their centres (0 for l1). The step 1/L comes from backtracking
 * (L doubles until f(z) ≤ f(y) + ∇f(y)ᵀ(z−y) + L/2‖z−y‖²), starting from 1/lr when lr is given, else from
 * ‖∇²f·g‖/‖g‖ at the start (one exact Hessian-vector product). The momentum is restarted when F
 * increases (O'Donoghue &amp; Candès 2015). Stationarity: the inf-norm of the gradient mapping
 * L·(x − prox(x − ∇f/L)), zero exactly at a minimizer.
 */
final class Fista implements Method {
    static final MethodSpec SPEC = MethodSpec.named("fista")
            .summary("accelerated proximal gradient (smooth + l1)")
            .description("accelerated proximal gradient for smooth + Σλᵢ|xᵢ|; exact soft-thresholding (exact zeros), backtracking on L, "
                    + "adaptive restart")
            .proximal()
            .noConstraints()
            .minimizeOnly()
            .options(OptionSpec.real("lr", "the first step 1/L₀ of the backtracking", 0, Double.POSITIVE_INFINITY, false, false, null)
                    .withDefaultText("L₀ = 1/lr, or ‖∇²f·g‖/‖g‖ (one exact Hessian-vector product)"))
            .tol(1e-6, "1e-6 on the gradient mapping |L·(x − prox(x − ∇f/L))|∞")
            .build(Config::of, Fista::new);

    /**
     * @param lambda λᵢ per coordinate (null: none); @param centre cᵢ per coordinate (null: all 0); @param lr the
     *               first step 1/L₀, or null to estimate L₀
     */
    record Config(double[] lambda, double[] centre, Double lr) {
        static Config of(MethodOptions o) {
            return new Config(o.l1Weights(), o.l1Centres(), o.number("lr"));
        }
    }

    /** Past this many times L₀, backtracking has met a kink, not a curvature: f's smooth part is not smooth. */
    private static final double KINKED = 1e8;

    private double[] lambda;
    private double[] centre;        // null where every centre is 0 (plain l1): the passes then read no array of centres
    private double lip0;
    private final Double lr;
    private double lip;
    private double t = 1;
    private double[] y;
    private double[] gy;
    private double fy;
    private double[] v;
    private double[] p;
    private double fullF;

    Fista(Config c) {
        this.lambda = c.lambda();
        this.centre = c.centre();
        this.lr = c.lr();
    }

    @Override
    public String name() {
        return "fista";
    }

    private double penalty(double[] x) {
        double p = 0;
        for (int i = 0; i < x.length; i++) p += lambda[i] * Math.abs(centre == null ? x[i] : x[i] - centre[i]);
        return p;
    }

    @Override
    public void init(Iterate it) {
        int n = it.x.length;
        if (lambda == null) lambda = new double[n];
        if (centre != null && java.util.Arrays.stream(centre).allMatch(c -> c == 0)) centre = null;
        y = it.x.clone();
        gy = it.g.clone();
        fy = it.f;
        v = new double[n];
        p = new double[n];
        if (lr != null) {
            lip = 1 / lr;
        } else {
            double gn = 0;
            for (double v : it.g) gn += v * v;
            gn = Math.sqrt(gn);
            lip = 1;
            if (gn > 0) {
                try {
                    double[] hv = new double[n];
                    it.objective.hessianVector(it.x, it.g, hv);
                    double hn = 0;
                    for (double v : hv) hn += v * v;
                    double est = Math.sqrt(hn) / gn;
                    if (est > 0 && Double.isFinite(est)) lip = est;
                } catch (UnsupportedOperationException | IllegalStateException e) {
                    lip = 1;
                }
            }
        }
        lip0 = lip;
        fullF = it.f + penalty(it.x);
        it.f = fullF;
    }

    private void prox(double[] v, double step, double[] out, Iterate it) {
        for (int i = 0; i < v.length; i++) {
            out[i] = shrink(v[i], centre == null ? 0 : centre[i], lambda[i] * step);
        }
        it.objective.project(out);
    }

    @Override
    public Status step(Iterate it, int k) {
        int n = it.x.length;
        double[] z = it.trialX();
        double[] gz = it.trialG();
        double fz = Double.NaN;
        double penaltyZ = 0;
        boolean bounded = it.objective.bounded();
        for (int tries = 0; tries < 60; tries++) {
            if (bounded) {
                for (int i = 0; i < n; i++) v[i] = y[i] - gy[i] / lip;
                prox(v, 1 / lip, z, it);
            } else {
                proxStep(y, gy, 1 / lip, z);
            }
            fz = it.objective.valueAndGradient(z, gz);
            double model = fy;
            double dist = 0;
            penaltyZ = 0;
            for (int i = 0; i < n; i++) {
                double zi = z[i];
                double dz = zi - y[i];
                model += gy[i] * dz;
                dist += dz * dz;
                penaltyZ += lambda[i] * Math.abs(centre == null ? zi : zi - centre[i]);   // penalty(z), in its order
            }
            model += 0.5 * lip * dist;
            if (Double.isFinite(fz) && fz <= model + 1e-12 * Math.abs(model)) break;
            lip *= 2;
        }
        if (!Double.isFinite(fz)) return Status.STALLED;
        double newF = fz + penaltyZ;
        double tNew = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
        double beta = (t - 1) / tNew;
        if (newF > fullF) {
            beta = 0;    // adaptive restart
            tNew = 1;
        }
        double sn = Double.NaN;
        boolean plain = beta == 0;
        double[] x = it.x;
        if (it.stepNormWanted) {
            sn = 0;
            for (int i = 0; i < n; i++) {
                double dz = z[i] - x[i];
                sn += dz * dz;
                y[i] = z[i] + beta * dz;
            }
        } else {
            for (int i = 0; i < n; i++) y[i] = z[i] + beta * (z[i] - x[i]);
        }
        it.objective.project(y);
        it.moveTo(newF);
        fullF = newF;
        it.lr = 1 / lip;
        it.stepNorm = Math.sqrt(sn);
        t = tNew;
        if (plain) {
            System.arraycopy(it.g, 0, gy, 0, n);
            fy = fz;
        } else {
            fy = it.objective.valueAndGradient(y, gy);
        }
        return null;
    }

    /**
     * Without bounds: out = prox(y − g/L) in one pass, the arithmetic of the two passes
     * {@code v = y − g/L; prox(v, step, out)} (the same bits, no intermediate vector).
     */
    private void proxStep(double[] y, double[] g, double step, double[] out) {
        double l = lip;
        double[] c = centre;
        if (c == null) {
            for (int i = 0; i < y.length; i++) out[i] = shrink(y[i] - g[i] / l, 0, lambda[i] * step);
        } else {
            for (int i = 0; i < y.length; i++) out[i] = shrink(y[i] - g[i] / l, c[i], lambda[i] * step);
        }
    }

    private double centreAt(int i) {
        return centre == null ? 0 : centre[i];
    }

    /** Soft-thresholding about c: the point of [c − thr, c + thr] moved to c, the rest moved thr towards it. */
    private static double shrink(double v, double c, double thr) {
        double a = Math.abs(v - c) - thr;
        return a > 0 ? c + Math.copySign(a, v - c) : c;
    }

    /** The gradient mapping's inf-norm; without bounds in one pass (the same bits: max does not depend on order). */
    @Override
    public double stationarity(Iterate it) {
        int n = it.x.length;
        if (!it.objective.bounded()) {
            double[] x = it.x, g = it.g;
            double step = 1 / lip;
            double m0 = 0, m1 = 0;
            int i = 0;
            for (int upper = n & -2; i < upper; i += 2) {
                m0 = Math.max(m0, mappingAt(x[i], g[i], lambda[i], centreAt(i)));
                m1 = Math.max(m1, mappingAt(x[i + 1], g[i + 1], lambda[i + 1], centreAt(i + 1)));
            }
            if (i < n) m0 = Math.max(m0, mappingAt(x[i], g[i], lambda[i], centreAt(i)));
            return Math.max(m0, m1);
        }
        for (int i = 0; i < n; i++) v[i] = it.x[i] - it.g[i] / lip;
        prox(v, 1 / lip, p, it);
        double m = 0;
        for (int i = 0; i < n; i++) m = Math.max(m, Math.abs(it.x[i] - p[i]) * lip);
        return m;
    }

    /**
     * |x − prox(x − g/L)|·L for one coordinate, in closed form so that a large L loses nothing to rounding (x − g/L
     * rounds to x once g/L is below half an ulp of x, which would read as 0): g + λ·sign(v − c) where the step ends
     * outside the threshold band, L·(x − c) where it ends inside.
     */
    private double mappingAt(double xi, double gi, double lam, double c) {
        double u = xi - c, vu = u - gi / lip;
        if (Math.abs(vu) > lam / lip) return Math.abs(gi + Math.copySign(lam, vu));
        return Math.abs(u) * lip;
    }

    /** Backtracking that raised L a hundred million-fold met a kink of the smooth part, which no step size resolves. */
    @Override
    public String idleAdvice(int iterations) {
        if (!(lip > KINKED * lip0)) return null;
        return "backtracking raised L from " + Numbers.round(lip0, 4) + " to " + Numbers.round(lip, 4)
                + ": the smooth part is not smooth where the run stopped (a kink that is not a term c·|x − a| of one variable, "
                + "which fista steps through exactly); fista needs f = smooth + Σ λ·|xᵢ − cᵢ|";
    }

    @Override
    public boolean stationarityChecksFinite() {
        return false;
    }

    @Override
    public String measureName() {
        return "|gradient mapping|∞";
    }

    @Override
    public String describe() {
        int k = 0;
        if (lambda != null) for (double l : lambda) if (l > 0) k++;
        return "proximal gradient with soft-thresholding on " + k + " l1 coordinate" + (k == 1 ? "" : "s")
                + ", backtracking (last L = " + Numbers.round(lip, 4) + ")";
    }
}
