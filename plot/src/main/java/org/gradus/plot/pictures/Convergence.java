package org.gradus.plot.pictures;

import org.gradus.plot.figure.Axis;
import org.gradus.plot.figure.Curve;
import org.gradus.plot.figure.Figure;
import org.gradus.plot.figure.Layer;
import org.gradus.plot.figure.Markers;
import org.gradus.plot.figure.Palette;
import org.gradus.plot.figure.Panel;
import org.gradus.plot.render.Ticks;
import org.gradus.plot.runs.RunView;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code plot r1, r2, ...}: how runs converge, read from their traces — f − f* (f* the best value any of
 * them reached, or {@code fStar:}) and ‖∇f‖∞ on log scales, one line per run, against the iteration, or
 * with {@code against: 'seconds'} or {@code 'evaluations'} against the cost (Newton's few expensive
 * steps beside Adam's many cheap ones). A mini-batch run's noisy batch f is drawn thin, with the full
 * objective at each epoch's end (recorded with {@code trace: true}) as a bold line over it, or else the mean of its
 * batch values over each epoch; its batch values never set f*. A constrained run's iterates may lie outside the
 * feasible set, below its minimum: only its result sets f*, its gap is |f − f*|, and its gradient column is the
 * augmented Lagrangian's.
 */
public final class Convergence {
    static final List<String> OPTIONS = List.of("fStar", "against");

    private Convergence() {
    }

    public static Figure figure(List<Object> results, PlotOptions o) {
        o.check("a convergence plot", OPTIONS, List.of());
        List<RunView> runs = Inputs.runs(results, "plot");
        String against = o.text("against", "iteration");
        if (!List.of("iteration", "seconds", "evaluations").contains(against)) {
            throw new IllegalArgumentException("against: 'iteration', 'seconds' or 'evaluations', not '" + against + "'");
        }
        boolean maximize = runs.stream().anyMatch(RunView::maximize);
        double fStar = o.has("fStar") ? o.number("fStar", 0) : best(runs, maximize);
        List<String> names = PathLayers.names(runs);
        List<Layer> gap = new ArrayList<>(), grad = new ArrayList<>();
        boolean anyGrad = false;
        for (int k = 0; k < runs.size(); k++) {
            RunView r = runs.get(k);
            double[] x = xs(r, against);
            var colour = Palette.onWhite(k);
            double[] g = new double[r.rows()];
            for (int i = 0; i < g.length; i++) {       // a constrained run's iterates may lie beyond f*, outside the feasible set
                double d = maximize ? fStar - r.fValues()[i] : r.fValues()[i] - fStar;
                g[i] = positive(r.constrained() ? Math.abs(d) : d);
            }
            boolean noisy = r.miniBatch();
            String legend = PathLayers.legend(names.get(k), r);
            String batchNote = r.fullF() != null ? " (batch f)" : " (batch f; trace: true adds the full f per epoch)";
            gap.add(new Curve(noisy ? legend + batchNote : legend, x, g, noisy ? Palette.alpha(colour, 0.45) : colour, Curve.Dash.SOLID, noisy ? 1 : 2));
            if (r.fullF() != null) gap.addAll(fullF(r, x, fStar, maximize, colour, names.get(k)));
            else if (noisy) gap.add(epochMeans(r, x, fStar, maximize, colour, names.get(k)));
            double[] gn = r.gradNorm().clone();
            for (int i = 0; i < gn.length; i++) gn[i] = positive(gn[i]);
            anyGrad |= java.util.Arrays.stream(gn).anyMatch(Double::isFinite);
            grad.add(new Curve(null, x, gn, noisy ? Palette.alpha(colour, 0.45) : colour, Curve.Dash.SOLID, noisy ? 1 : 2));
        }
        Axis xAxis = Axis.auto(switch (against) {
            case "seconds" -> "seconds";
            case "evaluations" -> "evaluations of f";
            default -> "iteration";
        });
        boolean constrained = runs.stream().anyMatch(RunView::constrained), allConstrained = runs.stream().allMatch(RunView::constrained);
        String gapLabel = constrained ? "|f − f*|" : maximize ? "f* − f" : "f − f*";
        String gapTitle = gapLabel + ", with f* = " + Ticks.format(fStar) + (o.has("fStar") ? ""
                : constrained ? " (the best value reached at a feasible point)" : " (the best value reached)");
        String gradLabel = allConstrained ? "‖∇L‖∞ (augmented Lagrangian)" : constrained ? "‖∇f‖∞; ‖∇L‖∞ with constraints" : "‖∇f‖∞";
        List<Panel> panels = new ArrayList<>();
        panels.add(new Panel(gapTitle, xAxis, Axis.log(gapLabel), gap, false));
        if (anyGrad) panels.add(new Panel(null, xAxis, Axis.log(gradLabel), grad, false));
        return new Figure(o.text("title", null), panels, names);
    }

    /**
     * The best value any run reached: its own final f or any recorded one — of a mini-batch run only its
     * full objective (a batch estimate on a few rows can lie far below the objective's minimum).
     */
    static double best(List<RunView> runs, boolean maximize) {
        double best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (RunView r : runs) {
            if (r.fullF() != null) {
                for (double v : r.fullF()) if (Double.isFinite(v)) best = maximize ? Math.max(best, v) : Math.min(best, v);
            } else if (!r.miniBatch() && !r.constrained()) {     // a constrained run's iterates may be infeasible: its result only
                for (double v : r.fValues()) if (Double.isFinite(v)) best = maximize ? Math.max(best, v) : Math.min(best, v);
            }
            if (Double.isFinite(r.f())) best = maximize ? Math.max(best, r.f()) : Math.min(best, r.f());
        }
        return Double.isFinite(best) ? best : 0;
    }

    private static double[] xs(RunView r, String against) {
        double[] x = switch (against) {
            case "seconds" -> r.seconds();
            case "evaluations" -> r.evals();
            default -> r.iteration();
        };
        if (x == null) throw new IllegalArgumentException("the " + r.method() + " run did not record " + against);
        return x;
    }

    /** The full objective at each epoch's end, as a bold line with dots. */
    private static List<Layer> fullF(RunView r, double[] x, double fStar, boolean maximize, java.awt.Color colour, String name) {
        List<Double> px = new ArrayList<>(), py = new ArrayList<>();
        for (int i = 0; i < r.rows(); i++) {
            double v = r.fullF()[i];
            if (Double.isFinite(v)) {
                px.add(x[i]);
                py.add(positive(maximize ? fStar - v : v - fStar));
            }
        }
        double[] ax = px.stream().mapToDouble(Double::doubleValue).toArray(), ay = py.stream().mapToDouble(Double::doubleValue).toArray();
        return List.of(new Curve(name + ": full objective at each epoch's end", ax, ay, colour, Curve.Dash.SOLID, 2.5),
                new Markers(null, ax, ay, Markers.Shape.DOT, colour, 6, null));
    }

    /**
     * The mean of the recorded batch values over each epoch, as a bold line at the epoch's last recorded row (what Keras
     * reports as an epoch's loss): without {@code trace: true} the full objective is not computed, and the batch values
     * alone scatter so widely — many below f*, with no place on a log scale — that the run's course is hard to see.
     */
    private static Curve epochMeans(RunView r, double[] x, double fStar, boolean maximize, java.awt.Color colour, String name) {
        List<Double> px = new ArrayList<>(), py = new ArrayList<>();
        double sum = 0;
        int count = 0, previous = 0;
        for (int i = 1; i < r.rows(); i++) {      // row 0 is the start, before any batch
            if (Double.isFinite(r.fValues()[i])) {
                sum += r.fValues()[i];
                count++;
            }
            boolean last = i == r.rows() - 1 || r.epochs()[i + 1] != r.epochs()[i];
            if (last && i == r.rows() - 1 && 2 * count < previous) break;   // the run's last row alone past the last full epoch: no mean
            if (last && count > 0) {
                previous = count;
                double mean = sum / count;
                px.add(x[i]);
                py.add(positive(maximize ? fStar - mean : mean - fStar));
                sum = 0;
                count = 0;
            }
        }
        return new Curve(name + ": mean batch f over each epoch", px.stream().mapToDouble(Double::doubleValue).toArray(),
                py.stream().mapToDouble(Double::doubleValue).toArray(), colour, Curve.Dash.SOLID, 2.5);
    }

    /** v when positive, else NaN (a gap of 0 has no place on a log scale). */
    static double positive(double v) {
        return v > 0 ? v : Double.NaN;
    }
}
