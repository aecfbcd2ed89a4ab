package org.gradus.analysis;

import org.gradus.atoms.Apply;
import org.gradus.atoms.Curvature;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Ops;
import org.gradus.atoms.Power;
import org.gradus.expr.Constant;
import org.gradus.expr.Dependence;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Variable;
import org.gradus.optim.Constraint;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code convexity(constraints { ... })}: is the feasible set {x : every constraint holds} convex?
 *
 * <p>Each constraint is judged on the box of the simple bounds among the constraints ({@code x >= 0},
 * {@code y <= 3}; all of Rⁿ when there are none), because the feasible set lies inside that box:
 * <ol>
 *   <li>by the rules of disciplined convex programming ({@link Dcp}): {@code affine == affine} is a
 *       hyperplane, {@code convex <= concave} and {@code concave >= convex} are sublevel sets of a convex
 *       function; a product of nonnegative affine factors {@code >= c} is a superlevel set of a geometric
 *       mean, which is concave;</li>
 *   <li>else by {@link Convexity} of the gap (lhs − rhs for {@code <=}, rhs − lhs for {@code >=}), proved
 *       convex by its Hessian;</li>
 *   <li>else by a Jensen counterexample ({@link JensenSearch}): two points satisfying it whose midpoint
 *       does not, checked with interval arithmetic; else {@code unknown}.</li>
 * </ol>
 * The whole set is convex when every constraint is (an intersection of convex sets is convex); otherwise
 * a Jensen counterexample for all the constraints together shows it is not, and without one the answer
 * is {@code unknown} — a set can be convex although some constraint alone is not.
 */
public final class FeasibleSet {
    private FeasibleSet() {
    }

    /** One constraint's verdict ({@code convex}, {@code neither} or {@code unknown}), why, and its counterexample if any. */
    record Judgement(String verdict, String certainty, String reason, JensenSearch.Found found) {
    }

    /**
     * Analyzes the set where every constraint holds.
     *
     * @throws IllegalArgumentException when there is no constraint
     */
    public static FeasibleSetReport analyze(List<Constraint> constraints) {
        if (constraints == null || constraints.isEmpty()) {
            throw new IllegalArgumentException("convexity of a set needs at least one constraint: constraints { x**2 + y**2 <= 1 }");
        }
        Layout layout = JensenSearch.layoutOf(constraints);
        Interval[] bounds = simpleBounds(constraints, layout);
        List<Constraint> boundRows = new ArrayList<>();
        for (Constraint c : constraints) if (isSimpleBound(c)) boundRows.add(c);
        String within = boundRows.isEmpty() ? "" : " where " + texts(boundRows);

        List<Judgement> judged = new ArrayList<>();
        boolean allConvex = true;
        for (Constraint c : constraints) {
            Judgement j = judge(c, layout, bounds, boundRows, within);
            judged.add(j);
            allConvex &= "convex".equals(j.verdict);
        }
        FeasibleSetReport.Builder out = new FeasibleSetReport.Builder(constraints, judged);
        if (allConvex) {
            return out.verdict("convex", "proof", constraints.size() == 1 ? "the constraint defines a convex set (above)"
                    : "each constraint defines a convex set" + within + ", and an intersection of convex sets is convex").build();
        }
        if (constraints.size() == 1) {
            Judgement j = judged.get(0);
            String why = j.found != null ? "not convex: " + witnessText(j.found, layout) : "the rules cannot decide, and no counterexample was found (above)";
            return out.verdict(j.verdict, j.certainty, why).counterexample(j.found).build();
        }
        JensenSearch.Outcome o = JensenSearch.search(constraints, layout, bounds);
        if (o.found() != null) {
            return out.verdict("neither", "counterexample", "not convex: " + witnessText(o.found(), layout)).counterexample(o.found()).build();
        }
        List<String> open = new ArrayList<>();
        for (int i = 0; i < constraints.size(); i++) {
            if (!"convex".equals(judged.get(i).verdict)) open.add(constraints.get(i).text() + " (" + judged.get(i).verdict + ")");
        }
        return out.verdict("unknown", "sampled", "the rules do not prove every constraint convex — " + String.join(", ", open)
                + " — and no two feasible points with an infeasible midpoint were found among " + searched(o)
                + "; the intersection may still be convex").build();
    }

