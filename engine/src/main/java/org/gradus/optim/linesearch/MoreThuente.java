package org.gradus.optim.linesearch;

import org.gradus.optim.Iterate;
import org.gradus.print.Numbers;

/**
 * The strong Wolfe line search of Moré &amp; Thuente (ACM TOMS 20, 1994), as in MINPACK-2's
 * {@code dcsrch}/{@code dcstep} that L-BFGS-B and scipy use: it accepts α with
 * f(x + αd) ≤ f(x) + c1·α·∇f·d and |∇f(x + αd)·d| ≤ c2·|∇f·d|, bracketing and then zooming with safeguarded
 * cubic and quadratic steps.
 *
 * <p>Defaults: {@link #LBFGS} c1 = 1e-3, c2 = 0.9, xtol = 0.1 (L-BFGS-B's {@code lnsrlb}, so iteration
 * counts compare with scipy); {@link #QUASI_NEWTON} c1 = 1e-4, c2 = 0.9 (Nocedal &amp; Wright);
 * {@link #CONJUGATE_GRADIENT} c1 = 1e-4, c2 = 0.1 (N&amp;W recommend a tight c2 for CG). At most 20
 * evaluations; the largest step is 1e10.
 */
public record MoreThuente(double c1, double c2, double xtol, int maxEvaluations, double stpmax) implements LineSearch {
    public static final MoreThuente LBFGS = new MoreThuente(1e-3, 0.9, 0.1, 20, 1e10);
    public static final MoreThuente QUASI_NEWTON = new MoreThuente(1e-4, 0.9, 0.1, 20, 1e10);
    public static final MoreThuente CONJUGATE_GRADIENT = new MoreThuente(1e-4, 0.1, 0.1, 20, 1e10);

    private static final double XTRAPL = 1.1;
    private static final double XTRAPU = 4.0;

    @Override
    public double search(Iterate it, double[] d, double alpha0) {
        Probe p = it.probe(d, false);
        double ginit = p.dphi0;
        if (!(ginit < 0)) return Double.NaN;
        double finit = p.f0;
        double stpmin = 0;
        double stp = Math.min(alpha0, stpmax);
        boolean brackt = false;
        int stage = 1;
        double gtest = c1 * ginit;
        double width = stpmax - stpmin;
        double width1 = width / 0.5;
        State s = new State();   // a few scalars; escape analysis keeps them in registers
        s.stx = 0;
        s.fx = finit;
        s.gx = ginit;
        s.sty = 0;
        s.fy = finit;
        s.gy = ginit;
        double stmin = 0;
        double stmax = stp + XTRAPU * stp;
        double bestStp = Double.NaN;
        double bestF = finit;
        for (int k = 0; k < maxEvaluations; k++) {
            double f = p.at(stp);
            double g = p.slope();
            if (!Double.isFinite(f) || !Double.isFinite(g)) {
                // outside the domain or overflow: shrink towards the best point so far
                stmax = stp;
                brackt = true;
                s.sty = stp;
                s.fy = Double.MAX_VALUE;
                s.gy = Double.MAX_VALUE;
                stp = s.stx + 0.5 * (stp - s.stx);
                if (stp - s.stx <= 1e-20) break;
                continue;
            }
            if (f < bestF) {
                bestF = f;
                bestStp = stp;
            }
            double ftest = finit + stp * gtest;
            if (stage == 1 && f <= ftest && g >= 0) stage = 2;
            if (f <= ftest && Math.abs(g) <= c2 * (-ginit)) return p.accept(stp);
            if (brackt && (stp <= stmin || stp >= stmax)) break;            // rounding errors
            if (brackt && stmax - stmin <= xtol * stmax) break;             // interval too small
            if (stp == stpmax && f <= ftest && g <= gtest) break;           // at the largest step
            if (stp == stpmin && (f > ftest || g >= gtest)) break;          // at the smallest step
            s.brackt = brackt;
            s.stpmin = stmin;
            s.stpmax = stmax;
            if (stage == 1 && f <= s.fx && f > ftest) {
                // the modified function ψ(α) = φ(α) − φ(0) − c1·α·φ'(0) while no sufficient decrease
                double fm = f - stp * gtest;
                double fxm = s.fx - s.stx * gtest;
                double fym = s.fy - s.sty * gtest;
                double gm = g - gtest;
                double gxm = s.gx - gtest;
                double gym = s.gy - gtest;
                s.fx = fxm;
                s.fy = fym;
                s.gx = gxm;
                s.gy = gym;
                stp = dcstep(s, stp, fm, gm);
                s.fx = s.fx + s.stx * gtest;
                s.fy = s.fy + s.sty * gtest;
                s.gx = s.gx + gtest;
                s.gy = s.gy + gtest;
            } else {
                stp = dcstep(s, stp, f, g);
            }
            brackt = s.brackt;
            if (brackt) {
                if (Math.abs(s.sty - s.stx) >= 0.66 * width1) stp = s.stx + 0.5 * (s.sty - s.stx);
                width1 = width;
                width = Math.abs(s.sty - s.stx);
                stmin = Math.min(s.stx, s.sty);
                stmax = Math.max(s.stx, s.sty);
            } else {
                stmin = stp + XTRAPL * (stp - s.stx);
                stmax = stp + XTRAPU * (stp - s.stx);
            }
            stp = Math.max(stp, stpmin);
            stp = Math.min(stp, stpmax);
            if ((brackt && (stp <= stmin || stp >= stmax)) || (brackt && stmax - stmin <= xtol * stmax)) stp = s.stx;
        }
        // no strong-Wolfe point: settle for sufficient decrease at the best trial, as MINPACK's warnings do
        if (!Double.isNaN(bestStp) && bestF <= finit + c1 * bestStp * ginit) return p.accept(bestStp);
        if (!Double.isNaN(bestStp) && bestF < finit) return p.accept(bestStp);
        return Double.NaN;
    }

