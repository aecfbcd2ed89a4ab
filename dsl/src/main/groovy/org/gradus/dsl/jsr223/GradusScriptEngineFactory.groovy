package org.gradus.dsl.jsr223

import groovy.transform.CompileStatic

import javax.script.ScriptEngine
import javax.script.ScriptEngineFactory

/** Registers the {@code gradus} JSR-223 engine (names: gradus; extension: opt). */
@CompileStatic
class GradusScriptEngineFactory implements ScriptEngineFactory {
    String getEngineName() { 'Gradus' }
    String getEngineVersion() { '0.1.0' }
    List<String> getExtensions() { ['opt'] }
    List<String> getMimeTypes() { ['application/x-gradus'] }
    List<String> getNames() { ['gradus', 'Gradus'] }
    String getLanguageName() { 'gradus' }
    String getLanguageVersion() { '0.1' }
    Object getParameter(String key) {
        switch (key) {
            case 'javax.script.engine': return engineName
            case 'javax.script.engine_version': return engineVersion
            case 'javax.script.name': return 'gradus'
            case 'javax.script.language': return languageName
            case 'javax.script.language_version': return languageVersion
            default: return null
        }
    }
    String getMethodCallSyntax(String obj, String m, String... args) { "${obj}.${m}(${args.join(', ')})" }
    String getOutputStatement(String toDisplay) { "println(${toDisplay})" }
    String getProgram(String... statements) { statements.join('\n') }
    ScriptEngine getScriptEngine() { new GradusScriptEngine(this) }
}
