package org.gradus.dsl

import groovy.transform.CompileStatic
import org.codehaus.groovy.control.CompilationUnit
import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.MultipleCompilationErrorsException
import org.codehaus.groovy.control.Phases
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.tools.GroovyClass
import org.gradus.dsl.compile.InteractiveTransforms
import org.gradus.dsl.compile.ParenthesizedNames
import org.gradus.dsl.compile.Sandbox
import org.gradus.dsl.compile.ScriptTransforms
import org.gradus.dsl.compile.StopChecks

import java.util.concurrent.atomic.AtomicInteger

/**
 * Compiles {@code .opt} scripts with the Gradus compiler configuration (script base class, the sandbox,
 * the rewrites). Every use of the Groovy compiler lives here, so that a run whose classes come from the
 * {@link ScriptCache} never loads it.
 */
@CompileStatic
final class ScriptCompiler {
    /** Scripts compiled in this JVM (tests use it to tell a cached run from a compiled one). */
    static final AtomicInteger COMPILATIONS = new AtomicInteger()

    private ScriptCompiler() {
    }

    static CompilerConfiguration configuration(boolean sandboxed, boolean interactive) {
        CompilerConfiguration cfg = new CompilerConfiguration()
        cfg.scriptBaseClass = GradusScript.name
        cfg.addCompilationCustomizers(new ParenthesizedNames())
        if (interactive) cfg.addCompilationCustomizers(new InteractiveTransforms.Declarations())
        if (sandboxed) cfg.addCompilationCustomizers(new Sandbox())
        cfg.addCompilationCustomizers(new ScriptTransforms())
        cfg.addCompilationCustomizers(new StopChecks())
        cfg
    }

    /** Compiles and instantiates a script (no cache); compile errors become located {@link GradusException}s. */
    static Script parse(String source, String fileName, boolean sandboxed, boolean interactive) {
        COMPILATIONS.incrementAndGet()
        GroovyShell shell = new GroovyShell(GradusSession.classLoader, new Binding(), configuration(sandboxed, interactive))
        try {
            return shell.parse(source, GradusSession.compiledName(fileName))
        } catch (MultipleCompilationErrorsException e) {
            throw new ErrorLocator(fileName, source).compileError(e)
        }
    }

    /**
     * Compiles a script to the bytes of all its classes (the script class and one per closure), as
     * {@link #parse} would compile it, without defining them.
     */
    static ScriptCache.Compiled compileClasses(String source, String fileName, boolean sandboxed, boolean interactive) {
        COMPILATIONS.incrementAndGet()
        CompilerConfiguration cfg = configuration(sandboxed, interactive)
        GroovyClassLoader resolver = new GroovyClassLoader(GradusSession.classLoader, cfg)
        try {
            CompilationUnit unit = new CompilationUnit(cfg, null, resolver)
            SourceUnit su = unit.addSource(GradusSession.compiledName(fileName), source)
            unit.compile(Phases.CLASS_GENERATION)
            Map<String, byte[]> classes = new LinkedHashMap<>()
            for (GroovyClass gc : unit.classes) classes.put(gc.name, gc.bytes)
            String main = su.AST.classes[0].name
            return new ScriptCache.Compiled(main, classes)
        } catch (MultipleCompilationErrorsException e) {
            throw new ErrorLocator(fileName, source).compileError(e)
        } finally {
            resolver.close()
        }
    }
}
