package org.gradus.analysis;

import org.gradus.calculus.Directions;
import org.gradus.calculus.Limit;
import org.gradus.calculus.PointWalk;
import org.gradus.calculus.SideLimit;
import org.gradus.calculus.series.Real;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.PointArgs;
import org.gradus.expr.Variable;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Is f continuous at a point, and if not, which of the three ways of the lectures fails:
 * <ol>
 *   <li>{@code undefined}: f has no value there (log of 0, division by 0);</li>
 *   <li>no limit: a {@code jump} (the one-sided limits differ), {@code unbounded} (f → ±∞), or
 *       {@code oscillating};</li>
 *   <li>{@code removable}: the limit exists but differs from the value.</li>
 * </ol>
 * A composition of atoms each continuous at its arguments is continuous (a proof, within f's domain:
 * √x at 0 is continuous from the side where it is defined). Where an atom jumps (sign at 0) the limits
 * decide: in one variable the two-sided limit by {@link Limit}; in several, limits along the axes and
 * random directions, which can prove discontinuity but not continuity.
 */
final class Continuity {
    private Continuity() {
    }

    /** The verdict: {@code continuous} true/false/null, the way it fails, the reason, and the limits used. */
    record Verdict(Boolean continuous, String way, String reason, Map<String, Object> limits) {
    }

    static Verdict at(Expr f, Layout layout, double[] x, PointWalk walk) {
        String point = PointArgs.format(layout, x);
        PointWalk.Finding undefined = walk.first(PointWalk.Kind.UNDEFINED);
        Real value = undefined == null ? Directions.value(f, layout, x) : null;
        PointWalk.Finding jump = walk.first(PointWalk.Kind.JUMP);
        boolean oneVariable = layout.dimension() == 1 && layout.blocks().get(0) instanceof Variable;
        boolean pole = undefined == null && jump == null && oneVariable && Limit.poleWithinRounding(f, layout, x[0]);
        if (undefined == null && jump == null && !pole) {
            return new Verdict(true, "continuous", null, Map.of());
        }
        Map<String, Object> limits = new LinkedHashMap<>();
        String cause = pole ? "f is defined at the double " + point + ", but has a pole within its rounding (the number it stands for, such as π/2)"
                : undefined != null
                ? "f is undefined at " + point + ": " + Dcp.show(undefined.node()) + " is " + undefined.message()
                : Dcp.show(jump.node()) + ": " + jump.message();
        if (oneVariable) {
            Variable v = (Variable) layout.blocks().get(0);
            SideLimit[] s = Limit.sides(f, v, x[0]);
            put(limits, "limit", s[0]);
            put(limits, "left", s[1]);
            put(limits, "right", s[2]);
            return oneVariable(cause, undefined != null, value, s, v.name() + " = " + Numbers.format(x[0]), limits);
        }
        return severalVariables(f, layout, x, cause, undefined != null, value, limits);
    }

    private static Verdict oneVariable(String cause, boolean undefined, Real value, SideLimit[] s, String at, Map<String, Object> limits) {
        SideLimit both = s[0], left = s[1], right = s[2];
        String sides = left != null && right != null ? " (from the left " + left.text() + ", from the right " + right.text() + ")" : "";
        if (both.exists() && Double.isFinite(both.value())) {
            if (undefined) {
                return new Verdict(false, "undefined", cause + " — the first way continuity fails (f is undefined). Its limit there exists and is "
                        + both.text() + sides + " [" + both.method() + "], so the discontinuity is removable: f extended by "
                        + both.text() + " at " + at + " is continuous", limits);
            }
            if (both.exact() != null && value != null && sameNumber(both.exact(), value)) {
                return new Verdict(true, "continuous", cause + ", but f does not jump: its limit " + both.text() + sides
                        + " equals its value", limits);
            }
            return new Verdict(false, "removable", cause + ": the limit " + both.text() + sides + " differs from the value f = "
                    + (value == null ? "?" : value.text()) + " — the third way continuity fails (limit ≠ value): a removable discontinuity", limits);
        }
        String prefix = undefined ? cause + " — f is undefined there; and it has no limit either: " : cause + " — no limit: ";
        if (both.exists()) {
            return new Verdict(false, undefined ? "undefined" : "unbounded", prefix + "f → " + both.text() + sides + " (unbounded)", limits);
        }
        if (both.status() == SideLimit.Status.NONE) {
            if (left != null && right != null && left.exists() && right.exists()) {
                boolean unbounded = Double.isInfinite(left.value()) || Double.isInfinite(right.value());
                String way = unbounded ? "unbounded" : "jump";
                return new Verdict(false, undefined ? "undefined" : way, prefix + "the one-sided limits differ" + sides
                        + (unbounded ? " (unbounded)" : ": a jump"), limits);
            }
            return new Verdict(false, undefined ? "undefined" : "oscillating", prefix + "f oscillates: " + both.reason(), limits);
        }
        if (undefined) return new Verdict(false, "undefined", cause + " — the first way continuity fails (f is undefined); " + both.reason(), limits);
        return new Verdict(null, "unknown", cause + "; whether f tends to its value is not decided: " + both.reason(), limits);
    }

