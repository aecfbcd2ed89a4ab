package org.gradus.analysis;

import org.gradus.atoms.Curvature;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Psd;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.optim.Constraint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a problem {@code minimize f subjectTo: {...}} is convex — a convex objective (concave for
 * {@code maximize}) over a convex feasible set — so that a local minimum found is global, as CVXPY's
 * {@code is_dcp} says, with the reason. Only proofs count and only cheap ones run (the composition rules, a
 * Hessian that is one constant matrix for the quadratics the rules cannot read, and the rules for constraint sets;
 * no sampling): {@code convex} is {@code true} when proved, {@code null}
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
        Enclosure enc = Enclosure.overBox(layout, box(layout, constraints));
        enc.of(f);
        Dcp.Result objective = Dcp.analyze(f, enc);
        Curvature c = objective.curvature();
        boolean objectiveOk = maximize ? c.isConcave() : c.isConvex();
        String objectiveText = "the objective is " + Dcp.word(c) + " by the composition rules"
                + (objectiveOk ? "" : objective.reason() != null ? " (" + objective.reason() + ")" : "");
        if (!objectiveOk) {
            String quadratic = constantHessian(f, layout, enc, maximize);
            objectiveOk = quadratic != null;
            objectiveText += objectiveOk ? "; but " + quadratic : maximize ? ", not proved concave" : ", not proved convex";
        }
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

    /**
     * Why f is convex (concave for maximize) everywhere when its Hessian is one constant matrix with no negative
     * (positive) eigenvalue — a quadratic such as dot(w, S*w) the rules cannot read; null otherwise.
     */
    private static String constantHessian(Expr f, Layout layout, Enclosure enc, boolean maximize) {
        if (!enc.defined() || !enc.smooth()) return null;
        SymbolicHessian h = SymbolicHessian.of(f, layout, layout.start());
        if (h == null || h.constant() == null) return null;
        Psd.Kind kind = Psd.classify(h.constant(), h.exact());
        boolean ok = kind == Psd.Kind.ZERO || (maximize ? kind == Psd.Kind.NSD : kind == Psd.Kind.PSD);
        return !ok ? null : "its Hessian is the constant matrix with eigenvalues " + Psd.eigenText(h.constant()) + ", "
                + (maximize ? "negative" : "positive") + " semidefinite everywhere, so it is " + (maximize ? "concave" : "convex");
    }

    /**
     * The box the feasible set lies in: the variables' declared bounds, tightened by every constraint of one variable
     * against a constant. The objective's curvature on it is what matters (sqrt(x*y) is concave where x, y ≥ 0), since
     * a convex feasible set inside it keeps a local optimum global.
     */
    private static Interval[] box(Layout layout, List<Constraint> constraints) {
        double[] lower = layout.lower(), upper = layout.upper();
        for (Constraint c : constraints == null ? List.<Constraint>of() : constraints) {
            Constraint.Bound b = c.asBound(layout);
            if (b == null) continue;
            if (!">=".equals(b.op())) upper[b.index()] = Math.min(upper[b.index()], b.value());
            if (!"<=".equals(b.op())) lower[b.index()] = Math.max(lower[b.index()], b.value());
        }
        Interval[] box = new Interval[lower.length];
        for (int i = 0; i < box.length; i++) box[i] = lower[i] <= upper[i] ? new Interval(lower[i], upper[i]) : Interval.ALL;
        return box;
    }
}
