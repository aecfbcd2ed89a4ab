package org.gradus.plot;

import org.gradus.expr.Expr;
import org.gradus.plot.figure.Figure;
import org.gradus.plot.pictures.LevelSets;
import org.gradus.plot.pictures.PlotOptions;

import java.util.List;

/**
 * The pictures {@code plot} draws, chosen by what is plotted: a function of two variables → level sets
 * (with paths, feasible sets, balls); further pictures are added beside it.
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
        if (targets.isEmpty()) throw new IllegalArgumentException("plot needs something to draw: plot f, x: -2..2, y: -2..2");
        Object first = targets.get(0);
        if (targets.size() == 1 && first instanceof Expr f && f.layout().dimension() >= 2) return LevelSets.figure(f, o);
        throw new IllegalArgumentException("cannot plot " + describe(targets) + "; plot draws a function of one or two variables, "
                + "results of minimize (convergence), schedules, or a data set");
    }

    static String describe(List<Object> targets) {
        return targets.size() == 1 ? String.valueOf(targets.get(0)) : targets.size() + " values";
    }
}
