package org.gradus.dsl

import groovy.transform.CompileStatic

/**
 * A script compiled once ({@link GradusSession#prepare}) to be run any number of times, each time on
 * variables of its own ({@link GradusSession#run(ScriptProgram, Binding, java.nio.file.Path)}); the JSR-223
 * engine's compiled scripts are these.
 */
@CompileStatic
final class ScriptProgram {
    final Class<? extends Script> type
    final ErrorLocator locator

    ScriptProgram(Class<? extends Script> type, ErrorLocator locator) {
        this.type = type
        this.locator = locator
    }

    /** The file name the script was compiled under, as errors name it. */
    String getFileName() { locator.fileName }
}