    private static Judgement judge(Constraint c, Layout layout, Interval[] bounds, List<Constraint> boundRows, String within) {
        String rule = convexByRules(c, layout, bounds, within, true);
        if (rule != null) return new Judgement("convex", "proof", rule, null);
        String why = whyRulesFail(c, layout, bounds);
        List<Constraint> alone = new ArrayList<>(boundRows);
        if (!alone.contains(c)) alone.add(c);
        JensenSearch.Outcome o = JensenSearch.search(alone, layout, bounds);
        if (o.found() != null) {
            return new Judgement("neither", "counterexample", why + "; indeed it is not convex: " + witnessText(o.found(), layout), o.found());
        }
        return new Judgement("unknown", "sampled", why + "; no two points satisfying it with a midpoint that does not were found among "
                + searched(o), null);
    }

    /**
     * The texts of the constraints the composition rules alone (no Hessian, no sampling: cheap enough for
     * every {@code minimize}) do not prove convex; empty when the feasible set is proved convex.
     */
    public static List<String> unprovedByRules(List<Constraint> constraints) {
        Layout layout = JensenSearch.layoutOf(constraints);
        Interval[] bounds = simpleBounds(constraints, layout);
        List<String> open = new ArrayList<>();
        for (Constraint c : constraints) if (convexByRules(c, layout, bounds, "", false) == null) open.add(c.text());
        return open;
    }

    /** The rule proving the set of c convex (on the bounds' box), in words, or null. */
    private static String convexByRules(Constraint c, Layout layout, Interval[] bounds, String within, boolean hessian) {
        Enclosure enc = Enclosure.overBox(layout, bounds);
        Curvature l = Dcp.analyze(c.lhs(), enc).curvature(), r = Dcp.analyze(c.rhs(), enc).curvature();
        String both = Dcp.show(c.lhs()) + " is " + Dcp.word(l) + " and " + Dcp.show(c.rhs()) + " is " + Dcp.word(r) + within;
        Expr gap = "==".equals(c.op()) ? Ops.sub(c.lhs(), c.rhs()) : "<=".equals(c.op()) ? Ops.sub(c.lhs(), c.rhs()) : Ops.sub(c.rhs(), c.lhs());
        if (l.isAffine() && r.isAffine()) {
            return both + ("==".equals(c.op()) ? ": affine == affine, a hyperplane, which is convex" : ": an affine inequality, a half-space, which is convex");
        }
        if (!"==".equals(c.op()) && Dependence.dependsOnVariables(gap)) {
            Interval range = enc.of(gap);           // the gap's values over the whole box, rigorously
            String where = "everywhere" + within;
            if (enc.defined() && range.hi() <= 0) {
                return c.text() + " holds " + where + " (" + Dcp.show(gap) + " <= 0 by interval arithmetic): its set is the whole space"
                        + (within.isEmpty() ? "" : " of the bounds") + ", which is convex";
            }
            if (enc.defined() && range.lo() > 0) {
                return c.text() + " holds nowhere (" + Dcp.show(gap) + " > 0 " + where + " by interval arithmetic): its set is empty, which is convex";
            }
        }
        boolean rule = "<=".equals(c.op()) ? l.isConvex() && r.isConcave() : ">=".equals(c.op()) && l.isConcave() && r.isConvex();
        if (rule) {
            String form = "<=".equals(c.op()) ? "convex <= " + kind(r, "concave") : "concave >= " + kind(r, "convex");
            return both + ": " + form + ", a sublevel set of the convex " + Dcp.show(gap) + " <= 0, which is convex";
        }
        Curvature g = Dcp.analyze(gap, enc).curvature();
        if ("==".equals(c.op()) ? g.isAffine() : g.isConvex()) {
            return "the gap " + Dcp.show(gap) + " is " + Dcp.word(g) + " by the composition rules" + within
                    + ("==".equals(c.op()) ? ": an affine equality, a hyperplane" : ": a sublevel set of a convex function") + ", which is convex";
        }
        String mean = geometricMean(c, enc, within);
        if (mean != null) return mean;
        if (hessian && !"==".equals(c.op()) && Dependence.dependsOnVariables(gap)) {
            Map<String, double[]> over = new LinkedHashMap<>();
            for (int i = 0; i < layout.dimension(); i++) {
                if (layout.coordinate(i) instanceof Variable v && gap.layout().contains(v) && (Double.isFinite(bounds[i].lo()) || Double.isFinite(bounds[i].hi()))) {
                    over.put(v.name(), new double[]{bounds[i].lo(), bounds[i].hi()});
                }
            }
            ConvexityReport r2 = Convexity.analyze(gap, over);
            if ("proof".equals(r2.certainty()) && ("convex".equals(r2.verdict()) || "linear".equals(r2.verdict()))) {
                return "the gap " + Dcp.show(gap) + " is convex" + within + " (" + r2.reason() + "), so its sublevel set is convex";
            }
        }
        return null;
    }

