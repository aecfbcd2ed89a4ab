package org.gradus.plot.pictures;

import org.gradus.analysis.Stationary;
import org.gradus.analysis.StationaryReport;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.optim.Constraint;
import org.gradus.plot.figure.Axis;
import org.gradus.plot.figure.ColourMap;
import org.gradus.plot.figure.Curve;
import org.gradus.plot.figure.Field;
import org.gradus.plot.figure.Figure;
import org.gradus.plot.figure.Grid;
import org.gradus.plot.figure.Layer;
import org.gradus.plot.figure.Levels;
import org.gradus.plot.figure.Markers;
import org.gradus.plot.figure.Panel;
import org.gradus.plot.runs.RunView;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code plot f, x: a..b, y: c..d, path: [r1, r2]}: filled level sets of a function of two variables
 * (viridis, log-spaced levels when f spans orders of magnitude), contour lines, each run's path with its
 * start and end, and on request the stationary points ({@code stationary: true}), a feasible set
 * ({@code subjectTo:}) and the L1 and L2 balls ({@code regularizers: [l1: t, l2: t]}) with the
 * constrained minima. Ranges default to a box around the paths.
 */
public final class LevelSets {
    /** Grid nodes along x and y: fine enough for smooth contour lines at 800 × 600. */
    static final int NX = 241, NY = 181;
    static final List<String> OPTIONS = List.of("path", "stationary", "levels", "subjectTo", "regularizers", "aspect", "surface");

    private LevelSets() {
    }

    /** The level-set picture of f (two variables) with the options. */
    public static Figure figure(Expr f, PlotOptions o) {
        return build(f, o, List.of()).figure();
    }

    /**
     * What an animation draws: the still figure, its background (everything but the paths, whose legend
     * entries stay), and the paths as curves with the iteration of each point.
     */
    public record Race(Figure figure, Figure background, List<Curve> paths, List<double[]> iterations) {
        /** The iteration of each point of a path. */
        public double[] iteration(Curve path) {
            return iterations.get(paths.indexOf(path));
        }
    }

    /** The pieces of an animation of the paths over f's level sets; {@code extra} options are the animation's own. */
    public static Race race(Expr f, PlotOptions o, List<String> extra) {
        Built b = build(f, o, extra);
        List<Curve> curves = new ArrayList<>();
        List<double[]> its = new ArrayList<>();
        for (int k = 0; k < b.paths().size(); k++) {
            PathLayers.Path p = b.paths().get(k);
            curves.add(new Curve(p.legend(), p.x(), p.y(), org.gradus.plot.figure.Palette.onField(k), Curve.Dash.SOLID, 2));
            its.add(p.iteration());
        }
        return new Race(b.figure(), b.background(), curves, its);
    }

    private record Built(Figure figure, Figure background, List<PathLayers.Path> paths) {
    }

    private static Built build(Expr f, PlotOptions o, List<String> extra) {
        Layout layout = f.layout();
        List<String> names = layout.coordinateNames();
        if (names.size() != 2) {
            throw new IllegalArgumentException("level sets need a function of two variables; " + f + " has " + names.size()
                    + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")")
                    + (names.size() > 2 ? ": draw it on a plane through a result with plot f, around: r, plane: 'random'" : ""));
        }
        List<String> valid = new ArrayList<>(OPTIONS);
        valid.addAll(extra);
        o.check(extra.isEmpty() ? "a level-set plot" : "an animation", valid, names);
        if (o.has("surface") && o.flag("surface")) {
            throw new IllegalArgumentException("an animation draws the paths over level sets; surface: true is for a still picture, plot f, x: a..b, y: c..d, surface: true");
        }
        String xn = names.get(0), yn = names.get(1);
        List<RunView> runs = Inputs.runs(o.list("path"), "path");
        List<PathLayers.Path> paths = PathLayers.paths(runs, xn, yn);
        Feasible feasible = Feasible.of(f, o);

        double[] xr = o.range(xn), yr = o.range(yn);
        if (xr == null || yr == null) {
            double[][] box = defaultBox(layout, paths, feasible);
            if (xr == null) xr = box[0];
            if (yr == null) yr = box[1];
        }
        Grid grid = PlaneGrid.axes(f, layout, 0, 1, new double[2], xr, yr, NX, NY);
        Levels levels = levels(o, grid);
        List<Layer> under = new ArrayList<>();
        under.add(new Field(grid, levels, ColourMap.VIRIDIS, true, "f"));
        under.addAll(feasible.layers(layout, xr, yr));
        List<Layer> over = new ArrayList<>();
        if (o.flag("stationary")) over.addAll(stationaryMarks(f, xn, xr, yn, yr));
        over.addAll(feasible.minima());

