package org.gradus.optim.method;

import org.gradus.optim.Iterate;
import org.gradus.optim.Objective;
import org.gradus.optim.Status;
import org.gradus.optim.linesearch.Backtracking;
import org.gradus.optim.linesearch.LineSearch;
import org.gradus.optim.linesearch.MoreThuente;

import java.util.List;

/**
 * Limited-memory BFGS (Nocedal 1980; Liu &amp; Nocedal 1989): d = −H·g by the two-loop recursion over the
 * last {@code memory} pairs (s, y), with H₀ = (sᵀy/yᵀy)·I; step from the Moré–Thuente strong Wolfe search
 * with L-BFGS-B's parameters (c1 1e-3, c2 0.9), first trial step 1/‖d‖₂ on the first iteration and 1 after,
 * as L-BFGS-B does. A pair is stored only when sᵀy &gt; ε·yᵀy. When the line search fails the memory is
 * dropped and the iteration retried along −g; a second failure in a row ends the run as stalled.
 *
 * <p>With bounds (variables with lower/upper) the method is projected L-BFGS: coordinates at an active
 * bound whose gradient points outward are held fixed, the direction is computed on the free
 * coordinates, and a projected Armijo backtracking search keeps every iterate in the box (the same
 * stationarity test as L-BFGS-B: the projected gradient). Defaults: memory 10 (scipy's maxcor).
 */
final class Lbfgs implements Method {
    static final MethodSpec SPEC = MethodSpec.named("lbfgs")
            .summary("limited-memory BFGS")
            .description("two-loop L-BFGS; with bounds, projected L-BFGS (active bounds fixed, projected Armijo search)")
            .options(HyperParameters.MEMORY, HyperParameters.LINE_SEARCH.withChoices(List.of("armijo", "wolfe"), "wolfe")
                    .withDefaultText("wolfe (Moré–Thuente with L-BFGS-B's c1 1e-3, c2 0.9, first step 1/‖d‖₂ then 1); projected Armijo with bounds"))
            .maxIter(n -> 15000, "15000 (scipy)")
            .build(Config::of, Lbfgs::new);

    record Config(int memory, LineSearch lineSearch) {
        static Config of(MethodOptions o) {
            return new Config(o.integer("memory"), o.lineSearch(MoreThuente.LBFGS));
        }
    }

    private static final double EPS = 2.220446049250313e-16;
    private final int m;
    private final LineSearch lineSearch;
    private double[][] s;
    private double[][] y;
    private double[] rho;
    private double[] alphaBuf;
    /** yᵀy of each stored pair, summed as {@link #dot} (for H₀'s scale γ). */
    private double[] yy;
    /** gᵀd and dᵀd of the last direction. */
    private final double[] slope = new double[2];
    /** ‖g‖∞ of the point the last step moved to, from the pass that stored its pair ({@link #stationarity}). */
    private double gNorm = Double.NaN;
    private double[] gNormOf;
    private long gNormMoves = -1;
    private int count;
    private int head;
    private double[] d;
    private boolean[] active;
    private boolean fresh = true;
    private boolean bounded;

    Lbfgs(Config c) {
        this.m = c.memory();
        this.lineSearch = c.lineSearch();
    }

    @Override
    public String name() {
        return "lbfgs";
    }

    @Override
    public void init(Iterate it) {
        int n = it.x.length;
        s = new double[m][n];
        y = new double[m][n];
        rho = new double[m];
        alphaBuf = new double[m];
        yy = new double[m];
        d = new double[n];
        active = new boolean[n];
        bounded = it.objective.bounded();
        count = 0;
        head = 0;
        fresh = true;
    }

    @Override
    public Status step(Iterate it, int t) {
        Status st = tryStep(it);
        if (st == Status.STALLED && count > 0) {
            count = 0;
            fresh = true;
            st = tryStep(it);
        }
        return st;
    }

