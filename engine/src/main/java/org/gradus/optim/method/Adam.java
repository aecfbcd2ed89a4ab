package org.gradus.optim.method;

import org.gradus.optim.Iterate;
import org.gradus.optim.schedule.ScalarOrSchedule;

/**
 * Adam (Kingma &amp; Ba 2015) with bias correction: m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g²,
 * u = m̂/(√v̂ + eps) with m̂ = m/(1 − Πβ1), v̂ = v/(1 − Πβ2) (the products over the steps so far, β^(t+1)
 * for constant β). Its {@code weightDecay} adds wd·x to the gradient (torch's Adam), which then passes
 * through the adaptive scaling 1/√v̂, so coordinates with large gradients are barely regularized; its
 * fixed point is ∇f + wd·x = 0, the minimizer of f + (wd/2)‖x‖². {@link AdamW} decouples the decay.
 * Defaults (torch): lr 0.001, beta1 0.9, beta2 0.999, eps 1e-8, weightDecay 0.
 */
class Adam extends FirstOrder {
    static final MethodSpec SPEC = MethodSpec.named("adam")
            .summary("Adam")
            .description("bias-corrected Adam; `weightDecay` adds wd·x to the gradient (L2)")
            .stochastic()
            .tol(1e-6, "1e-6 on |∇f + wd·x|∞ (projected onto the bounds)")
            .options(HyperParameters.LR.withDefault(1e-3), HyperParameters.BETA1, HyperParameters.BETA2, HyperParameters.EPS,
                    HyperParameters.WEIGHT_DECAY, HyperParameters.SCHEDULE)
            .build(o -> Config.of(o, false), Adam::new);

    record Config(ScalarOrSchedule lr, ScalarOrSchedule beta1, ScalarOrSchedule beta2, ScalarOrSchedule eps, ScalarOrSchedule weightDecay,
                  boolean decoupled) {
        static Config of(MethodOptions o, boolean decoupled) {
            return new Config(o.real("lr"), o.real("beta1"), o.real("beta2"), o.real("eps"), o.real("weightDecay"), decoupled);
        }
    }

    private final ScalarOrSchedule beta1;
    private final ScalarOrSchedule beta2;
    protected final ScalarOrSchedule eps;
    protected double epsNow;
    private double[] m;
    private double[] v;
    private double b1t = 1;
    private double b2t = 1;
    /** This step's scalars ({@link #beginStep}): β1_t, β2_t, the bias corrections, the rate and the decay's factors. */
    private double stepBeta1;
    private double stepBeta2;
    private double stepC1;
    private double stepC2;
    private double stepCoupled;
    private double stepShrink;

    Adam(Config c) {
        super(c.lr(), c.weightDecay(), c.decoupled());
        this.beta1 = c.beta1();
        this.beta2 = c.beta2();
        this.eps = c.eps();
        this.epsNow = eps.at(0);
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public void init(Iterate it) {
        m = new double[it.x.length];
        v = new double[it.x.length];
        b1t = 1;
        b2t = 1;
    }

    /** This step's scalars, once a step: the β's and eps at t, the bias corrections, the decay's factors. */
    @Override
    void beginStep(double[] x, double[] g, int t) {
        stepBeta1 = this.beta1.at(t);
        stepBeta2 = this.beta2.at(t);
        epsNow = eps.at(t);
        b1t *= stepBeta1;
        b2t *= stepBeta2;
        stepC1 = 1 / (1 - b1t);
        stepC2 = 1 / (1 - b2t);
        stepCoupled = decoupled ? 0 : stepDecay;
        stepShrink = decoupled && stepDecay != 0 ? 1 - stepRate * stepDecay : 1;
    }

    /** The update: state and the next point, nothing accumulated (the JIT vectorizes it). */
    @Override
    void movePart(double[] x, double[] g, double[] next, int lo, int hi) {
        double beta1 = stepBeta1, beta2 = stepBeta2, e = epsNow, c1 = stepC1, c2 = stepC2;
        double rate = stepRate, coupled = stepCoupled, shrink = stepShrink;
        for (int i = lo; i < hi; i++) { // no reduction here: the JIT vectorizes this loop
            double xi = x[i];
            double gi = g[i] + coupled * xi;
            double mi = beta1 * m[i] + (1 - beta1) * gi;
            double vi = beta2 * v[i] + (1 - beta2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            next[i] = xi * shrink - rate * (mi * c1 / (Math.sqrt(vi * c2) + e));
        }
    }

    @Override
    boolean movesAhead() {
        return true;
    }

    /**
     * With a constant weight decay too, coupled or decoupled; decoupled, the measure's eps must be the step's
     * (a constant eps): the plain loop measures iterate t with the eps of step t − 1.
     */
    @Override
    boolean movesAheadWithDecay() {
        return !decoupled || eps.isConstant();
    }

    /** {@link #movePart} (the same update, the same bits); the measure's and next's maxima in a second short pass. */
    @Override
    void aheadPart(double[] x, double[] g, double[] next, int lo, int hi, int part) {
        movePart(x, g, next, lo, hi);
        if (stepDecay == 0) aheadMaxima(g, next, lo, hi, part);
        else aheadResidualMaxima(x, g, next, lo, hi, part, stepDecay);
    }

    @Override
    public String describe() {
        return common() + ", beta1 " + text(beta1) + ", beta2 " + text(beta2) + ", eps " + eps.describe(6);
    }
}