    private static final class State {
        double stx, fx, gx, sty, fy, gy, stpmin, stpmax;
        boolean brackt;
    }

    /** One safeguarded step of dcstep: updates the interval [stx, sty] and returns the next trial step. */
    private static double dcstep(State s, double stp, double fp, double dp) {
        double stx = s.stx, fx = s.fx, dx = s.gx, sty = s.sty, fy = s.fy, dy = s.gy;
        double sgnd = dp * (dx / Math.abs(dx));
        double stpf;
        if (fp > fx) {
            double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
            double sm = Math.max(Math.abs(theta), Math.max(Math.abs(dx), Math.abs(dp)));
            double gamma = sm * Math.sqrt(Math.max(0, (theta / sm) * (theta / sm) - (dx / sm) * (dp / sm)));
            if (stp < stx) gamma = -gamma;
            double p = (gamma - dx) + theta;
            double q = ((gamma - dx) + gamma) + dp;
            double r = p / q;
            double stpc = stx + r * (stp - stx);
            double stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2) * (stp - stx);
            stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
            s.brackt = true;
        } else if (sgnd < 0) {
            double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
            double sm = Math.max(Math.abs(theta), Math.max(Math.abs(dx), Math.abs(dp)));
            double gamma = sm * Math.sqrt(Math.max(0, (theta / sm) * (theta / sm) - (dx / sm) * (dp / sm)));
            if (stp > stx) gamma = -gamma;
            double p = (gamma - dp) + theta;
            double q = ((gamma - dp) + gamma) + dx;
            double r = p / q;
            double stpc = stp + r * (stx - stp);
            double stpq = stp + (dp / (dp - dx)) * (stx - stp);
            stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
            s.brackt = true;
        } else if (Math.abs(dp) < Math.abs(dx)) {
            double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
            double sm = Math.max(Math.abs(theta), Math.max(Math.abs(dx), Math.abs(dp)));
            double gamma = sm * Math.sqrt(Math.max(0, (theta / sm) * (theta / sm) - (dx / sm) * (dp / sm)));
            if (stp > stx) gamma = -gamma;
            double p = (gamma - dp) + theta;
            double q = (gamma + (dx - dp)) + gamma;
            double r = p / q;
            double stpc;
            if (r < 0 && gamma != 0) stpc = stp + r * (stx - stp);
            else if (stp > stx) stpc = s.stpmax;
            else stpc = s.stpmin;
            double stpq = stp + (dp / (dp - dx)) * (stx - stp);
            if (s.brackt) {
                stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
                if (stp > stx) stpf = Math.min(stp + 0.66 * (sty - stp), stpf);
                else stpf = Math.max(stp + 0.66 * (sty - stp), stpf);
            } else {
                stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
                stpf = Math.min(s.stpmax, stpf);
                stpf = Math.max(s.stpmin, stpf);
            }
        } else {
            if (s.brackt) {
                double theta = 3 * (fp - fy) / (sty - stp) + dy + dp;
                double sm = Math.max(Math.abs(theta), Math.max(Math.abs(dy), Math.abs(dp)));
                double gamma = sm * Math.sqrt(Math.max(0, (theta / sm) * (theta / sm) - (dy / sm) * (dp / sm)));
                if (stp > sty) gamma = -gamma;
                double p = (gamma - dp) + theta;
                double q = ((gamma - dp) + gamma) + dy;
                double r = p / q;
                stpf = stp + r * (sty - stp);
            } else if (stp > stx) {
                stpf = s.stpmax;
            } else {
                stpf = s.stpmin;
            }
        }
        if (fp > fx) {
            s.sty = stp;
            s.fy = fp;
            s.gy = dp;
        } else {
            if (sgnd < 0) {
                s.sty = stx;
                s.fy = fx;
                s.gy = dx;
            }
            s.stx = stp;
            s.fx = fp;
            s.gx = dp;
        }
        return stpf;
    }

    @Override
    public String describe() {
        return "strong Wolfe, Moré–Thuente (c1 = " + Numbers.format(c1) + ", c2 = " + Numbers.format(c2) + ")";
    }
}
