package org.gradus.plot.pictures;

import org.gradus.analysis.Stationary;
import org.gradus.analysis.StationaryReport;
import org.gradus.calculus.Taylor;
import org.gradus.eval.Program;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.plot.figure.Axis;
import org.gradus.plot.figure.Band;
import org.gradus.plot.figure.Curve;
import org.gradus.plot.figure.Figure;
import org.gradus.plot.figure.Grid;
import org.gradus.plot.figure.Layer;
import org.gradus.plot.figure.Markers;
import org.gradus.plot.figure.Palette;
import org.gradus.plot.figure.Panel;
import org.gradus.plot.figure.Span;
import org.gradus.plot.render.Ticks;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code plot f, x: a..b} for functions of one variable, with the lecture's constructions, each asked of
 * the engine: {@code tangentAt: x0} (the first-order Taylor polynomial), {@code taylor: [at: x0, order:
 * [1, 2]]}, {@code secant: [a, b]} (the chord, shaded where it lies below the graph: f is not convex
 * there), {@code monotonicity: true} (where f′ > 0 and f′ < 0, from the exact derivative) and
 * {@code stationary: true} (the engine's stationary points, classified). {@code plot [f, g], x: ...}
 * draws several functions.
 */
public final class OneVariable {
    static final List<String> OPTIONS = List.of("tangentAt", "taylor", "secant", "monotonicity", "stationary");
    static final int SAMPLES = 801;
    private static final Color INCREASING = new Color(0x2ca02c), DECREASING = new Color(0xd62728);

    private OneVariable() {
    }

    public static Figure figure(List<Expr> fs, PlotOptions o) {
        String name = variable(fs);
        o.check("a plot of a function of one variable", OPTIONS, List.of(name));
        Layout layout = fs.get(0).layout().dimension() == 1 ? fs.get(0).layout() : fs.stream().map(Expr::layout)
                .filter(l -> l.dimension() == 1).findFirst().orElseThrow();
        double[] r = o.range(name);
        if (r == null) {
            double s = layout.start()[0];
            r = new double[]{s - 3, s + 3};
        }
        double[] xs = Grid.linspace(r[0], r[1], SAMPLES);
        Expr f = fs.get(0);
        List<Layer> under = new ArrayList<>(), curves = new ArrayList<>(), jumps = new ArrayList<>(), over = new ArrayList<>();
        List<String> series = new ArrayList<>();
        for (int k = 0; k < fs.size(); k++) {
            BrokenCurve broken = BrokenCurve.of(fs.get(k), layout, xs, fs.get(k).toString(), Palette.onWhite(k));
            curves.add(broken.curve());
            jumps.addAll(broken.marks());
            series.add(fs.get(k).toString());
        }
        double[] fx = values(f, layout, xs);
        if (o.flag("monotonicity")) under.addAll(monotonicity(f, layout, r));
        int colour = fs.size();
        for (double x0 : o.has("tangentAt") ? PlotOptions.numbers(o.get("tangentAt"), "tangentAt") : new double[0]) {
            Expr t;
            try {
                t = Taylor.polynomial(f, layout, Map.of(name, x0), 1);
            } catch (IllegalArgumentException noTangent) {     // a kink (abs(x) at 0): its two one-sided tangents, if it has them
                List<Curve> halves = OneSidedTangents.at(f, layout, name, x0, r, Palette.onWhite(colour));
                if (halves == null) throw new IllegalArgumentException("tangentAt: " + Ticks.format(x0) + ": " + noTangent.getMessage());
                colour++;
                curves.addAll(halves);
                over.add(Markers.at(x0, value(f, layout, x0), Markers.Shape.DOT, Color.BLACK, 7, null));
                series.add("one-sided tangents at " + Ticks.format(x0));
                continue;
            }
            curves.add(new Curve("tangent at " + name + " = " + Ticks.format(x0) + ": " + polynomial(t, layout, x0, 1, name), xs, values(t, layout, xs), Palette.onWhite(colour++), Curve.Dash.DASHED, 1.8));
            over.add(Markers.at(x0, value(f, layout, x0), Markers.Shape.DOT, Color.BLACK, 7, null));
            series.add("tangent at " + Ticks.format(x0));
        }
        if (o.has("taylor")) {
            if (!(o.get("taylor") instanceof Map<?, ?> spec) || spec.get("at") == null) {
                throw new IllegalArgumentException("taylor: [at: x0, order: [1, 2]]");
            }
            double x0 = at(spec.get("at"), name);
            double[] orders = spec.get("order") == null ? new double[]{1, 2} : PlotOptions.numbers(spec.get("order"), "taylor order");
            Curve.Dash[] dashes = {Curve.Dash.DASHED, Curve.Dash.DOTTED};
            for (int i = 0; i < orders.length; i++) {
                Expr t = Taylor.polynomial(f, layout, Map.of(name, x0), (int) orders[i]);
                curves.add(new Curve("Taylor order " + (int) orders[i] + " at " + Ticks.format(x0) + ": " + polynomial(t, layout, x0, (int) orders[i], name),
                        xs, values(t, layout, xs),
                        Palette.onWhite(colour++), dashes[i % 2], 1.8));
                series.add("taylor " + (int) orders[i]);
            }
            over.add(Markers.at(x0, value(f, layout, x0), Markers.Shape.DOT, Color.BLACK, 7, null));
        }
        if (o.has("secant")) {
            double[] ab = PlotOptions.numbers(o.get("secant"), "secant");
            if (ab.length != 2 || !(ab[0] < ab[1])) throw new IllegalArgumentException("secant: two increasing numbers [a, b]");
            Secant s = secant(f, layout, ab[0], ab[1], Palette.onWhite(colour++));
            under.addAll(s.under());
            curves.add(s.chord());
            over.add(s.ends());
            series.add("secant");
        }
        if (o.flag("stationary")) over.addAll(stationary(f, name, r));
        List<Layer> layers = new ArrayList<>(under);
        layers.addAll(curves);
        layers.addAll(jumps);
        layers.addAll(over);
        Axis y = Axis.auto(fs.size() == 1 ? "f(" + name + ")" : null);
        List<double[]> functions = new ArrayList<>();
        for (int k = 0; k < fs.size(); k++) functions.add(((Curve) curves.get(k)).y());
        double[] yr = RobustRange.of(functions, jumps.stream().flatMapToDouble(m -> Arrays.stream(((Markers) m).y())).toArray());
        if (yr != null) y = new Axis(y.label(), yr[0], yr[1], false);
        Panel panel = new Panel(null, Axis.range(name, r[0], r[1]), y, layers, false);
        return new Figure(o.text("title", null), List.of(panel), series);
    }

    /** Terms of a legend's polynomial shown before it ends in "+ …". */
    private static final int LEGEND_TERMS = 4;

    /**
     * A Taylor polynomial about x0 for the legend, its coefficients to 4 digits: {@code 1 + x + 0.5x²},
     * {@code 2.718 + 2.718(x − 1)}, {@code x − 0.1667x³}; zero terms left out, at most {@value #LEGEND_TERMS}
     * shown. Each coefficient is t⁽ᵏ⁾(x0)/k!, from the engine's exact derivatives of the polynomial (reading
     * them off values at x0 and x0 ± 1 is right only up to degree 2: sin's order-3 polynomial came out as
     * 0.8333x).
     */
    static String polynomial(Expr t, Layout layout, double x0, int order, String name) {
        String dx = x0 == 0 ? name : "(" + name + (x0 > 0 ? " − " : " + ") + Ticks.format(Math.abs(x0)) + ")";
        double[] c = new double[order + 1];
        Expr d = t;
        double factorial = 1, largest = 0;
        for (int k = 0; k <= order; k++) {
            if (k > 0) {
                d = org.gradus.diff.Differentiator.partial(d, layout.coordinate(0));
                factorial *= k;
            }
            c[k] = values(d, layout, new double[]{x0})[0] / factorial;
            largest = Math.max(largest, Math.abs(c[k]));
        }
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int k = 0; k <= order; k++) {
            double ck = Math.abs(c[k]) < 1e-12 * Math.max(1, largest) ? 0 : c[k];
            if (ck == 0) continue;
            if (shown == LEGEND_TERMS) {
                sb.append(" + …");
                break;
            }
            sb.append(shown == 0 ? (ck < 0 ? "−" : "") : ck < 0 ? " − " : " + ");
            String mag = Ticks.format(Math.abs(ck));
            if (k == 0 || !mag.equals("1")) sb.append(mag);
            if (k > 0) sb.append(dx).append(k == 1 ? "" : superscript(k));
            shown++;
        }
        return shown == 0 ? "0" : sb.toString();
    }

    private static String superscript(int k) {
        StringBuilder sb = new StringBuilder();
        for (char ch : Integer.toString(k).toCharArray()) sb.append("⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(ch - '0'));
        return sb.toString();
    }

    /** The one variable the functions share. */
    private static String variable(List<Expr> fs) {
        String name = null;
        for (Expr f : fs) {
            List<String> names = f.layout().coordinateNames();
            if (names.size() > 1) throw new IllegalArgumentException("plot [f, g] draws functions of one variable; " + f + " has " + names.size());
            if (names.isEmpty()) continue;
            if (name != null && !name.equals(names.get(0))) {
                throw new IllegalArgumentException("the functions plotted together must share their variable, not " + name + " and " + names.get(0));
            }
            name = names.get(0);
        }
        if (name == null) throw new IllegalArgumentException("nothing to plot: the functions are constants");
        return name;
    }

    /** f at each x, by the compiled program; NaN outside f's domain. */
    static double[] values(Expr f, Layout layout, double[] xs) {
        Program p = Program.compile(f, layout);
        double[] x = new double[1], out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            x[0] = xs[i];
            double v = p.value(x);
            out[i] = Double.isFinite(v) ? v : Double.NaN;
        }
        return out;
    }

    static double value(Expr f, Layout layout, double x) {
        return values(f, layout, new double[]{x})[0];
    }

    private static double at(Object at, String name) {
        if (at instanceof Number n) return n.doubleValue();
        if (at instanceof Map<?, ?> m && m.get(name) instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException("taylor: at is a number or [" + name + ": x0], not " + at);
    }

    /** Green where f′ > 0, red where f′ < 0, from the exact derivative's sign. */
    private static List<Layer> monotonicity(Expr f, Layout layout, double[] r) {
        List<Layer> out = new ArrayList<>();
        boolean inc = false, dec = false;
        for (DerivativeSigns.Interval iv : DerivativeSigns.intervals(f, layout, r[0], r[1])) {
            if (iv.sign() > 0) {
                out.add(new Span(inc ? null : "increasing (f′ > 0)", iv.from(), iv.to(), INCREASING, 0.13));
                inc = true;
            } else if (iv.sign() < 0) {
                out.add(new Span(dec ? null : "decreasing (f′ < 0)", iv.from(), iv.to(), DECREASING, 0.13));
                dec = true;
            }
        }
        return out;
    }

    private record Secant(List<Layer> under, Curve chord, Markers ends) {
    }

    /** The chord from (a, f(a)) to (b, f(b)); where it lies below the graph the gap is shaded. */
    private static Secant secant(Expr f, Layout layout, double a, double b, Color colour) {
        double fa = value(f, layout, a), fb = value(f, layout, b);
        double[] xs = Grid.linspace(a, b, SAMPLES), fx = values(f, layout, xs), chord = new double[SAMPLES];
        double scale = 1e-12 * Math.max(1, Math.max(Math.abs(fa), Math.abs(fb)));
        double[] lower = new double[SAMPLES], upper = new double[SAMPLES];
        boolean below = false;
        for (int i = 0; i < SAMPLES; i++) {
            chord[i] = fa + (fb - fa) * (xs[i] - a) / (b - a);
            boolean under = chord[i] < fx[i] - scale;
            below |= under;
            lower[i] = under ? chord[i] : Double.NaN;
            upper[i] = under ? fx[i] : Double.NaN;
        }
        String range = "[" + Ticks.format(a) + ", " + Ticks.format(b) + "]";
        List<Layer> under = below
                ? List.of(new Band("chord below the graph: not convex on " + range, xs, lower, upper, new Color(0xd62728), 0.3))
                : List.of();
        Curve c = new Curve("secant on " + range + (below ? "" : ": on or above the graph"), new double[]{a, b}, new double[]{fa, fb},
                colour, Curve.Dash.SOLID, 1.8);
        Markers ends = new Markers(null, new double[]{a, b}, new double[]{fa, fb}, Markers.Shape.DOT, colour, 8, null);
        return new Secant(under, c, ends);
    }

    /** The engine's stationary points of f in the range, labelled with their type. */
    private static List<Layer> stationary(Expr f, String name, double[] r) {
        StationaryReport report = Stationary.find(f, Map.of(name, r));
        List<Layer> out = new ArrayList<>();
        for (StationaryReport.Point p : report.points()) {
            String type = !"degenerate".equals(p.type()) ? p.type() : p.eigenvalues().length == 0 ? "degenerate (no f″)" : "degenerate (f″ = 0)";
            out.add(Markers.at(p.x()[0], p.f(), LevelSets.shape(p.type()), Color.BLACK, 12, type));
        }
        for (org.gradus.result.PointResult k : report.kinks()) {        // |sin x| at π: a minimum without f′ = 0
            double at = ((Number) k.at().values().iterator().next()).doubleValue();
            String type = String.valueOf(k.get("type"));
            out.add(Markers.at(at, ((Number) k.get("f")).doubleValue(), LevelSets.shape(type), Color.BLACK, 12,
                    ("neither".equals(type) ? "kink" : type + " at a kink") + " (no f′)"));
        }
        for (StationaryReport.Stretch s : report.intervals()) {     // f′ = 0 on a whole interval: drawn along it
            double from = Math.max(s.from(), r[0]), to = Math.min(s.to(), r[1]);
            String what = s.type().equals("flat") ? "flat" : "flat " + s.type();
            out.add(new Curve(what + ": f′ = 0 on " + s.set(), new double[]{from, to}, new double[]{s.f(), s.f()},
                    Color.BLACK, Curve.Dash.SOLID, 4.5));
        }
        return out;
    }
}
