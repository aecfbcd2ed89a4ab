package org.gradus.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The work counters of a {@code minimize} call (SPEC §3 {@code evaluations}; Optim.jl's "Work counters"):
 * evaluations of f (alone or with ∇f), of ∇f, of the Hessian, and of Hessian-vector products, over all runs.
 */
public record Evaluations(long f, long gradient, long hessian, long hessianVector) {

    /** These counts less another's: the work of what ran in between. */
    Evaluations minus(Evaluations o) {
        return new Evaluations(f - o.f, gradient - o.gradient, hessian - o.hessian, hessianVector - o.hessianVector);
    }

    /** The counts of an objective. */
    static Evaluations of(Objective o) {
        return new Evaluations(o.fCount(), o.gCount(), o.hCount(), o.hvCount());
    }

    /** The JSON object: f, gradient, hessian, and hessianVector when there were any. */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("f", f);
        m.put("gradient", gradient);
        m.put("hessian", hessian);
        if (hessianVector > 0) m.put("hessianVector", hessianVector);
        return m;
    }

    /** {@code f 47, ∇f 47, ∇²f 0 evaluations}. */
    String text() {
        return "f " + f + ", ∇f " + gradient + ", ∇²f " + hessian + (hessianVector > 0 ? ", ∇²f·v " + hessianVector : "") + " evaluations";
    }
}
