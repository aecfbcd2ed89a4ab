package org.gradus.dsl.vocabulary

import org.gradus.dsl.PlotArguments
import org.gradus.dsl.ScriptContext
import org.gradus.dsl.ScriptPlotHost
import org.gradus.expr.Expr
import org.gradus.plot.Animator
import org.gradus.plot.Pictures
import org.gradus.plot.PlotResult
import org.gradus.plot.Plotter
import org.gradus.plot.pictures.PlotOptions

import java.nio.file.Path
import java.util.function.Consumer

/**
 * {@code plot} and {@code animate} (SPEC §2 "Pictures"): they convert the script's values (ranges,
 * blocks of constraints) and call the plot module, which asks the engine for grids and reads results'
 * traces.
 * <pre>
 * plot f, x: -2..2, y: -1..3, path: [r1, r2], file: 'rosen.png'
 * plot r1, r2, file: 'convergence.svg'
 * </pre>
 */
trait PlotVocabulary implements ScriptAccess {

    /** Draws a picture of the targets; shows where it went (a file, or the terminal). */
    PlotResult plot(Map options = [:], Object... targets) {
        PlotOptions o = new PlotOptions(PlotArguments.options(options, (OptimizationVocabulary) this))
        Plotter.show(Pictures.figure(PlotArguments.targets(targets), o), o, plotHost())
    }

    /** An animated GIF of descent paths advancing together over f's level sets: {@code animate f, path: [r1, r2], file: 'race.gif'}. */
    PlotResult animate(Map options = [:], Object f) {
        PlotOptions o = new PlotOptions(PlotArguments.options(options, (OptimizationVocabulary) this))
        Object target = PlotArguments.value(f)
        if (!(target instanceof Expr)) throw new IllegalArgumentException("animate draws descent paths over a function of two variables, not ${PlotArguments.describe(target)}")
        Animator.animate((Expr) target, o, plotHost())
    }

    private ScriptPlotHost plotHost() {
        ScriptContext ctx = context()
        new ScriptPlotHost(ctx ?: new ScriptContext({ } as Consumer, Path.of('.')))
    }
}
