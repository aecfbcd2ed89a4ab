package org.gradus.calculus;

import org.apache.commons.math3.fraction.BigFraction;
import org.gradus.atoms.Apply;
import org.gradus.atoms.ArgumentDomain;
import org.gradus.atoms.Ops;
import org.gradus.atoms.Substitution;
import org.gradus.calculus.series.Real;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Traversal;
import org.gradus.expr.Variable;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The limit of f(x, y, …) at a point a, as the lectures decide it:
 * <ol>
 *   <li>{@code continuous}: every operation is defined and continuous at a, so the limit is f(a);</li>
 *   <li>{@code paths differ}: along lines through a in several directions, and along parabolas tangent to the
 *       axes, the one-variable limit of f on each half of the path (by {@link Limit}'s own rules); two paths
 *       with different limits (or one on which f has none) prove there is no limit — x·y/(x² + y²) is 0
 *       along the axes and 1/2 along y = x; x²·y/(x⁴ + y²) is 0 along every line and 1/2 along y = x²;</li>
 *   <li>{@code radial bound}: where every path agrees on L and f is a rational function, a proof that
 *       |f − L| ≤ C·‖x − a‖^k near a ({@link RadialBound}) — x²·y/(x² + y²) → 0;</li>
 *   <li>{@code substitution}: f = G(h) with every variable inside one rational h → h0, G's one-variable limit;</li>
 *   <li>{@code squeeze}: orders of magnitude bound |f − L| by C·r^p → 0 ({@link Squeeze}) — x·y/√(x² + y²) → 0;</li>
 *   <li>otherwise {@code unknown}: paths that agree suggest a limit, they do not prove one.</li>
 * </ol>
 */
final class PathLimit {
    private PathLimit() {
    }

    /** A path x = a + t·line + t²·bend through the point, named as a learner would write it. */
    private record Path(double[] line, double[] bend, String text) {
    }

    static SideLimit decide(Expr f, List<Variable> variables, double[] point) {
        Layout layout = new Layout(List.copyOf(variables));
        Real value = valueIfContinuous(f, layout, point);
        String at = pointText(variables, point);
        if (value != null) {
            return SideLimit.of(value, "continuous", "continuous: every operation in f is defined and continuous at " + at
                    + ", so the limit is f there, " + value.text());
        }
        PointWalk walk = PointWalk.at(f, layout, point);      // sqrt(x² + y²) at 0: at sqrt's domain edge, continuous on its domain
        value = walk.first(PointWalk.Kind.UNDEFINED) == null && walk.first(PointWalk.Kind.JUMP) == null ? Directions.value(f, layout, point) : null;
        if (value != null) {
            String edge = walk.findings().isEmpty() ? "" : " (" + walk.findings().get(0).message() + ", which does not break continuity)";
            return SideLimit.of(value, "continuous", "continuous: every operation in f is defined at " + at + " and continuous there on its "
                    + "domain" + edge + ", so the limit, taken within f's domain, is f there, " + value.text());
        }
        Variable t = new Variable("t", 0);
        Layout line = new Layout(List.of(t));
        SideLimit first = null;
        String firstPath = null;
        List<String> unknown = new ArrayList<>();
        int agreeing = 0;
        for (Path p : paths(variables, point)) {
            Expr g = along(f, variables, point, p, t);
            SideLimit[] s = Limit.decide(g, line, t, 0, "both");
            for (int side = 2; side >= 1; side--) {
                SideLimit here = s[side] == null ? s[0] : s[side];
                String where = p.text() + (side == 1 ? " as t → 0⁻" : " as t → 0⁺");
                switch (here.status()) {
                    case UNDEFINED -> { }
                    case UNKNOWN -> unknown.add(where);
                    case NONE -> {
                        return new SideLimit(SideLimit.Status.NONE, Double.NaN, null, "paths differ", "along " + where
                                + " f has no limit (" + here.reason() + "), so it has none at " + at);
                    }
                    case EXISTS -> {
                        if (first == null) {
                            first = here;
                            firstPath = where;
                        } else if (!first.sameAs(here)) {
                            return new SideLimit(SideLimit.Status.NONE, Double.NaN, null, "paths differ", "along " + firstPath
                                    + " the limit is " + first.text() + ", along " + where + " it is " + here.text()
                                    + ": the limit depends on the path, so there is none at " + at);
                        }
                        agreeing++;
                    }
                }
            }
        }
        if (first == null) {
            SideLimit nowhere = nowhereDefined(f, variables, point, at);
            if (nowhere != null) return nowhere;
            // no path tried has values of f near the point; others may (a curve the lines and parabolas miss): not decided
            return SideLimit.unknown(unknown.isEmpty() ? "f has no values near " + at + " along any of the lines and parabolas tried"
                    : "the limit along the paths tried is not decided (" + unknown.get(0) + ")");
        }
        int degree = RadialBound.proves(f, variables, point, first);
        if (degree > 0) return new SideLimit(SideLimit.Status.EXISTS, first.value(), first.exact(), "radial bound", bound(first, degree));
        SideLimit substituted = substitution(f, variables, point, first);
        if (substituted != null) return substituted;
        SideLimit squeezed = Squeeze.proves(f, variables, point, first);
        if (squeezed != null) return squeezed;
        return SideLimit.unknown("along all " + agreeing + " half-paths tried (lines through " + at + " and parabolas) the limit is "
                + first.text() + (unknown.isEmpty() ? "" : " where decided") + "; paths that agree suggest a limit but do not prove one");
    }

    /**
     * f = G(h) with every variable inside one expression h (sin(x² + y²)/(x² + y²), (x² + y²)·log(x² + y²)): where h is
     * rational and tends to h0 from one side (x² + y² → 0⁺, {@link RadialBound#side}), the limit is G's one-variable
     * limit as u → h0 from that side. Null when no such h is found or that limit is not the paths' value.
     */
    private static SideLimit substitution(Expr f, List<Variable> variables, double[] point, SideLimit paths) {
        Layout layout = new Layout(List.copyOf(variables));
        Variable u = new Variable("u", 0);
        List<Expr> nodes = new ArrayList<>(Traversal.postOrder(f));
        java.util.Collections.reverse(nodes);                  // the largest first
        for (Expr h : nodes) {
            if (h == f || h instanceof Variable || !org.gradus.expr.Dependence.dependsOnVariables(h)) continue;
            Expr g = new Substitution(Map.of(h, u)).apply(f);
            if (g.layout().blocks().stream().anyMatch(b -> b != u)) continue;   // a variable outside h
            Real h0 = valueIfContinuous(h, layout, point);
            if (h0 == null || !h0.isExact()) continue;
            if (RadialBound.proves(h, variables, point, SideLimit.of(h0, "continuous", "")) <= 0) continue;
            int side = RadialBound.side(h, variables, point, h0.exact());
            Layout line = new Layout(List.of(u));
            SideLimit one = Limit.decide(g, line, u, h0.value(), side > 0 ? "right" : side < 0 ? "left" : "both")[0];
            if (!one.exists() || !one.sameAs(paths)) continue;
            // from both sides, h may equal h0 at other points near a: there f = G(h0), which must be undefined or the limit
            Real atH0 = side == 0 ? valueIfContinuous(g, line, new double[]{h0.value()}) : null;
            if (side == 0 && PointWalk.at(g, line, new double[]{h0.value()}).first(PointWalk.Kind.UNDEFINED) == null
                    && (atH0 == null || !SideLimit.of(atH0, "", "").sameAs(one))) continue;
            String arrow = "u → " + Numbers.format(h0.value()) + (side > 0 ? "⁺" : side < 0 ? "⁻" : "");
            String from = side > 0 ? " from above" : side < 0 ? " from below" : "";
            return new SideLimit(SideLimit.Status.EXISTS, one.value(), one.exact(), "substitution", "the limit is " + one.text()
                    + ": every variable of f is inside u = " + h + ", which tends to " + Numbers.format(h0.value()) + from
                    + " (a radial bound), and as " + arrow + " f = " + g + " → " + one.text() + " (" + one.method() + ")"
                    + (side == 0 ? "; where u = " + Numbers.format(h0.value()) + " f is undefined" : ""));
        }
        return null;
    }

    /**
     * "No values near the point", proved: an atom whose domain is bounded below (log: u &gt; 0, sqrt: u ≥ 0) of a rational
     * u that is below that bound at the point, or at it and below it all around (−x² − y² &lt; 0 near (0, 0), by its
     * lowest homogeneous part: {@link RadialBound#side}). Null when no such atom is found.
     */
    private static SideLimit nowhereDefined(Expr f, List<Variable> variables, double[] point, String at) {
        Layout layout = new Layout(List.copyOf(variables));
        for (Expr node : Traversal.postOrder(f)) {
            if (!(node instanceof Apply a) || a.args().isEmpty()) continue;
            ArgumentDomain domain = a.atom().domain(0, a.args());
            if (!domain.boundedBelow()) continue;
            Real u0 = valueIfContinuous(a.arg(0), layout, point);
            if (u0 == null || !u0.isExact()) continue;
            int sign = u0.exact().compareTo(new BigFraction(domain.lo()));
            boolean below = sign < 0 || (sign == 0 && RadialBound.side(a.arg(0), variables, point, u0.exact()) < 0);
            if (!below) continue;
            return SideLimit.undefined("f has no values near " + at + ": " + a.arg(0) + " is " + u0.text() + " there"
                    + (sign < 0 ? "" : " and less all around it (its lowest homogeneous part is negative)") + ", and "
                    + a.atom().name() + " needs " + domain.text("its argument"));
        }
        return null;
    }

    /** The radial bound's proof, in words. */
    private static String bound(SideLimit l, int degree) {
        String power = degree == 1 ? "" : Numbers.superscript(degree);
        String polar = "with x − a = r·u, r = ‖x − a‖∞ and u on the boundary of the unit cube, ";
        if (!l.finite()) {
            return "the limit is " + l.text() + ": " + polar + "f is a quotient of polynomials in r whose lowest terms stay away from 0, "
                    + "the numerator's " + (degree == 1 ? "one degree" : degree + " degrees") + " below the denominator's and of "
                    + (l.value() > 0 ? "the same sign" : "the opposite sign") + ", so " + (l.value() > 0 ? "f" : "−f") + " ≥ c/r" + power
                    + " → ∞ in every direction at once";
        }
        String gap = l.value() == 0 ? "f" : "f − " + l.text();
        if (degree == Integer.MAX_VALUE) return "the limit is " + l.text() + ": " + gap + " is 0 wherever f is defined near the point";
        return "the limit is " + l.text() + ": " + polar + gap + " is a quotient of polynomials in r whose denominator's lowest term "
                + "stays away from 0 and whose numerator starts " + (degree == 1 ? "one degree" : degree + " degrees") + " higher, so |"
                + gap + "| ≤ C·r" + power + " → 0 in every direction at once";
    }

    /** f along the path: each variable replaced by aₖ + lineₖ·t + bendₖ·t². */
    private static Expr along(Expr f, List<Variable> variables, double[] point, Path p, Variable t) {
        Map<Expr, Expr> m = new HashMap<>();
        for (int k = 0; k < variables.size(); k++) {
            Expr x = Constant.of(point[k]);
            if (p.line()[k] != 0) x = Ops.add(x, Ops.mul(Constant.of(p.line()[k]), t));
            if (p.bend()[k] != 0) x = Ops.add(x, Ops.mul(Constant.of(p.bend()[k]), Ops.pow(t, Constant.of(2))));
            m.put(variables.get(k), x);
        }
        return new Substitution(m).apply(f);
    }

    /** The axes, the diagonals and four more slopes in each pair of variables, and the parabolas tangent to the axes. */
    private static List<Path> paths(List<Variable> variables, double[] point) {
        int n = variables.size();
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(path(variables, point, unit(n, i, 1, -1, 0), new double[n]));
        double[][] slopes = {{1, 1}, {1, -1}, {1, 2}, {2, 1}, {1, -2}, {2, -1}};
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                for (double[] s : slopes) out.add(path(variables, point, unit(n, i, s[0], j, s[1]), new double[n]));
                for (double sign : new double[]{1, -1}) {
                    out.add(path(variables, point, unit(n, i, 1, -1, 0), unit(n, j, sign, -1, 0)));
                    out.add(path(variables, point, unit(n, j, 1, -1, 0), unit(n, i, sign, -1, 0)));
                }
            }
        }
        return out;
    }

    private static double[] unit(int n, int i, double a, int j, double b) {
        double[] v = new double[n];
        v[i] = a;
        if (j >= 0) v[j] = b;
        return v;
    }

    private static Path path(List<Variable> variables, double[] point, double[] line, double[] bend) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < variables.size(); k++) {
            String term = Numbers.format(point[k]);
            String moving = coefficient(line[k], "t") + (bend[k] == 0 ? "" : (line[k] != 0 ? " + " : "") + coefficient(bend[k], "t²"));
            if (line[k] != 0 || bend[k] != 0) term = point[k] == 0 ? moving : term + " + " + moving;
            parts.add(variables.get(k).name() + " = " + term.replace("+ -", "- "));
        }
        return new Path(line, bend, String.join(", ", parts));
    }

    private static String coefficient(double c, String t) {
        if (c == 0) return "";
        return c == 1 ? t : c == -1 ? "-" + t : Numbers.format(c) + t;
    }

    /** f at the point when every atom is defined and continuous there, inside its domain; else null. */
    private static Real valueIfContinuous(Expr e, Layout layout, double[] at) {
        return PointWalk.at(e, layout, at).continuousInside() ? Directions.value(e, layout, at) : null;
    }

    static String pointText(List<Variable> variables, double[] point) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < variables.size(); k++) parts.add(variables.get(k).name() + " = " + Numbers.format(point[k]));
        return "(" + String.join(", ", parts) + ")";
    }
}
