package org.gradus.dsl.jsr223

import groovy.transform.CompileStatic
import org.gradus.dsl.GradusException
import org.gradus.dsl.GradusSession
import org.gradus.result.Shown

import javax.script.AbstractScriptEngine
import javax.script.Bindings
import javax.script.ScriptContext
import javax.script.ScriptEngineFactory
import javax.script.ScriptException
import javax.script.SimpleBindings

/**
 * The JSR-223 script engine {@code gradus}: {@code eval} runs script text in one sandboxed session
 * (variables persist between calls) and returns the list of values the script showed.
 */
@CompileStatic
class GradusScriptEngine extends AbstractScriptEngine {
    private final GradusScriptEngineFactory factory
    private final GradusSession session = new GradusSession()

    GradusScriptEngine(GradusScriptEngineFactory factory) {
        this.factory = factory
    }

    GradusSession getSession() { session }

    @Override
    Object eval(String script, ScriptContext context) throws ScriptException {
        Bindings b = context.getBindings(ScriptContext.ENGINE_SCOPE)
        b?.each { k, v -> session.predefined.put(k, v) }
        try {
            List<Shown> shown = session.run(script, 'script.opt')
            return shown
        } catch (GradusException e) {
            ScriptException se = new ScriptException(e.message, e.file, e.line, e.column)
            se.initCause(e)
            throw se
        }
    }

    @Override
    Object eval(Reader reader, ScriptContext context) throws ScriptException {
        eval(reader.text, context)
    }

    @Override
    Bindings createBindings() { new SimpleBindings() }

    @Override
    ScriptEngineFactory getFactory() { factory }
}
