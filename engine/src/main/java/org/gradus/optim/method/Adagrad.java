package org.gradus.optim.method;

import org.gradus.optim.Iterate;
import org.gradus.optim.schedule.ScalarOrSchedule;

/** AdaGrad (Duchi et al. 2011), torch's form: G ← G + g², u = g/(√G + eps). Defaults: lr 0.01, eps 1e-10. */
final class Adagrad extends FirstOrder {
    static final MethodSpec SPEC = MethodSpec.named("adagrad")
            .summary("AdaGrad")
            .description("G ← G + g², x ← x − lr·g/(√G + eps)")
            .stochastic()
            .tol(1e-6, "1e-6 on |∇f + wd·x|∞ (projected onto the bounds)")
            .options(HyperParameters.LR.withDefault(1e-2), HyperParameters.EPS.withDefault(1e-10), HyperParameters.WEIGHT_DECAY, HyperParameters.SCHEDULE)
            .build(Config::of, Adagrad::new);

    record Config(ScalarOrSchedule lr, ScalarOrSchedule eps, ScalarOrSchedule weightDecay) {
        static Config of(MethodOptions o) {
            return new Config(o.real("lr"), o.real("eps"), o.real("weightDecay"));
        }
    }

    private final ScalarOrSchedule eps;
    private double[] sum;
    private double stepEps;

    Adagrad(Config c) {
        super(c.lr(), c.weightDecay(), false);
        this.eps = c.eps();
    }

    @Override
    public String name() {
        return "adagrad";
    }

    @Override
    public void init(Iterate it) {
        sum = new double[it.x.length];
    }

    @Override
    void beginStep(double[] x, double[] g, int t) {
        stepEps = eps.at(t);
    }

    /** State and the new point in one pass the JIT vectorizes. */
    @Override
    void movePart(double[] x, double[] g, double[] next, int lo, int hi) {
        double e = stepEps, rate = stepRate, wd = stepDecay;
        for (int i = lo; i < hi; i++) { // no reduction here: the JIT vectorizes this loop
            double xi = x[i];
            double gi = g[i] + wd * xi;
            double s = sum[i] + gi * gi;
            sum[i] = s;
            next[i] = xi - rate * (gi / (Math.sqrt(s) + e));
        }
    }

    @Override
    boolean movesAhead() {
        return true;
    }

    /** {@link #movePart} with wd = 0 (the same expressions, the same bits), max|gᵢ| and max|nextᵢ| on the way. */
    @Override
    void aheadPart(double[] x, double[] g, double[] next, int lo, int hi, int part) {
        double e = stepEps, rate = stepRate;
        double wd = 0, gMax = 0, nextMax = 0;
        for (int i = lo; i < hi; i++) {
            double xi = x[i];
            double gRaw = g[i];
            double gi = gRaw + wd * xi;
            double s = sum[i] + gi * gi;
            sum[i] = s;
            double ni = xi - rate * (gi / (Math.sqrt(s) + e));
            next[i] = ni;
            gMax = Math.max(gMax, Math.abs(gRaw));
            nextMax = Math.max(nextMax, Math.abs(ni));
        }
        partGradientMax[part] = gMax;
        partNextMax[part] = nextMax;
    }

    @Override
    public String describe() {
        return common() + ", eps " + eps.describe(6);
    }
}
