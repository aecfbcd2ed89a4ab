package org.gradus.optim.method;

import org.gradus.optim.Iterate;
import org.gradus.optim.schedule.ScalarOrSchedule;

/**
 * RMSProp (Hinton's lecture 6e), torch's form: v ← α·v + (1−α)·g², u = g/(√v + eps); with momentum μ > 0,
 * b ← μ·b + g/(√v + eps) and u = b. Defaults: lr 0.01, alpha 0.99, eps 1e-8, momentum 0.
 */
final class RmsProp extends FirstOrder {
    static final MethodSpec SPEC = MethodSpec.named("rmsprop")
            .summary("RMSprop")
            .description("v ← αv + (1−α)g², x ← x − lr·g/(√v + eps); optional momentum")
            .stochastic()
            .tol(1e-6, "1e-6 on |∇f + wd·x|∞ (projected onto the bounds)")
            .options(HyperParameters.LR.withDefault(1e-2), HyperParameters.ALPHA, HyperParameters.EPS, HyperParameters.MOMENTUM.withDefault(0.0),
                    HyperParameters.WEIGHT_DECAY, HyperParameters.SCHEDULE)
            .build(Config::of, RmsProp::new);

    record Config(ScalarOrSchedule lr, ScalarOrSchedule alpha, ScalarOrSchedule eps, ScalarOrSchedule momentum, ScalarOrSchedule weightDecay) {
        static Config of(MethodOptions o) {
            return new Config(o.real("lr"), o.real("alpha"), o.real("eps"), o.real("momentum"), o.real("weightDecay"));
        }
    }

    private final ScalarOrSchedule alpha;
    private final ScalarOrSchedule eps;
    private final ScalarOrSchedule mu;
    private double[] sq;
    private double[] buf;
    /** The step's α_t, eps_t, μ_t. */
    private double stepAlpha;
    private double stepEps;
    private double stepMu;

    RmsProp(Config c) {
        super(c.lr(), c.weightDecay(), false);
        this.alpha = c.alpha();
        this.eps = c.eps();
        this.mu = c.momentum();
    }

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    public void init(Iterate it) {
        sq = new double[it.x.length];
        buf = new double[it.x.length];
    }

    @Override
    void movePart(double[] x, double[] g, double[] next, int lo, int hi) {
        double a = stepAlpha, e = stepEps, m = stepMu, rate = stepRate, wd = stepDecay;
        boolean withMomentum = m > 0;
        for (int i = lo; i < hi; i++) { // no reduction here: the JIT vectorizes this loop
            double xi = x[i];
            double gi = g[i] + wd * xi;
            double v = a * sq[i] + (1 - a) * gi * gi;
            sq[i] = v;
            double u = gi / (Math.sqrt(v) + e);
            if (withMomentum) {
                u = m * buf[i] + u;
                buf[i] = u;
            }
            next[i] = xi - rate * u;
        }
    }

    @Override
    boolean movesAhead() {
        return true;
    }

    /** {@link #movePart} with wd = 0 (the same expressions, the same bits), max|gᵢ| and max|nextᵢ| on the way. */
    @Override
    void beginStep(double[] x, double[] g, int t) {
        stepAlpha = alpha.at(t);
        stepEps = eps.at(t);
        stepMu = mu.at(t);
    }

    @Override
    void aheadPart(double[] x, double[] g, double[] next, int lo, int hi, int part) {
        double a = stepAlpha, e = stepEps, m = stepMu, rate = stepRate;
        boolean withMomentum = m > 0;
        double wd = 0, gMax = 0, nextMax = 0;
        for (int i = lo; i < hi; i++) {
            double xi = x[i];
            double gRaw = g[i];
            double gi = gRaw + wd * xi;
            double v = a * sq[i] + (1 - a) * gi * gi;
            sq[i] = v;
            double u = gi / (Math.sqrt(v) + e);
            if (withMomentum) {
                u = m * buf[i] + u;
                buf[i] = u;
            }
            double ni = xi - rate * u;
            next[i] = ni;
            gMax = Math.max(gMax, Math.abs(gRaw));
            nextMax = Math.max(nextMax, Math.abs(ni));
        }
        partGradientMax[part] = gMax;
        partNextMax[part] = nextMax;
    }

    @Override
    public String describe() {
        boolean withMomentum = mu.base() > 0 || !mu.isConstant();
        return common() + ", alpha " + text(alpha) + ", eps " + eps.describe(6) + (withMomentum ? ", momentum " + text(mu) : "");
    }
}
