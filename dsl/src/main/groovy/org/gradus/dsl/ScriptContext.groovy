package org.gradus.dsl

import groovy.transform.CompileStatic
import org.gradus.dsl.run.RunControl
import org.gradus.optim.ProgressListener
import org.gradus.result.Results
import org.gradus.result.Shown

import java.nio.file.Path
import java.util.function.Consumer

/**
 * What a running script needs from its host: where shown values go, the folder its relative paths are
 * read from (data files, trace files), and an optional progress listener for long runs.
 */
@CompileStatic
class ScriptContext {
    /** The binding variable under which a script finds its context. */
    static final String BINDING_NAME = '__gradusContext'

    final Consumer<Shown> sink
    final Path baseDir
    ProgressListener progress

    ScriptContext(Consumer<Shown> sink, Path baseDir) {
        this.sink = sink
        this.baseDir = baseDir.toAbsolutePath().normalize()
    }

    /** Shows a value; a run that has been stopped (time limit, output closed) shows nothing more. */
    void show(Object value) {
        RunControl.checkStopped()
        if (value != null) sink.accept(Results.of(value))
    }

    /** A path the script named, resolved against the script's folder. */
    Path resolve(String file) {
        baseDir.resolve(file).normalize()
    }
}
