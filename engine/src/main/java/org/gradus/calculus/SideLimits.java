package org.gradus.calculus;

import org.gradus.atoms.Apply;
import org.gradus.atoms.Cos;
import org.gradus.atoms.Ops;
import org.gradus.atoms.Sin;
import org.gradus.atoms.Substitution;
import org.gradus.calculus.series.CannotExpand;
import org.gradus.calculus.series.Expander;
import org.gradus.calculus.series.Expansion;
import org.gradus.calculus.series.OutsideDomain;
import org.gradus.calculus.series.Series;
import org.gradus.eval.Program;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * The limit of f as t → 0⁺ along a path given by an expansion of each coordinate in t — one side of
 * {@code limit(f, x: a)}, or a direction through a point for {@code differentiable}. In order:
 * <ol>
 *   <li>the series of f (at increasing precision): its dominant term is the limit; a remainder that
 *       vanishes while f is known only to be bounded by it gives 0 (bounded × vanishing);</li>
 *   <li>oscillation: when sin(u) or cos(u) with u → ±∞ keeps the series from deciding, f along the
 *       points where u = π/2 + 2kπ, −π/2 + 2kπ, 2kπ and π + 2kπ (u reaches them arbitrarily close, being
 *       continuous and unbounded) is f with sin(u) and cos(u) replaced by numbers; two different limits
 *       along two of these sequences prove that f has none;</li>
 *   <li>otherwise {@code unknown}, with f evaluated ever closer as evidence.</li>
 * </ol>
 */
public final class SideLimits {
    private static final int[] PRECISIONS = {6, 10, 16};

    private SideLimits() {
    }

    /**
     * @param f           the function
     * @param layout      its coordinates
     * @param coordinates each coordinate's expansion in t
     * @param approach    how the variable approaches (for the wording of expansions)
     * @param pointAt     the coordinates at a small t (for numerical evidence)
     */
    public static SideLimit along(Expr f, Layout layout, Expansion[] coordinates, Approach approach, DoubleFunction<double[]> pointAt) {
        return along(f, layout, coordinates, approach, pointAt, PointRounding.Room.of(approach), 0);
    }

    /** As above, with the room coefficients have to be 0 up to the rounding of the point (see {@link PointRounding}). */
    static SideLimit along(Expr f, Layout layout, Expansion[] coordinates, Approach approach, DoubleFunction<double[]> pointAt, PointRounding.Room room) {
        return along(f, layout, coordinates, approach, pointAt, room, 0);
    }

    private static SideLimit along(Expr f, Layout layout, Expansion[] coordinates, Approach approach, DoubleFunction<double[]> pointAt,
                                   PointRounding.Room room, int depth) {
        String why = null;
        Expander last = null;
        for (int n : PRECISIONS) {
            Expander ex = new Expander(layout, coordinates, new Series(n).withPointRoom(room.size()));
            try {
                Expansion e = ex.expand(f);
                SideLimit decided = decide(e, ex, approach, room);
                if (decided != null) return decided;
                last = ex;
                why = "its series " + ExpansionText.of(e, approach) + " leaves the limit open";
                if (!ex.oscillators().isEmpty()) break;
            } catch (OutsideDomain d) {
                return SideLimit.undefined(d.getMessage());
            } catch (CannotExpand c) {
                why = c.getMessage();
                last = ex;
                if (!ex.oscillators().isEmpty()) break;
            } catch (ArithmeticException | StackOverflowError a) {
                why = "the series grew too large";
                break;
            }
        }
        if (last != null && !last.oscillators().isEmpty() && depth == 0) {
            SideLimit osc = oscillation(f, layout, coordinates, approach, room, pointAt, last);
            if (osc != null) return osc;
        }
        return SideLimit.unknown("no rule decides it (" + why + ")" + evidence(f, layout, approach, pointAt));
    }

