package org.gradus.dsl.jsr223;

import org.gradus.api.Gradus;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import java.util.List;

/**
 * Registers the JSR-223 engine {@code gradus} (names {@code gradus}, {@code Gradus}; extension {@code opt};
 * MIME type {@code application/x-gradus}) with {@code javax.script.ScriptEngineManager}.
 */
public final class GradusScriptEngineFactory implements ScriptEngineFactory {
    @Override
    public String getEngineName() {
        return "Gradus";
    }

    @Override
    public String getEngineVersion() {
        return Gradus.version();
    }

    @Override
    public List<String> getExtensions() {
        return List.of("opt");
    }

    @Override
    public List<String> getMimeTypes() {
        return List.of("application/x-gradus");
    }

    @Override
    public List<String> getNames() {
        return List.of("gradus", "Gradus");
    }

    @Override
    public String getLanguageName() {
        return "gradus";
    }

    @Override
    public String getLanguageVersion() {
        return "0.1";
    }

    @Override
    public Object getParameter(String key) {
        return switch (key) {
            case ScriptEngine.ENGINE -> getEngineName();
            case ScriptEngine.ENGINE_VERSION -> getEngineVersion();
            case ScriptEngine.NAME -> "gradus";
            case ScriptEngine.LANGUAGE -> getLanguageName();
            case ScriptEngine.LANGUAGE_VERSION -> getLanguageVersion();
            default -> null;                          // "THREADING": null, one eval at a time per engine
        };
    }

    @Override
    public String getMethodCallSyntax(String obj, String m, String... args) {
        return obj + "." + m + "(" + String.join(", ", args) + ")";
    }

    @Override
    public String getOutputStatement(String toDisplay) {
        return "println(" + toDisplay + ")";
    }

    @Override
    public String getProgram(String... statements) {
        return String.join("\n", statements);
    }

    @Override
    public ScriptEngine getScriptEngine() {
        return new GradusScriptEngine(this);
    }
}
