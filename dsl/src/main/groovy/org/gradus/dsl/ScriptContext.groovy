package org.gradus.dsl

import groovy.transform.CompileStatic
import org.gradus.optim.ProgressListener
import org.gradus.plot.PlotHost
import org.gradus.result.Results
import org.gradus.result.Shown

import java.nio.file.Path
import java.util.function.Consumer

/**
 * What a running script needs from its host: where shown values go, the folder its relative paths are
 * read from (data files, trace files, pictures), an optional progress listener for long runs, and the
 * terminal (if any) pictures are drawn in.
 */
@CompileStatic
class ScriptContext {
    /** The binding variable under which a script finds its context. */
    static final String BINDING_NAME = '__gradusContext'

    final Consumer<Shown> sink
    final Path baseDir
    ProgressListener progress
    /** The script's file name (pictures without {@code file:} are named after it), or null. */
    String scriptName
    /** The terminal pictures are drawn in (asked for when needed), or null when the output is not a terminal. */
    java.util.function.Supplier<PlotHost.Screen> terminal
    /** Pictures written without {@code file:} so far in this run. */
    int pictureCount

    ScriptContext(Consumer<Shown> sink, Path baseDir) {
        this.sink = sink
        this.baseDir = baseDir.toAbsolutePath().normalize()
    }

    void show(Object value) {
        if (value != null) sink.accept(Results.of(value))
    }

    /** A path the script named, resolved against the script's folder. */
    Path resolve(String file) {
        baseDir.resolve(file).normalize()
    }
}