    /**
     * {@code k*u1**p1*...*um**pm >= c} with k &gt; 0, every uᵢ affine and nonnegative on the box, pᵢ &gt; 0: the
     * weighted geometric mean (u1**p1*...*um**pm)**(1/Σpᵢ) is concave on the nonnegative orthant, so the set
     * is a superlevel set of a concave function (for c ≤ 0 it is the whole box). With c &gt; 0 one factor of
     * power 1 need not be known nonnegative: on the set the product is positive and the other factors are
     * nonnegative, so that factor is positive there ({@code x*y >= 1; x >= 0} is {x &gt; 0, y ≥ 1/x}).
     */
    private static String geometricMean(Constraint c, Enclosure enc, String within) {
        Expr product, bound;
        if (">=".equals(c.op())) {
            product = c.lhs();
            bound = c.rhs();
        } else if ("<=".equals(c.op())) {
            product = c.rhs();
            bound = c.lhs();
        } else {
            return null;
        }
        if (!(bound instanceof Constant) || !(product instanceof Apply a) || !(a.atom() instanceof Multiply)) return null;
        double total = 0;
        List<String> factors = new ArrayList<>();
        Expr forced = null;   // the one factor whose sign only the set itself fixes
        for (Expr f : a.args()) {
            if (f instanceof Constant k) {
                if (k.value() <= 0) return null;
                continue;
            }
            Expr base = f;
            double p = 1;
            if (f instanceof Apply pw && pw.atom() instanceof Power && pw.arg(1) instanceof Constant e) {
                base = pw.arg(0);
                p = e.value();
            }
            if (!(p > 0) || !Dcp.analyze(base, enc).curvature().isAffine()) return null;
            if (!enc.of(base).nonnegative()) {
                if (forced != null || p != 1 || !(((Constant) bound).value() > 0)) return null;
                forced = base;
            }
            total += p;
            factors.add(Dcp.show(base));
        }
        if (factors.size() < 2) return null;
        String signs = forced == null ? ", each nonnegative" + within
                : "; " + String.join(", ", others(factors, Dcp.show(forced))) + (factors.size() == 2 ? " is" : " are") + " nonnegative" + within
                + ", so on the set, where the product is >= " + Numbers.format(((Constant) bound).value()) + " > 0, " + Dcp.show(forced) + " is positive too";
        return Dcp.show(product) + " is a product of the affine factors " + String.join(", ", factors) + signs
                + "; there the geometric mean (" + Dcp.show(product) + ")**(1/" + Numbers.format(total)
                + ") is concave, so " + c.text() + " is concave >= constant, which is convex";
    }

