package org.gradus.plot.pictures;

import org.gradus.eval.Program;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.plot.figure.Axis;
import org.gradus.plot.figure.ColourMap;
import org.gradus.plot.figure.Figure;
import org.gradus.plot.figure.Grid;
import org.gradus.plot.figure.Layer;
import org.gradus.plot.figure.Markers;
import org.gradus.plot.figure.Palette;
import org.gradus.plot.figure.Panel;
import org.gradus.plot.figure.Surface;
import org.gradus.plot.runs.RunView;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code plot f, x: a..b, y: c..d, surface: true}: f over the box as a surface in three dimensions, as matplotlib's
 * {@code plot_surface(X, Y, Z, cmap='viridis')} — a bowl looks like a bowl, a saddle like a saddle. {@code view:
 * [elevation, azimuth]} in degrees (matplotlib's {@code view_init}, default [30, -60]); {@code path: r} lifts a run's
 * iterates onto the surface; {@code stationary: true} marks the engine's stationary points on it.
 */
public final class SurfacePicture {
    static final List<String> OPTIONS = List.of("surface", "view", "path", "stationary");
    /** Grid nodes per side: 48 × 48 faces, near matplotlib's default of 50 strides. */
    static final int NODES = 49;

    private SurfacePicture() {
    }

    /** {@code view: [elevation, azimuth]} in degrees; matplotlib's default [30, -60]. */
    static double[] view(PlotOptions o) {
        double[] view = o.has("view") ? PlotOptions.numbers(o.get("view"), "view") : new double[]{30, -60};
        if (view.length != 2) throw new IllegalArgumentException("view: [elevation, azimuth] in degrees, as matplotlib's view_init, such as [30, -60]");
        return view;
    }

    public static Figure figure(Expr f, PlotOptions o) {
        Layout layout = f.layout();
        List<String> names = layout.coordinateNames();
        if (names.size() != 2) {
            throw new IllegalArgumentException("a surface needs a function of two variables; " + f + " has " + names.size()
                    + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")"));
        }
        o.check("a surface plot", OPTIONS, names);
        String xn = names.get(0), yn = names.get(1);
        List<RunView> runs = Inputs.runs(o.list("path"), "path");
        List<PathLayers.Path> paths = PathLayers.paths(runs, xn, yn);
        double[] xr = o.range(xn), yr = o.range(yn);
        if (xr == null || yr == null) {
            double[][] box = LevelSets.defaultBox(layout, paths, Feasible.of(f, o));
            if (xr == null) xr = box[0];
            if (yr == null) yr = box[1];
        }
        double[] view = view(o);
        Grid grid = PlaneGrid.axes(f, layout, 0, 1, new double[2], xr, yr, NODES, NODES);
        Program p = Program.compile(f, layout);

        List<Surface.Line> lines = new ArrayList<>();
        for (int k = 0; k < paths.size(); k++) {
            PathLayers.Path path = paths.get(k);
            double[] z = new double[path.x().length];
            for (int i = 0; i < z.length; i++) z[i] = p.value(new double[]{path.x()[i], path.y()[i]});
            lines.add(new Surface.Line(path.legend(), path.x(), path.y(), z, Palette.onField(k)));
        }
        List<Surface.Point> points = new ArrayList<>();
        if (o.flag("stationary")) {
            for (Layer l : LevelSets.stationaryMarks(f, xn, xr, yn, yr)) {
                Markers m = (Markers) l;
                points.add(new Surface.Point(m.x()[0], m.y()[0], p.value(new double[]{m.x()[0], m.y()[0]}), m.shape(), m.colour(), m.labels()[0]));
            }
        }
        Surface surface = new Surface(grid, ColourMap.VIRIDIS, view[0], view[1], xn, yn, "f", lines, points);
        Panel panel = new Panel(null, Axis.range(xn, xr[0], xr[1]), Axis.range(yn, yr[0], yr[1]), List.of(surface), false);
        return new Figure(o.text("title", null), List.of(panel), paths.stream().map(PathLayers.Path::name).toList());
    }
}
