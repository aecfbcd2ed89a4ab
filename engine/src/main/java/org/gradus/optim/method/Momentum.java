package org.gradus.optim.method;

import org.gradus.optim.Iterate;
import org.gradus.optim.schedule.ScalarOrSchedule;
import org.gradus.print.Numbers;

import java.util.function.DoubleSupplier;

/**
 * Momentum (Polyak's heavy ball) in torch.optim.SGD's form: b ← μ·b + g (b = g at the first step),
 * x ← x − lr·b. {@link Nesterov} reuses it with the update g + μ·b. Defaults: lr 0.001, momentum 0.9.
 */
class Momentum extends FirstOrder {
    static final MethodSpec SPEC = MethodSpec.named("momentum")
            .summary("gradient descent with heavy-ball momentum")
            .description("heavy ball, torch form: b ← μb + g, x ← x − lr·b")
            .stochastic()
            .tol(1e-6, "1e-6 on |∇f + wd·x|∞ (projected onto the bounds)")
            .options(HyperParameters.LR.withDefault(1e-3), HyperParameters.MOMENTUM, HyperParameters.WEIGHT_DECAY, HyperParameters.SCHEDULE)
            .build(o -> Config.of(o, false), Momentum::new);

    record Config(ScalarOrSchedule lr, ScalarOrSchedule momentum, ScalarOrSchedule weightDecay, boolean nesterov) {
        static Config of(MethodOptions o, boolean nesterov) {
            return new Config(o.real("lr"), o.real("momentum"), o.real("weightDecay"), nesterov);
        }
    }

    private final ScalarOrSchedule mu;
    private final boolean nesterov;
    private double[] buf;
    private boolean started;
    /** The step's μ_t, and the share of the old buffer it keeps (0 on the first step: b = g). */
    private double stepMu;
    private double stepKeep;

    Momentum(Config c) {
        super(c.lr(), c.weightDecay(), false);
        this.mu = c.momentum();
        this.nesterov = c.nesterov();
    }

    @Override
    public String name() {
        return nesterov ? "nesterov" : "momentum";
    }

    @Override
    public void init(Iterate it) {
        buf = new double[it.x.length];
        started = false;
    }

    @Override
    void movePart(double[] x, double[] g, double[] next, int lo, int hi) {
        double m = stepMu, keep = stepKeep, rate = stepRate, wd = stepDecay;
        if (nesterov) {
            for (int i = lo; i < hi; i++) { // no reduction here: the JIT vectorizes this loop
                double xi = x[i];
                double gi = g[i] + wd * xi;
                double b = keep * buf[i] + gi;
                buf[i] = b;
                next[i] = xi - rate * (gi + m * b);
            }
        } else {
            for (int i = lo; i < hi; i++) {
                double xi = x[i];
                double b = keep * buf[i] + (g[i] + wd * xi);
                buf[i] = b;
                next[i] = xi - rate * b;
            }
        }
    }

    @Override
    boolean movesAhead() {
        return true;
    }

    /** {@link #movePart} with wd = 0 (the same expressions, the same bits), max|gᵢ| and max|nextᵢ| on the way. */
    @Override
    void beginStep(double[] x, double[] g, int t) {
        stepMu = mu.at(t);
        stepKeep = started ? stepMu : 0;
        started = true;
    }

    @Override
    void aheadPart(double[] x, double[] g, double[] next, int lo, int hi, int part) {
        double m = stepMu, keep = stepKeep, rate = stepRate;
        double wd = 0, gMax = 0, nextMax = 0;
        if (nesterov) {
            for (int i = lo; i < hi; i++) {
                double xi = x[i];
                double gRaw = g[i];
                double gi = gRaw + wd * xi;
                double b = keep * buf[i] + gi;
                buf[i] = b;
                double ni = xi - rate * (gi + m * b);
                next[i] = ni;
                gMax = Math.max(gMax, Math.abs(gRaw));
                nextMax = Math.max(nextMax, Math.abs(ni));
            }
        } else {
            for (int i = lo; i < hi; i++) {
                double xi = x[i];
                double gRaw = g[i];
                double b = keep * buf[i] + (gRaw + wd * xi);
                buf[i] = b;
                double ni = xi - rate * b;
                next[i] = ni;
                gMax = Math.max(gMax, Math.abs(gRaw));
                nextMax = Math.max(nextMax, Math.abs(ni));
            }
        }
        partGradientMax[part] = gMax;
        partNextMax[part] = nextMax;
    }

    /** Heavy-ball steps on a quadratic are stable only for lr &lt; 2(1+μ)/L. */
    @Override
    public String divergenceAdvice(DoubleSupplier curvature) {
        double l = curvature.getAsDouble();
        if (!(l > 0) || !Double.isFinite(l)) return super.divergenceAdvice(() -> l);
        double m = mu.base();
        return "The step size lr = " + Numbers.round(lr.base(), 4) + " is too large for " + curvatureText(l) + " with momentum " + Numbers.format(m)
                + ": heavy-ball steps are stable only for lr < 2(1+μ)/L = " + Numbers.round(2 * (1 + m) / l, 4) + "; try lr: "
                + Numbers.round(1 / l, 4) + " (= 1/L).";
    }

    @Override
    public String describe() {
        return common() + ", momentum " + text(mu);
    }
}
