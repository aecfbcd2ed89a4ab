package org.gradus.plot.pictures;

import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.VariableBlock;
import org.gradus.optim.OptimizationResult;
import org.gradus.plot.figure.Axis;
import org.gradus.plot.figure.ColourMap;
import org.gradus.plot.figure.Field;
import org.gradus.plot.figure.Figure;
import org.gradus.plot.figure.Grid;
import org.gradus.plot.figure.Layer;
import org.gradus.plot.figure.Levels;
import org.gradus.plot.figure.Markers;
import org.gradus.plot.figure.Panel;
import org.gradus.plot.figure.Surface;
import org.gradus.plot.render.Ticks;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code plot f, around: r, plane: 'random', seed: 1}: a function of many variables (a network's loss)
 * on a two-dimensional plane through a result's point θ: f(θ + α·u + β·v) for α, β in [−range, range]
 * (default 1), drawn as level sets with θ marked. The random directions are Gaussian and scaled block by
 * block (each vector or matrix of parameters, each scalar) to the norm of θ's block, as Li et al. (2018,
 * "Visualizing the Loss Landscape of Neural Nets") normalize per filter, so a step of 1 means "as far as
 * the weights themselves" in every layer alike; a block of θ that is all zero gets a direction of norm 1.
 * {@code plane: [u, v]} takes the two directions instead (lists in layout order, or maps by variable name).
 */
public final class Landscape {
    static final List<String> OPTIONS = List.of("around", "plane", "seed", "range", "levels", "resolution", "surface", "view");

    private Landscape() {
    }

    public static Figure figure(Expr f, PlotOptions o) {
        o.check("a loss-landscape plot", OPTIONS, List.of());
        if (!(o.get("around") instanceof OptimizationResult r)) throw new IllegalArgumentException("around: a result of minimize, whose point the plane goes through");
        Layout layout = f.layout();
        double[] theta = pointOn(layout, r);
        double[][] dirs = directions(o, layout, theta);
        double range = o.number("range", 1);
        if (!(range > 0)) throw new IllegalArgumentException("range: a positive number (α and β run from -range to range)");
        int n = o.integer("resolution", 41, 5);
        Grid grid = PlaneGrid.sample(f, layout, theta, dirs[0], dirs[1], -range, range, -range, range, n, n);
        Levels levels = LevelSets.levels(o, grid);
        double f0 = grid.valueAt(0, 0);
        List<Layer> layers = new ArrayList<>();
        String point = r.method() + "'s point, f = " + Ticks.format(r.value());
        if (o.has("surface") && o.flag("surface")) {      // "a network's loss surface is not a bowl", seen as a surface
            layers.add(new Surface(grid, ColourMap.VIRIDIS, SurfacePicture.view(o)[0], SurfacePicture.view(o)[1], "α", "β", "f", List.of(),
                    List.of(new Surface.Point(0, 0, f0, Markers.Shape.STAR, Color.WHITE, point))));
        } else {
            if (o.has("view")) throw new IllegalArgumentException("view: is for a surface (surface: true)");
            layers.add(new Field(grid, levels, ColourMap.VIRIDIS, true, "f"));
            layers.add(Markers.at(0, 0, Markers.Shape.STAR, Color.WHITE, 15, point));
        }
        boolean random = !(o.get("plane") instanceof List<?>);
        String title = o.text("title", random ? "f on a random plane through the " + r.method() + " result (seed " + o.integer("seed", 1, 0) + ")" : null);
        Panel p = new Panel(null, Axis.range("α (direction 1)", -range, range), Axis.range("β (direction 2)", -range, range), layers, true);
        return new Figure(title, List.of(p), List.of(r.method()));
    }

    /** θ in f's layout, read by variable name from the result. */
    private static double[] pointOn(Layout layout, OptimizationResult r) {
        Map<String, Object> x = r.x();
        for (VariableBlock b : layout.blocks()) {
            if (!x.containsKey(b.name())) throw new IllegalArgumentException("around: the result has no value for " + b.name() + ", a variable of the function");
        }
        return layout.fromNames(x, null);
    }

    private static double[][] directions(PlotOptions o, Layout layout, double[] theta) {
        Object plane = o.get("plane");
        if (plane == null || "random".equals(plane)) return random(layout, theta, o.integer("seed", 1, 0));
        if (plane instanceof List<?> l && l.size() == 2) return new double[][]{direction(l.get(0), layout), direction(l.get(1), layout)};
        throw new IllegalArgumentException("plane: 'random' or two directions [u, v], not " + PlotOptions.describe(plane));
    }

    /** Two Gaussian directions, each scaled block by block to the norm of θ's block (Li et al. 2018). */
    static double[][] random(Layout layout, double[] theta, long seed) {
        Random rnd = new Random(seed);
        int n = layout.dimension();
        double[][] d = new double[2][n];
        for (double[] dir : d) {
            for (int i = 0; i < n; i++) dir[i] = rnd.nextGaussian();
            for (VariableBlock b : layout.blocks()) {
                int off = layout.offset(b), size = b.size();
                double nd = 0, nt = 0;
                for (int i = off; i < off + size; i++) {
                    nd += dir[i] * dir[i];
                    nt += theta[i] * theta[i];
                }
                double scale = (nt > 0 ? Math.sqrt(nt) : 1) / Math.sqrt(nd);
                for (int i = off; i < off + size; i++) dir[i] *= scale;
            }
        }
        return d;
    }

    private static double[] direction(Object u, Layout layout) {
        if (u instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked") Map<String, ?> named = (Map<String, ?>) m;
            return layout.fromNames(named, new double[layout.dimension()]);
        }
        double[] d = PlotOptions.numbers(u, "plane");
        if (d.length != layout.dimension()) {
            throw new IllegalArgumentException("plane: a direction needs " + layout.dimension() + " numbers (one per variable element), not " + d.length);
        }
        return d;
    }
}