    private static SideLimit decide(Expansion e, Expander ex, Approach approach, PointRounding.Room room) {
        int rounded = PointRounding.poles(e, room);
        if (rounded > 0) {
            SideLimit s = decide(e.withoutLeading(rounded), ex, approach, PointRounding.Room.NONE);
            return s == null || !s.exists() ? s : PointRounding.note(s, e, rounded, approach, room);
        }
        String near = approach.atInfinity() ? "as " + approach.arrow() : "near " + approach.variable() + " = "
                + Numbers.format(approach.at()) + " " + approach.sideWords();
        String series = ExpansionText.of(e, approach);
        String rounding = (ex.series().roundedZeros() > 0
                ? " (a coefficient that is 0 up to the rounding of the script's numbers was taken as 0)" : "")
                + (ex.series().pointZeros() > 0 ? PointRounding.denominatorNote(room) : "")
                + (ex.series().numberZeros() > 0 ? PointRounding.numberNote(room) : "");
        if (e.isExactZero()) return SideLimit.of(org.gradus.calculus.series.Real.ZERO, "series", "f is 0 " + near + rounding);
        if (e.hasTerms()) {
            Expansion.Term lead = e.leading();
            int g = lead.m().growth();
            String how = "series: " + near + ", f = " + series;
            if (g == 0) return SideLimit.of(lead.coef(), "series", how + rounding);
            if (g < 0) return SideLimit.of(org.gradus.calculus.series.Real.ZERO, "series", how + dominance(lead.m()) + ", so f → 0" + rounding);
            if (!lead.coef().signKnown()) return null;
            int sign = lead.coef().sign();
            return SideLimit.infinite(sign, "series", how + dominance(lead.m()) + ", so f → " + (sign < 0 ? "-∞" : "∞") + rounding);
        }
        if (e.order().growth() < 0) {
            if (!ex.oscillators().isEmpty()) {
                Apply o = ex.oscillators().iterator().next();
                return SideLimit.of(org.gradus.calculus.series.Real.ZERO, "bounded × vanishing",
                        "bounded × vanishing: |" + o + "| ≤ 1 and f = " + series + " " + near + ", so f → 0");
            }
            return SideLimit.of(org.gradus.calculus.series.Real.ZERO, "series", "series: f = " + series + " " + near + ", so f → 0");
        }
        return null;
    }

    /**
     * Why a leading term made of several scales tends where it does: an exponential outweighs every power and
     * logarithm, a power every power of a logarithm (x·log(x) → 0 as x → 0⁺, log(x)/x → 0 as x → ∞); empty for
     * a plain power or a plain logarithm.
     */
    private static String dominance(org.gradus.calculus.series.Monomial m) {
        boolean power = m.alpha().getNumerator().signum() != 0, log = m.beta() != 0;
        if (m.psi() != null && (power || log)) return " (the exponential outweighs every power and logarithm)";
        if (power && log) return " (a power outweighs every power of a logarithm)";
        return "";
    }

    /** Two sequences along which f has different limits, or null. */
    private static SideLimit oscillation(Expr f, Layout layout, Expansion[] coordinates, Approach approach, PointRounding.Room room,
                                         DoubleFunction<double[]> pointAt, Expander ex) {
        Expr u = ex.oscillators().iterator().next().arg(0);
        for (Apply o : ex.oscillators()) if (!o.arg(0).equals(u)) return null; // several unrelated oscillations
        Expr sin = Ops.apply(Sin.INSTANCE, u), cos = Ops.apply(Cos.INSTANCE, u);
        String[] where = {"π/2 + 2kπ", "-π/2 + 2kπ", "2kπ", "π + 2kπ"};
        double[][] values = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        Map<String, SideLimit> found = new LinkedHashMap<>();
        for (int i = 0; i < where.length; i++) {
            Map<Expr, Expr> m = new HashMap<>();
            m.put(sin, Constant.of(values[i][0]));
            m.put(cos, Constant.of(values[i][1]));
            Expr g = new Substitution(m).apply(f);
            SideLimit l = along(g, layout, coordinates, approach, pointAt, room, 1);
            if (l.exists()) found.put(where[i], l);
        }
        List<String> keys = new ArrayList<>(found.keySet());
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                SideLimit a = found.get(keys.get(i)), b = found.get(keys.get(j));
                if (!a.sameAs(b)) {
                    return SideLimit.none("it oscillates: " + u + " → ±∞ " + (approach.atInfinity() ? "as " + approach.arrow()
                            : "as " + approach.arrow()) + ", so it takes the values " + keys.get(i) + " and " + keys.get(j)
                            + " arbitrarily close; along the first f → " + a.text() + ", along the second f → " + b.text());
                }
            }
        }
        return null;
    }

    /** f at points ever closer, as a clause: "; numerically f(0.1) = …, f(0.001) = …". */
    static String evidence(Expr f, Layout layout, Approach approach, DoubleFunction<double[]> pointAt) {
        if (pointAt == null) return "";
        List<String> parts = new ArrayList<>();
        Program p = Program.compile(f, layout);
        for (double t : new double[]{1e-1, 1e-2, 1e-4, 1e-6, 1e-8}) {
            double v = p.value(pointAt.apply(t));
            parts.add("f(" + Numbers.format(approach.x(t)) + ") = " + Numbers.round(v, 8));
        }
        return "; numerically " + String.join(", ", parts);
    }
}
