package org.gradus.dsl

import org.gradus.optim.Constraint
import org.gradus.plot.Pictures
import org.gradus.plot.PlotResult
import org.gradus.plot.Plotter
import org.gradus.plot.pictures.PlotOptions

/**
 * The words {@code plot} and {@code animate}: they convert the script's values (ranges, blocks of
 * constraints) and call the plot module, which asks the engine for grids and reads results' traces.
 * <pre>
 * plot f, x: -2..2, y: -1..3, path: [r1, r2], file: 'rosen.png'
 * plot r1, r2, file: 'convergence.svg'
 * </pre>
 */
trait PlotVocabulary {

    /** Draws a picture of the targets (see SPEC §2 "Pictures"); shows where it went. */
    PlotResult plot(Map options = [:], Object... targets) {
        PlotOptions o = new PlotOptions(PlotArguments.options(options, this))
        Plotter.show(Pictures.figure(PlotArguments.targets(targets), o), o, plotHost())
    }

    private ScriptPlotHost plotHost() {
        ScriptContext ctx = binding.hasVariable(ScriptContext.BINDING_NAME) ? (ScriptContext) binding.getVariable(ScriptContext.BINDING_NAME) : null
        if (ctx == null) ctx = new ScriptContext({ } as java.util.function.Consumer, java.nio.file.Path.of('.'))
        new ScriptPlotHost(ctx)
    }

    /** {@code subjectTo: { ... }} of a plot, as constraints (the comparisons are rewritten by the compiler). */
    abstract List<Constraint> collectConstraints(Object block)
}