    private Status tryStep(Iterate it) {
        int n = it.x.length;
        Objective obj = it.objective;
        boolean bounded = obj.bounded();
        double dg;
        double dn;
        if (bounded) {
            markActive(it);
            direction(it.g, true);
            dg = 0;
            dn = 0;
            for (int i = 0; i < n; i++) {
                dg += d[i] * it.g[i];
                dn += d[i] * d[i];
            }
        } else {
            fusedDirection(it.g);
            dg = slope[0];
            dn = slope[1];
        }
        if (!(dg < 0)) {
            count = 0;
            fresh = true;
            dg = 0;
            dn = 0;
            for (int i = 0; i < n; i++) {
                d[i] = bounded && active[i] ? 0 : -it.g[i];
                dg += d[i] * it.g[i];
                dn += d[i] * d[i];
            }
            if (!(dg < 0)) return Status.STALLED;
        }
        double alpha0 = fresh ? Math.min(1 / Math.sqrt(dn), 1e10) : 1;
        if (bounded && fresh) alpha0 = Math.min(1, alpha0);
        LineSearch ls = bounded ? Backtracking.PROJECTED : lineSearch;
        it.slopeAlong(d, dg);
        double alpha = ls.search(it, d, alpha0);
        if (Double.isNaN(alpha)) return Status.STALLED;
        fresh = false;
        double[] sNew = s[head];
        double[] yNew = y[head];
        double[] pair = slope;   // reused: sᵀy, yᵀy
        double yyDot = storePair(it.x, it.previousX(), it.g, it.previousG(), sNew, yNew, pair, bounded);
        double sy = pair[0], yyRun = pair[1];
        if (!bounded) {
            gNormOf = it.g;
            gNormMoves = it.moves();
        }
        if (sy > EPS * yyRun && yyRun > 0) {
            rho[head] = 1 / sy;
            yy[head] = yyDot;
            head = (head + 1) % m;
            count = Math.min(count + 1, m);
        }
        return null;
    }

    /**
     * One pass: s = x − x₀ and y = g − g₀ into the ring's next slot; {@code out} gets sᵀy and yᵀy as
     * running sums in index order (the storing test), and the return value is yᵀy summed as {@link #dot}
     * (γ's). Unbounded, ‖g‖∞ is taken on the way as {@link Objective#projectedGradientNorm} takes it.
     */
    private double storePair(double[] x, double[] x0, double[] g, double[] g0, double[] sNew, double[] yNew, double[] out, boolean bounded) {
        int n = x.length;
        double sy = 0, yyRun = 0;
        double r0 = 0, r1 = 0, r2 = 0, r3 = 0;
        double m0 = 0, m1 = 0, m2 = 0, m3 = 0;   // ‖g‖∞ in four running maxima (order-free: the same bits)
        int i = 0;
        for (int upper = n & -4; i < upper; i += 4) {
            double s0 = x[i] - x0[i], s1 = x[i + 1] - x0[i + 1], s2 = x[i + 2] - x0[i + 2], s3 = x[i + 3] - x0[i + 3];
            double gi0 = g[i], gi1 = g[i + 1], gi2 = g[i + 2], gi3 = g[i + 3];
            double y0 = gi0 - g0[i], y1 = gi1 - g0[i + 1], y2 = gi2 - g0[i + 2], y3 = gi3 - g0[i + 3];
            sNew[i] = s0;
            sNew[i + 1] = s1;
            sNew[i + 2] = s2;
            sNew[i + 3] = s3;
            yNew[i] = y0;
            yNew[i + 1] = y1;
            yNew[i + 2] = y2;
            yNew[i + 3] = y3;
            sy += s0 * y0;
            yyRun += y0 * y0;
            sy += s1 * y1;
            yyRun += y1 * y1;
            sy += s2 * y2;
            yyRun += y2 * y2;
            sy += s3 * y3;
            yyRun += y3 * y3;
            r0 += y0 * y0;
            r1 += y1 * y1;
            r2 += y2 * y2;
            r3 += y3 * y3;
            m0 = Math.max(m0, Math.abs(gi0));
            m1 = Math.max(m1, Math.abs(gi1));
            m2 = Math.max(m2, Math.abs(gi2));
            m3 = Math.max(m3, Math.abs(gi3));
        }
        for (; i < n; i++) {
            double si = x[i] - x0[i];
            double gi = g[i];
            double yi = gi - g0[i];
            sNew[i] = si;
            yNew[i] = yi;
            sy += si * yi;
            yyRun += yi * yi;
            r0 += yi * yi;
            m0 = Math.max(m0, Math.abs(gi));
        }
        out[0] = sy;
        out[1] = yyRun;
        double gMax = Math.max(Math.max(m0, m1), Math.max(m2, m3));
        gNorm = gMax == Double.POSITIVE_INFINITY ? Double.NaN : gMax;   // as projectedGradientNorm: NaN unless g is finite
        return (r0 + r1) + (r2 + r3);
    }

    /** ‖∇f‖∞ (projected with bounds); unbounded, read from the pass that stored the last pair when that was at this point. */
    @Override
    public double stationarity(Iterate it) {
        if (it.g == gNormOf && it.moves() == gNormMoves) return gNorm;
        return it.objective.projectedGradientNorm(it.x, it.g);
    }

