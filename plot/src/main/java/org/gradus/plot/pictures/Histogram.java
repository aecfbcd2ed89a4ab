package org.gradus.plot.pictures;

import org.gradus.data.DataColumn;
import org.gradus.plot.figure.Axis;
import org.gradus.plot.figure.Band;
import org.gradus.plot.figure.Curve;
import org.gradus.plot.figure.Figure;
import org.gradus.plot.figure.Layer;
import org.gradus.plot.figure.Palette;
import org.gradus.plot.figure.Panel;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code plot data['price']}: a column's values as a histogram, as pandas' {@code data['price'].hist()} and
 * matplotlib's {@code plt.hist}: {@code bins:} equal bins (10 by default) from the least value to the greatest, each
 * holding the values from its left edge up to but not including its right one, the last both (numpy's
 * {@code histogram}); {@code density: true} divides each count by the values' number times the bin's width, so the bars'
 * area is 1. Several columns ({@code plot data['a'], data['b']}) share the bins of their joined range and overlap
 * translucently, each in its colour, named in the legend.
 */
public final class Histogram {
    static final List<String> OPTIONS = List.of("bins", "density");

    private Histogram() {
    }

    public static Figure figure(List<DataColumn> columns, PlotOptions o) {
        o.check("a histogram", OPTIONS, List.of());
        int bins = o.integer("bins", 10, 1);
        if (bins > 10_000) throw new IllegalArgumentException("bins: at most 10000 bins can be drawn, not " + bins);
        boolean density = o.has("density") && o.flag("density");
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (DataColumn c : columns) {
            if (c.isEmpty()) throw new IllegalArgumentException("the column " + c.name() + " has no values to draw");
            for (double v : c) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double[] edges = edges(lo, hi, bins);
        List<Layer> layers = new ArrayList<>();
        List<String> series = new ArrayList<>();
        boolean several = columns.size() > 1;
        for (int k = 0; k < columns.size(); k++) {
            DataColumn c = columns.get(k);
            double[] heights = counts(c, edges);
            if (density) for (int i = 0; i < bins; i++) heights[i] /= c.size() * (edges[i + 1] - edges[i]);
            Color colour = Palette.onWhite(k);
            layers.add(bars(several ? c.name() : null, edges, heights, colour, several ? 0.5 : 1));   // one column: its name is the x axis's
            layers.add(outlines(edges, heights, several ? colour.darker() : Color.WHITE));
            series.add(c.name());
        }
        String x = several ? "value" : columns.get(0).name();
        Panel p = new Panel(null, Axis.auto(x), density ? new Axis("density", 0, Double.NaN, false) : Axis.counts("count"), layers, false);
        return new Figure(o.text("title", null), List.of(p), series);
    }

    /** bins + 1 equal edges from lo to hi, the last exactly hi (numpy's linspace); a single value's bins span it ± 0.5. */
    static double[] edges(double lo, double hi, int bins) {
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        double[] e = new double[bins + 1];
        double step = (hi - lo) / bins;
        for (int i = 0; i < bins; i++) e[i] = lo + i * step;
        e[bins] = hi;
        return e;
    }

    /** How many values lie in each bin: [eᵢ, eᵢ₊₁), the last [e_{n−1}, e_n] (numpy's histogram). */
    static double[] counts(List<Double> values, double[] edges) {
        int bins = edges.length - 1;
        double[] n = new double[bins];
        for (double v : values) {
            if (!(v >= edges[0] && v <= edges[bins])) continue;
            int i = java.util.Arrays.binarySearch(edges, v);
            i = i >= 0 ? Math.min(i, bins - 1) : -i - 2;   // an edge begins its bin; the last edge closes the last bin
            n[i]++;
        }
        return n;
    }

    /** The bars as one filled step outline from 0 (matplotlib's histtype 'stepfilled'). */
    private static Band bars(String legend, double[] edges, double[] heights, Color colour, double alpha) {
        int bins = heights.length;
        double[] x = new double[2 * bins], lower = new double[2 * bins], upper = new double[2 * bins];
        for (int i = 0; i < bins; i++) {
            x[2 * i] = edges[i];
            x[2 * i + 1] = edges[i + 1];
            upper[2 * i] = upper[2 * i + 1] = heights[i];
        }
        return new Band(legend, x, lower, upper, colour, alpha);
    }

    /** Each bar's edges, so neighbouring bars stay apart: one line per bar, broken between bars. */
    private static Curve outlines(double[] edges, double[] heights, Color colour) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < heights.length; i++) {
            if (heights[i] == 0) continue;
            pts.add(new double[]{edges[i], 0});
            pts.add(new double[]{edges[i], heights[i]});
            pts.add(new double[]{edges[i + 1], heights[i]});
            pts.add(new double[]{edges[i + 1], 0});
            pts.add(new double[]{Double.NaN, Double.NaN});
        }
        double[] x = new double[pts.size()], y = new double[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            x[i] = pts.get(i)[0];
            y[i] = pts.get(i)[1];
        }
        return new Curve(null, x, y, colour, Curve.Dash.SOLID, 0.8);
    }
}
