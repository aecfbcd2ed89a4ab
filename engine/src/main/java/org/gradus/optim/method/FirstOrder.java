package org.gradus.optim.method;

import org.gradus.optim.Iterate;
import org.gradus.optim.Settings;
import org.gradus.optim.Status;
import org.gradus.optim.schedule.Schedule;
import org.gradus.optim.schedule.Schedules;
import org.gradus.print.Numbers;

/**
 * The shape shared by the torch.optim methods: x ← x − lr_t·u(g, state), with lr_t = schedule(lr, t),
 * weight decay either added to the gradient (coupled, torch's {@code weight_decay}: the same as adding
 * (wd/2)·‖x‖² to f) or applied to x directly (decoupled, AdamW). Subclasses compute the update u.
 */
abstract class FirstOrder implements Method {
    protected final double lr;
    protected final Schedule schedule;
    protected final double weightDecay;
    protected final boolean decoupled;
    private double[] u;
    private double[] grad;

    FirstOrder(Settings s, double defaultLr, double defaultWeightDecay, boolean decoupled) {
        this.lr = s.lr(defaultLr);
        this.schedule = s.schedule() == null ? Schedules.constant() : s.schedule();
        this.weightDecay = s.weightDecay() == null ? defaultWeightDecay : s.weightDecay();
        this.decoupled = decoupled;
    }

    /** The update direction u for gradient g (already including coupled weight decay) at step t. */
    abstract void update(double[] g, double[] u, int t);

    /** The base learning rate. */
    public double lr() {
        return lr;
    }

    @Override
    public Status step(Iterate it, int t) {
        int n = it.x.length;
        if (u == null) {
            u = new double[n];
            grad = new double[n];
        }
        double rate = schedule.rate(lr, t);
        double[] g = it.g;
        if (weightDecay != 0 && !decoupled) {
            for (int i = 0; i < n; i++) grad[i] = it.g[i] + weightDecay * it.x[i];
            g = grad;
        }
        update(g, u, t);
        double sn = 0;
        for (int i = 0; i < n; i++) {
            double before = it.x[i];
            double xi = decoupled && weightDecay != 0 ? before * (1 - rate * weightDecay) : before;
            xi -= rate * u[i];
            it.x[i] = xi;
        }
        it.objective.project(it.x);
        it.evaluate();
        for (int i = 0; i < n; i++) {
            // ‖Δx‖ from the update alone (cheap; the projection only shortens it)
            sn += rate * rate * u[i] * u[i];
        }
        it.lr = rate;
        it.stepNorm = Math.sqrt(sn);
        return null;
    }

    String common() {
        StringBuilder sb = new StringBuilder("lr ").append(Numbers.round(lr, 6));
        if (!(schedule instanceof Schedules.Constant)) sb.append(", schedule ").append(schedule);
        if (weightDecay != 0) sb.append(decoupled ? ", decoupled weight decay " : ", weight decay (L2 in the gradient) ").append(Numbers.round(weightDecay, 6));
        return sb.toString();
    }
}