    private void markActive(Iterate it) {
        double[] lo = it.objective.lower();
        double[] hi = it.objective.upper();
        for (int i = 0; i < it.x.length; i++) {
            active[i] = (it.x[i] <= lo[i] && it.g[i] > 0) || (it.x[i] >= hi[i] && it.g[i] < 0);
        }
    }

    /** d = −H·g by the two-loop recursion (Nocedal &amp; Wright Algorithm 7.4), on the free coordinates when bounded. */
    private void direction(double[] g, boolean bounded) {
        int n = g.length;
        for (int i = 0; i < n; i++) d[i] = bounded && active[i] ? 0 : -g[i];
        if (count == 0) return;
        for (int k = 0; k < count; k++) {
            int j = ((head - 1 - k) % m + m) % m;
            double a = rho[j] * dotFree(s[j], d, bounded);
            alphaBuf[j] = a;
            double[] yj = y[j];
            for (int i = 0; i < n; i++) d[i] -= a * yj[i];
            if (bounded) zeroActive();
        }
        int last = ((head - 1) % m + m) % m;
        double gamma = 1 / (rho[last] * dotFree(y[last], y[last], bounded));
        if (!Double.isFinite(gamma) || gamma <= 0) gamma = 1 / (rho[last] * dot(y[last], y[last]));
        for (int i = 0; i < n; i++) d[i] *= gamma;
        for (int k = count - 1; k >= 0; k--) {
            int j = ((head - 1 - k) % m + m) % m;
            double b = rho[j] * dotFree(y[j], d, bounded);
            double c = alphaBuf[j] - b;
            double[] sj = s[j];
            for (int i = 0; i < n; i++) d[i] += c * sj[i];
            if (bounded) zeroActive();
        }
    }

    /**
     * d = −H·g without bounds: the two-loop recursion with each update pass fused with the dot product
     * the recursion needs next ({@link TwoLoopPasses}), γ applied in the first loop's last pass, and gᵀd,
     * dᵀd taken in the second loop's last pass (into {@link #slope}). The same arithmetic in the same order
     * as {@link #direction}: the same bits in 2·count + 1 passes instead of 4·count + 4.
     */
    private void fusedDirection(double[] g) {
        if (count == 0) {
            TwoLoopPasses.negateSlope(g, d, slope);
            return;
        }
        int newest = ((head - 1) % m + m) % m;
        double gamma = 1 / (rho[newest] * yy[newest]);
        double next = TwoLoopPasses.negateDot(g, d, s[newest]);
        for (int k = 0; k < count; k++) {
            int j = ((head - 1 - k) % m + m) % m;
            double a = rho[j] * next;
            alphaBuf[j] = a;
            boolean last = k == count - 1;
            // after the last update of the first loop: d ← γ·d, and the second loop starts with this j's y
            double[] following = last ? y[j] : s[((head - 2 - k) % m + m) % m];
            next = TwoLoopPasses.axpyScaleDot(d, -a, y[j], last ? gamma : 1, following);
        }
        for (int k = count - 1; k >= 0; k--) {
            int j = ((head - 1 - k) % m + m) % m;
            double c = alphaBuf[j] - rho[j] * next;
            if (k > 0) next = TwoLoopPasses.axpyScaleDot(d, c, s[j], 1, y[((head - k) % m + m) % m]);
            else TwoLoopPasses.axpySlope(d, c, s[j], g, slope);
        }
    }

    private void zeroActive() {
        for (int i = 0; i < d.length; i++) if (active[i]) d[i] = 0;
    }

    private double dotFree(double[] a, double[] b, boolean bounded) {
        if (!bounded) return dot(a, b);
        double r = 0;
        for (int i = 0; i < a.length; i++) if (!active[i]) r += a[i] * b[i];
        return r;
    }

    /** aᵀb with four independent sums, so the loop is not bound by the latency of one chain of additions. */
    static double dot(double[] a, double[] b) {
        int n = a.length;
        double r0 = 0, r1 = 0, r2 = 0, r3 = 0;
        int i = 0;
        for (int upper = n & -4; i < upper; i += 4) {
            r0 += a[i] * b[i];
            r1 += a[i + 1] * b[i + 1];
            r2 += a[i + 2] * b[i + 2];
            r3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) r0 += a[i] * b[i];
        return (r0 + r1) + (r2 + r3);
    }

    @Override
    public String measureName() {
        return "|∇f|∞";
    }

    @Override
    public String describe() {
        return "memory " + m + ", " + (bounded ? "projected onto the bounds, projected Armijo backtracking" : lineSearch.describe());
    }
}