    private static Verdict severalVariables(Expr f, Layout layout, double[] x, String cause, boolean undefined, Real value,
                                            Map<String, Object> limits) {
        List<Variable> scalars = new ArrayList<>();
        for (var b : layout.blocks()) if (b instanceof Variable v) scalars.add(v);
        if (scalars.size() == layout.blocks().size()) {
            SideLimit l = Limit.severalVariables(f, scalars, x);
            put(limits, "limit", l);
            Verdict v = byPathLimit(cause, undefined, value, l, PointArgs.format(layout, x), limits);
            if (v != null) return v;
        }
        if (undefined) return new Verdict(false, "undefined", cause + "; a function is continuous only where it is defined", limits);
        int n = layout.dimension();
        List<double[]> dirs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] e = new double[n];
            e[i] = 1;
            dirs.add(e.clone());
            e[i] = -1;
            dirs.add(e);
        }
        Random rnd = new Random(5);
        for (int k = 0; k < 6; k++) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) d[i] = Math.rint(rnd.nextGaussian() * 8) / 8;
            dirs.add(d);
        }
        List<SideLimit> seen = new ArrayList<>();
        for (double[] d : dirs) {
            SideLimit l = Directions.limit(f, layout, x, d);
            seen.add(l);
            if (l.exists() && Double.isInfinite(l.value())) {
                return new Verdict(false, "unbounded", cause + " — no limit: along " + vector(d) + " f → " + l.text() + " (unbounded)", limits);
            }
        }
        for (int i = 0; i < seen.size(); i++) {
            for (int j = i + 1; j < seen.size(); j++) {
                SideLimit a = seen.get(i), b = seen.get(j);
                if (a.exists() && b.exists() && !sameLimit(a, b)) {
                    return new Verdict(false, "jump", cause + " — no limit: along " + vector(dirs.get(i)) + " f → " + a.text() + ", along "
                            + vector(dirs.get(j)) + " f → " + b.text(), limits);
                }
            }
        }
        for (int i = 0; i < seen.size(); i++) {
            SideLimit a = seen.get(i);
            if (a.exists() && a.exact() != null && value != null && !sameNumber(a.exact(), value)) {
                return new Verdict(false, "removable", cause + ": along every direction tested f → " + a.text() + ", but its value is "
                        + value.text() + " (limit ≠ value)", limits);
            }
        }
        return new Verdict(null, "unknown", cause + "; along every direction tested f tends to its value, which does not prove continuity in "
                + n + " variables", limits);
    }

    /** The verdict from the limit in several variables when it is decided (it exists, or paths differ); null when not. */
    private static Verdict byPathLimit(String cause, boolean undefined, Real value, SideLimit l, String at, Map<String, Object> limits) {
        String said = "the limit is " + l.text() + ": ";             // the verdict names the limit already
        String how = " [" + l.method() + "]: " + (l.reason().startsWith(said) ? l.reason().substring(said.length()) : l.reason());
        if (l.status() == SideLimit.Status.NONE) {
            return new Verdict(false, undefined ? "undefined" : "jump", cause + (undefined ? " — f is undefined there; and it has no limit either"
                    : " — no limit") + how, limits);
        }
        if (!l.exists()) return null;
        if (Double.isInfinite(l.value())) {
            return new Verdict(false, undefined ? "undefined" : "unbounded", cause + (undefined ? " — f is undefined there; and it has no limit "
                    + "either: f → " : " — no limit: f → ") + l.text() + " (unbounded)" + how, limits);
        }
        if (undefined) {
            return new Verdict(false, "undefined", cause + " — the first way continuity fails (f is undefined). Its limit there exists and is "
                    + l.text() + how + "; so the discontinuity is removable: f extended by " + l.text() + " at " + at + " is continuous", limits);
        }
        if (value != null && l.exact() != null && sameNumber(l.exact(), value)) {
            return new Verdict(true, "continuous", cause + ", but f does not jump: its limit " + l.text() + " equals its value" + how, limits);
        }
        if (value == null || l.exact() == null) return null;
        return new Verdict(false, "removable", cause + ": the limit " + l.text() + " differs from the value f = " + value.text()
                + " — the third way continuity fails (limit ≠ value): a removable discontinuity" + how, limits);
    }

    private static boolean sameLimit(SideLimit a, SideLimit b) {
        if (Double.isInfinite(a.value()) || Double.isInfinite(b.value())) return a.value() == b.value();
        return a.exact() != null && b.exact() != null && sameNumber(a.exact(), b.exact());
    }

    private static boolean sameNumber(Real a, Real b) {
        Real d = a.subtract(b);
        return d.isExactZero() || d.isRoundingZero(Math.max(Math.abs(a.value()), Math.abs(b.value())));
    }

    private static void put(Map<String, Object> m, String key, SideLimit s) {
        if (s != null) m.put(key, s.exists() ? (Object) s.value() : null);
    }

    private static String vector(double[] d) {
        List<String> s = new ArrayList<>();
        for (double v : d) s.add(Numbers.round(v, 4));
        return "(" + String.join(", ", s) + ")";
    }
}
