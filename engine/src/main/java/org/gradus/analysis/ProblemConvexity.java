package org.gradus.analysis;

import org.gradus.atoms.Curvature;
import org.gradus.atoms.Interval;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.optim.Constraint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a problem {@code minimize f subjectTo: {...}} is convex — a convex objective (concave for
 * {@code maximize}) over a convex feasible set — so that a local minimum found is global, as CVXPY's
 * {@code is_dcp} says, with the reason. Only proofs count and only cheap ones run (the composition rules
 * and the rules for constraint sets, no sampling): {@code convex} is {@code true} when proved, {@code null}
 * when the rules cannot tell (the problem may still be convex: {@code convexity(f)} looks harder).
 */
public final class ProblemConvexity {
    private ProblemConvexity() {
    }

    /**
     * The JSON object {@code {convex, reason}} for the problem.
     *
     * @param f           the objective as written
     * @param maximize    true for {@code maximize} (the objective must then be concave)
     * @param constraints the constraints, possibly empty
     */
    public static Map<String, Object> of(Expr f, boolean maximize, List<Constraint> constraints) {
        try {
            return analyze(f, maximize, constraints);
        } catch (IllegalArgumentException e) {     // e.g. bounds that leave no value: the run itself reports the problem
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("convex", null);
            m.put("reason", "not analysed: " + e.getMessage());
            return m;
        }
    }

    private static Map<String, Object> analyze(Expr f, boolean maximize, List<Constraint> constraints) {
        Layout layout = f.layout();
        Interval[] all = new Interval[layout.dimension()];
        java.util.Arrays.fill(all, Interval.ALL);
        Dcp.Result objective = Dcp.analyze(f, Enclosure.overBox(layout, all));
        Curvature c = objective.curvature();
        boolean objectiveOk = maximize ? c.isConcave() : c.isConvex();
        String objectiveText = "the objective is " + Dcp.word(c) + " by the composition rules"
                + (objectiveOk ? "" : objective.reason() != null ? " (" + objective.reason() + ")" : "")
                + (objectiveOk ? "" : maximize ? ", not proved concave" : ", not proved convex");
        String setText = null;
        boolean setOk = true;
        if (constraints != null && !constraints.isEmpty()) {
            List<String> open = FeasibleSet.unprovedByRules(constraints);
            setOk = open.isEmpty();
            setText = setOk ? "every constraint defines a convex set (so does their intersection)"
                    : "the rules do not prove " + String.join(", ", open) + " convex";
        }
        boolean convex = objectiveOk && setOk;
        String reason = objectiveText + (setText == null ? "" : "; " + setText)
                + (convex ? ": a convex problem, so a local " + (maximize ? "maximum" : "minimum") + " is global" : ": the " + (maximize ? "maximum" : "minimum") + " found may be only local");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("convex", convex ? Boolean.TRUE : null);
        m.put("reason", reason);
        return m;
    }
}
