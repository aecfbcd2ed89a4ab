package org.gradus.plot.pictures;

import org.gradus.plot.figure.Curve;
import org.gradus.plot.figure.Layer;
import org.gradus.plot.figure.Markers;
import org.gradus.plot.figure.Palette;
import org.gradus.plot.render.Ticks;
import org.gradus.plot.runs.RunView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Descent paths drawn over level sets: each run's iterates as a polyline in its own colour with a legend
 * entry (method, iterations, final f), the start marked with a circle and the end with a cross.
 */
final class PathLayers {
    private PathLayers() {
    }

    /** One run's path projected on two of its coordinates, named for the legend and the JSON series. */
    record Path(String name, String legend, double[] x, double[] y, double[] iteration) {
    }

    /**
     * The paths of the runs on the coordinates named xName and yName.
     *
     * @throws IllegalArgumentException when a run kept no iterates or has no such coordinates
     */
    static List<Path> paths(List<RunView> runs, String xName, String yName) {
        List<Path> out = new ArrayList<>();
        List<String> runNames = names(runs);
        for (int i = 0; i < runs.size(); i++) {
            RunView r = runs.get(i);
            if (!r.hasPath()) {
                throw new IllegalArgumentException("the " + r.method() + " run kept no iterates to draw a path with; run it with trace: true");
            }
            List<String> coordinates = r.layout().coordinateNames();
            int ix = coordinates.indexOf(xName), iy = coordinates.indexOf(yName);
            if (ix < 0 || iy < 0) {
                throw new IllegalArgumentException("the " + r.method() + " run's variables are " + String.join(", ", coordinates)
                        + ": it has no path in (" + xName + ", " + yName + ")");
            }
            String name = runNames.get(i);
            out.add(new Path(name, legend(name, r), r.coordinate(ix), r.coordinate(iy), r.iteration()));
        }
        return out;
    }

    /** The runs' names for legends and JSON series: the method, numbered when it repeats ("gd", "gd (2)"). */
    static List<String> names(List<RunView> runs) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (RunView r : runs) {
            String name = r.miniBatch() ? r.method() + " mini-batch" : r.method();
            int k = seen.merge(name, 1, Integer::sum);
            out.add(k == 1 ? name : name + " (" + k + ")");
        }
        return out;
    }

    /** "gd: 2000 iterations, f = 0.00312". */
    static String legend(String name, RunView r) {
        return name + ": " + r.iterations() + (r.iterations() == 1 ? " iteration" : " iterations") + ", f = " + Ticks.format(r.f());
    }

    /** The polyline, start circle and end cross of each path; paths[k] gets colour k of the field palette. */
    static List<Layer> layers(List<Path> paths, int upTo) {
        List<Layer> out = new ArrayList<>();
        for (int k = 0; k < paths.size(); k++) {
            Path p = paths.get(k);
            var colour = Palette.onField(k);
            int n = Math.min(upTo, p.x().length);
            out.add(new Curve(p.legend(), p.x(), p.y(), colour, Curve.Dash.SOLID, 2));
            out.add(Markers.at(p.x()[0], p.y()[0], Markers.Shape.CIRCLE, colour, 11, null));
            out.add(Markers.at(p.x()[n - 1], p.y()[n - 1], Markers.Shape.CROSS, colour, 11, null));
        }
        return out;
    }

    /** The smallest box holding every path's points, or null when there are none. */
    static double[][] bounds(List<Path> paths) {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (Path p : paths) {
            for (int i = 0; i < p.x().length; i++) {
                if (!Double.isFinite(p.x()[i]) || !Double.isFinite(p.y()[i])) continue;
                x0 = Math.min(x0, p.x()[i]);
                x1 = Math.max(x1, p.x()[i]);
                y0 = Math.min(y0, p.y()[i]);
                y1 = Math.max(y1, p.y()[i]);
            }
        }
        return x0 > x1 ? null : new double[][]{{x0, x1}, {y0, y1}};
    }
}