    private static List<String> others(List<String> factors, String one) {
        List<String> rest = new ArrayList<>(factors);
        rest.remove(one);
        return rest;
    }

    /** Why the rules give no proof, in words. */
    private static String whyRulesFail(Constraint c, Layout layout, Interval[] bounds) {
        Enclosure enc = Enclosure.overBox(layout, bounds);
        Curvature l = Dcp.analyze(c.lhs(), enc).curvature(), r = Dcp.analyze(c.rhs(), enc).curvature();
        String lw = Dcp.show(c.lhs()), rw = Dcp.show(c.rhs());
        String both = lw + " is " + Dcp.word(l) + " and " + rw + " is " + Dcp.word(r);
        if ("==".equals(c.op())) {
            return both + ": a nonlinear equality, whose solutions form a curve or surface, convex only when flat"
                    + " (the rules accept affine == affine only)";
        }
        boolean outside = "<=".equals(c.op()) ? l.isConcave() && r.isConvex() : l.isConvex() && r.isConcave();
        if (outside) {
            return both + ": " + ("<=".equals(c.op()) ? "concave <= " + kind(r, "convex") : "convex >= " + kind(r, "concave"))
                    + ", the outside of a convex set, which is not convex in general";
        }
        return both + "; the rules prove a set convex for convex <= concave, concave >= convex or affine == affine";
    }

    private static String kind(Curvature c, String otherwise) {
        return c == Curvature.CONSTANT ? "constant" : c.isAffine() ? "affine" : otherwise;
    }

    private static boolean isSimpleBound(Constraint c) {
        return !c.isEquality() && ((c.lhs() instanceof Variable && c.rhs() instanceof Constant)
                || (c.lhs() instanceof Constant && c.rhs() instanceof Variable));
    }

    /** The box of the simple bounds among the constraints: x >= 0, 3 >= y, ... */
    static Interval[] simpleBounds(List<Constraint> constraints, Layout layout) {
        Interval[] box = new Interval[layout.dimension()];
        java.util.Arrays.fill(box, Interval.ALL);
        for (Constraint c : constraints) {
            if (!isSimpleBound(c)) continue;
            boolean varLeft = c.lhs() instanceof Variable;
            Variable v = (Variable) (varLeft ? c.lhs() : c.rhs());
            double k = ((Constant) (varLeft ? c.rhs() : c.lhs())).value();
            boolean upper = "<=".equals(c.op()) == varLeft;      // x <= k, or k >= x
            int i = layout.offset(v);
            box[i] = upper ? new Interval(box[i].lo(), Math.min(box[i].hi(), k)) : new Interval(Math.max(box[i].lo(), k), box[i].hi());
            if (box[i].lo() > box[i].hi()) {
                throw new IllegalArgumentException("the bounds on " + v.name() + " leave no value: the feasible set is empty");
            }
        }
        return box;
    }

    private static String texts(List<Constraint> cs) {
        List<String> t = new ArrayList<>();
        for (Constraint c : cs) t.add(c.text());
        return String.join(", ", t);
    }

    static String witnessText(JensenSearch.Found f, Layout layout) {
        String approx = f.approximate() ? " (each within rounding of a point that satisfies the equality exactly: it changes sign along a tiny segment)" : "";
        return "a = " + FeasibleSetReport.point(layout.toMap(f.a())) + " and b = " + FeasibleSetReport.point(layout.toMap(f.b()))
                + " satisfy it" + approx + ", but their midpoint " + FeasibleSetReport.point(layout.toMap(f.midpoint()))
                + " violates " + f.violated().text() + " (checked with interval arithmetic)";
    }

    private static String searched(JensenSearch.Outcome o) {
        if (o.note() != null) return "none: " + o.note();
        return o.feasiblePoints() + " feasible points (" + o.pairs() + " pairs)";
    }
}