        List<Layer> all = new ArrayList<>(under);
        all.addAll(PathLayers.layers(paths, Integer.MAX_VALUE));
        all.addAll(over);
        List<Layer> bare = new ArrayList<>(under);
        for (int k = 0; k < paths.size(); k++) {           // legend entries only: the frames draw the paths
            bare.add(new Curve(paths.get(k).legend(), new double[0], new double[0], org.gradus.plot.figure.Palette.onField(k), Curve.Dash.SOLID, 2));
        }
        bare.addAll(over);
        boolean equal = "equal".equals(o.text("aspect", feasible.hasBalls() ? "equal" : "auto"));
        Axis ax = Axis.range(xn, xr[0], xr[1]), ay = Axis.range(yn, yr[0], yr[1]);
        String title = o.text("title", null);
        List<String> series = paths.stream().map(PathLayers.Path::name).toList();
        Figure fig = new Figure(title, List.of(new Panel(null, ax, ay, all, equal)), series);
        Figure background = new Figure(title, List.of(new Panel(null, ax, ay, bare, equal)), series);
        return new Built(fig, background, paths);
    }

    /** Levels from the {@code levels:} option: 'auto' (default), 'log', 'linear', a count, or a list of values. */
    static Levels levels(PlotOptions o, Grid grid) {
        Object spec = o.get("levels");
        double[] values = grid.finiteValues();
        if (spec == null) return Levels.choose(values, "auto");
        if (spec instanceof CharSequence s) return Levels.choose(values, s.toString());
        if (spec instanceof Number n) {
            int count = o.integer("levels", 10, 2);
            double min = java.util.Arrays.stream(values).min().orElse(0), max = java.util.Arrays.stream(values).max().orElse(1);
            return Levels.linear(min, max, count);
        }
        return Levels.given(PlotOptions.numbers(spec, "levels"), values);
    }

    /** Around the paths, the balls and the constrained minima, with a margin; else the start point ± 2. */
    static double[][] defaultBox(Layout layout, List<PathLayers.Path> paths, Feasible feasible) {
        double[][] box = PathLayers.bounds(paths);
        box = union(box, feasible.extent());
        if (box == null) {
            double[] s = layout.start();
            double hx = Math.max(2, Math.abs(s[0])), hy = Math.max(2, Math.abs(s[1]));
            return new double[][]{{s[0] - hx, s[0] + hx}, {s[1] - hy, s[1] + hy}};
        }
        double sx = box[0][1] - box[0][0], sy = box[1][1] - box[1][0];
        double span = Math.max(sx, sy);
        sx = Math.max(sx, Math.max(0.3 * span, 1e-3 * (1 + Math.abs(box[0][0]))));
        sy = Math.max(sy, Math.max(0.3 * span, 1e-3 * (1 + Math.abs(box[1][0]))));
        double cx = (box[0][0] + box[0][1]) / 2, cy = (box[1][0] + box[1][1]) / 2;
        return new double[][]{{cx - 0.65 * sx, cx + 0.65 * sx}, {cy - 0.65 * sy, cy + 0.65 * sy}};
    }

    static double[][] union(double[][] a, double[][] b) {
        if (a == null) return b;
        if (b == null) return a;
        return new double[][]{{Math.min(a[0][0], b[0][0]), Math.max(a[0][1], b[0][1])}, {Math.min(a[1][0], b[1][0]), Math.max(a[1][1], b[1][1])}};
    }

    /** The engine's stationary points in the box, marked by type and labelled. */
    static List<Layer> stationaryMarks(Expr f, String xn, double[] xr, String yn, double[] yr) {
        Map<String, double[]> box = new LinkedHashMap<>();
        box.put(xn, xr);
        box.put(yn, yr);
        StationaryReport report = Stationary.find(f, box);
        List<Layer> out = new ArrayList<>();
        for (StationaryReport.Point p : report.points()) {
            out.add(Markers.at(p.x()[0], p.x()[1], shape(p.type()), Color.WHITE, 14, p.type()));
        }
        for (StationaryReport.Corner k : report.corners()) {        // |x − 1| + y² at (1, 0): a minimum without ∇f = 0
            String type = k.type();
            out.add(Markers.at(k.x()[0], k.x()[1], shape(type), Color.WHITE, 14, ("neither".equals(type) ? "kink" : type + " at a kink") + " (no ∇f)"));
        }
        return out;
    }

    static Markers.Shape shape(String type) {
        return switch (type) {
            case "minimum" -> Markers.Shape.STAR;
            case "maximum" -> Markers.Shape.TRIANGLE;
            default -> Markers.Shape.DOT;
        };
    }
}
