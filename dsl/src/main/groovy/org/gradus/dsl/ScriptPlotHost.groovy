package org.gradus.dsl

import groovy.transform.CompileStatic
import org.gradus.io.FileAccess
import org.gradus.plot.PlotHost

/**
 * Pictures of a running script: files go through the script's file policy (inside its folder tree,
 * atomically); pictures without {@code file:} go to the terminal when the host has one, else to
 * {@code NAME-N.png} beside the script (NAME the script's name, N counting from 1 in each run).
 */
@CompileStatic
class ScriptPlotHost implements PlotHost {
    private final ScriptContext context

    ScriptPlotHost(ScriptContext context) {
        this.context = context
    }

    @Override
    FileAccess files() {
        context.files
    }

    @Override
    PlotHost.Screen terminal() {
        context.terminal?.get()
    }

    @Override
    String nextDefaultName() {
        String base = (context.scriptName ?: 'plot').replaceFirst(/\.[^.]*$/, '')
        "${base}-${++context.pictureCount}.png".toString()
    }
}
