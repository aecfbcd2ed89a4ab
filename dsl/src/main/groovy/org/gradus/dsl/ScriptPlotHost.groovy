package org.gradus.dsl

import groovy.transform.CompileStatic
import org.gradus.plot.PlotHost

import java.nio.file.Files
import java.nio.file.Path

/**
 * Pictures of a running script: files are written relative to the script's folder and only inside its
 * folder tree; pictures without {@code file:} go to the terminal when the host has one, else to
 * {@code NAME-N.png} beside the script (NAME the script's name, N counting from 1 in each run).
 */
@CompileStatic
class ScriptPlotHost implements PlotHost {
    private final ScriptContext context

    ScriptPlotHost(ScriptContext context) {
        this.context = context
    }

    @Override
    Path fileForWriting(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException('file: needs a file name such as \'rosen.png\'')
        Path target = context.resolve(name)
        if (!target.startsWith(context.baseDir)) {
            throw new SecurityException("a script may write pictures only inside its own folder (${context.baseDir}); '${name}' is outside it")
        }
        Path dir = target.parent
        if (dir != null && !Files.isDirectory(dir)) throw new IllegalArgumentException("cannot write ${name}: the folder ${context.baseDir.relativize(dir)} does not exist")
        target
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
