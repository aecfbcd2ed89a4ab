package org.gradus.plot;

import org.gradus.atoms.array.Shapes;
import org.gradus.data.DataColumn;
import org.gradus.data.DataSet;
import org.gradus.expr.Expr;
import org.gradus.optim.OptimizationResult;
import org.gradus.optim.schedule.Schedule;
import org.gradus.plot.figure.Figure;
import org.gradus.plot.pictures.Convergence;
import org.gradus.plot.pictures.DataPicture;
import org.gradus.plot.pictures.Histogram;
import org.gradus.plot.pictures.Landscape;
import org.gradus.plot.pictures.LevelSets;
import org.gradus.plot.pictures.OneVariable;
import org.gradus.plot.pictures.PlotOptions;
import org.gradus.plot.pictures.SchedulePicture;
import org.gradus.plot.pictures.SurfacePicture;
import org.gradus.plot.runs.RunView;

import java.util.List;

/**
 * The picture {@code plot} draws, chosen by what is plotted:
 * <ul>
 * <li>a function of two variables → level sets, with paths, stationary points, feasible sets, balls;</li>
 * <li>functions of one variable → their graphs, with tangents, Taylor polynomials, secants,
 * monotonicity and stationary points;</li>
 * <li>results of minimize/maximize → convergence (f − f* and ‖∇f‖ per iteration, seconds or evaluations);</li>
 * <li>schedules → the learning rate per step;</li>
 * <li>a data set → its rows coloured by the target, with a fitted model;</li>
 * <li>columns of a data set → their histogram;</li>
 * <li>a function of many variables {@code around:} a result → its landscape on a plane through the result.</li>
 * </ul>
 */
public final class Pictures {
    private Pictures() {
    }

    /**
     * The figure for these targets and options.
     *
     * @throws IllegalArgumentException when nothing fits, saying what can be plotted
     */
    public static Figure figure(List<Object> targets, PlotOptions o) {
        if (targets.isEmpty()) throw new IllegalArgumentException(nothingToDraw(o));
        if (all(targets, OptimizationResult.class) || all(targets, RunView.class)) return Convergence.figure(targets, o);
        if (all(targets, Schedule.class)) return SchedulePicture.figure(targets.stream().map(Schedule.class::cast).toList(), o);
        if (targets.size() == 1 && targets.get(0) instanceof DataSet d) return DataPicture.figure(d, o);
        if (all(targets, DataColumn.class)) return Histogram.figure(targets.stream().map(DataColumn.class::cast).toList(), o);
        if (all(targets, Expr.class)) for (Object f : targets) Shapes.requireScalar((Expr) f, "plot");
        if (all(targets, Expr.class) && o.has("around")) {
            if (targets.size() != 1) throw new IllegalArgumentException("around: draws one function on a plane through a result");
            return Landscape.figure((Expr) targets.get(0), o);
        }
        if (all(targets, Expr.class)) {
            List<Expr> fs = targets.stream().map(Expr.class::cast).toList();
            if (fs.size() == 1 && fs.get(0).layout().dimension() >= 2) {
                return o.has("surface") && o.flag("surface") ? SurfacePicture.figure(fs.get(0), o) : LevelSets.figure(fs.get(0), o);
            }
            return OneVariable.figure(fs, o);
        }
        throw new IllegalArgumentException("cannot plot " + describe(targets) + "; plot draws functions of one or two variables, "
                + "results of minimize (their convergence), schedules, a data set, or its columns (a histogram: plot data['price'])");
    }

    /**
     * The message for a plot of options alone: what can come before them, and, when an option holds what it should have
     * drawn ({@code plot convergence: [r1, r2]}), that value as the thing to draw.
     */
    static String nothingToDraw(PlotOptions o) {
        String forms = "plot needs something to draw before its options: plot f, x: -2..2 (a curve), plot f, x: -2..2, y: -2..2 "
                + "(level sets), plot r1, r2 (the convergence of minimize results), plot cosine(period: 100) (a schedule), plot data";
        for (String name : o.names()) {
            Object v = o.get(name);
            List<?> items = v instanceof List<?> l ? l : List.of(v == null ? "" : v);
            if (!items.isEmpty() && items.stream().allMatch(OptimizationResult.class::isInstance)) {
                return forms + "; '" + name + ":' is not an option: the results go first, as in plot r1, r2, file: 'runs.png'";
            }
        }
        return forms;
    }

    private static boolean all(List<Object> targets, Class<?> type) {
        return targets.stream().allMatch(type::isInstance);
    }

    static String describe(List<Object> targets) {
        if (targets.size() == 1) {
            Object t = targets.get(0);
            return t instanceof CharSequence ? "the text '" + t + "'" : String.valueOf(t);
        }
        return "a mix of " + targets.size() + " values";
    }
}
