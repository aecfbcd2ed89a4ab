package org.gradus.dsl

import groovy.transform.CompileStatic
import org.codehaus.groovy.control.CompilationUnit
import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.MultipleCompilationErrorsException
import org.codehaus.groovy.control.Phases
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.runtime.InvokerHelper
import org.codehaus.groovy.tools.GroovyClass
import org.gradus.dsl.compile.BodySplitter
import org.gradus.dsl.compile.GuardTransform
import org.gradus.dsl.compile.ScriptFunctions
import org.gradus.dsl.compile.InteractiveTransforms
import org.gradus.dsl.compile.ParenthesizedNames
import org.gradus.dsl.compile.SpacedCalls
import org.gradus.dsl.compile.Sandbox
import org.gradus.dsl.compile.SandboxSyntax
import org.gradus.dsl.compile.ScriptTransforms
import org.gradus.dsl.compile.StopChecks

import java.util.concurrent.atomic.AtomicInteger
import java.util.concurrent.atomic.AtomicReference

/**
 * Compiles {@code .opt} scripts with the Gradus compiler configuration (script base class, the sandbox,
 * the rewrites). Every use of the Groovy compiler lives here, so that a run whose classes come from the
 * {@link ScriptCache} never loads it.
 *
 * <p>Nothing a script writes runs at compile time: every global AST transformation on the class path
 * ({@code @Grab}'s among them) is switched off, the sandbox refuses annotations (which would trigger local
 * ones) right after parsing, and no source file is ever looked up to resolve a name. The compiler runs on
 * a thread with a large stack, so deeply nested code is an error message, not a crash of the caller; any
 * failure inside the compiler becomes a located {@link GradusException} (exit code 3).
 */
@CompileStatic
final class ScriptCompiler {
    /** Scripts compiled in this JVM (tests use it to tell a cached run from a compiled one). */
    static final AtomicInteger COMPILATIONS = new AtomicInteger()

    /** Stack of the compiling thread: deep expressions (long sums, nested calls) recurse in the compiler. */
    static final long COMPILER_STACK_BYTES = 256L << 20

    /** The global AST transformations on the class path; all are switched off for scripts. */
    static final Set<String> GLOBAL_TRANSFORMS = globalTransforms()

    private ScriptCompiler() {
    }

    /**
     * The configuration scripts compile with. {@code staticChecks = false} leaves out the compile-time
     * refusals and keeps only the run-time guard: tests use it to show that the run-time layer alone
     * refuses every dynamic route; nothing else should.
     */
    static CompilerConfiguration configuration(boolean sandboxed, boolean interactive, boolean staticChecks = true) {
        CompilerConfiguration cfg = new CompilerConfiguration()
        cfg.scriptBaseClass = GradusScript.name
        cfg.sourceEncoding = 'UTF-8'
        cfg.disabledGlobalASTTransformations = GLOBAL_TRANSFORMS
        cfg.addCompilationCustomizers(new ParenthesizedNames())
        cfg.addCompilationCustomizers(new SpacedCalls())
        if (interactive) cfg.addCompilationCustomizers(new InteractiveTransforms.Declarations())
        else cfg.addCompilationCustomizers(new BodySplitter.Prepare())
        if (sandboxed && staticChecks) cfg.addCompilationCustomizers(new SandboxSyntax(), new Sandbox())
        cfg.addCompilationCustomizers(new ScriptFunctions())
        cfg.addCompilationCustomizers(new ScriptTransforms())
        if (sandboxed) cfg.addCompilationCustomizers(new GuardTransform())
        cfg.addCompilationCustomizers(new StopChecks())
        if (!interactive) cfg.addCompilationCustomizers(new BodySplitter.Split())
        cfg
    }

    /** Compiles and instantiates a script (no cache); compile errors become located {@link GradusException}s. */
    static Script parse(String source, String fileName, boolean sandboxed, boolean interactive) {
        ScriptCache.Compiled compiled = compileClasses(source, fileName, sandboxed, interactive)
        InvokerHelper.createScript(compiled.define(GradusSession.classLoader), new Binding())
    }

    /**
     * Compiles a script to the bytes of all its classes (the script class and one per closure), as
     * {@link #parse} would compile it, without defining them.
     */
    static ScriptCache.Compiled compileClasses(String source, String fileName, boolean sandboxed, boolean interactive,
                                               boolean staticChecks = true) {
        COMPILATIONS.incrementAndGet()
        String text = ScriptSource.withoutBom(source)
        ErrorLocator locator = new ErrorLocator(fileName, text)
        ScriptSource.checkNesting(text, locator)
        CompilerConfiguration cfg = configuration(sandboxed, interactive, staticChecks)
        onLargeStack(locator) { compileNow(text, fileName, cfg, locator) }
    }

    private static ScriptCache.Compiled compileNow(String source, String fileName, CompilerConfiguration cfg, ErrorLocator locator) {
        GroovyClassLoader resolver = new GroovyClassLoader(GradusSession.classLoader, cfg)
        resolver.resourceLoader = { String name -> null } as GroovyResourceLoader      // never compile a source file found by name
        try {
            CompilationUnit unit = new CompilationUnit(cfg, null, resolver)
            unit.progressCallback = new CompilationUnit.ProgressCallback() {
                @Override
                void call(org.codehaus.groovy.control.ProcessingUnit context, int phase) {
                    checkInterrupted()
                }
            }
            SourceUnit su = unit.addSource(GradusSession.compiledName(fileName), source)
            unit.compile(Phases.CLASS_GENERATION)
            Map<String, byte[]> classes = new LinkedHashMap<>()
            for (GroovyClass gc : unit.classes) classes.put(gc.name, gc.bytes)
            String main = su.AST.classes[0].name
            return new ScriptCache.Compiled(main, classes)
        } catch (MultipleCompilationErrorsException e) {
            throw locator.compileError(e)
        } finally {
            resolver.close()
        }
    }

    /** Runs the compiler on its own thread with a large stack; its failures become located errors. */
    private static ScriptCache.Compiled onLargeStack(ErrorLocator locator, Closure<ScriptCache.Compiled> work) {
        AtomicReference<Object> result = new AtomicReference<>()
        Thread t = new Thread(null, {
            try {
                result.set(work.call())
            } catch (Throwable e) {
                result.set(e)
            }
        } as Runnable, 'gradus-compiler', COMPILER_STACK_BYTES)
        t.daemon = true
        t.start()
        try {
            t.join()
        } catch (InterruptedException e) {
            t.interrupt()               // the compiler stops at its next phase
            Thread.currentThread().interrupt()
            throw new GradusException('compilation was interrupted', locator.fileName, 0, 0, null, GradusException.RUNTIME, e)
        }
        Object r = result.get()
        if (r instanceof ScriptCache.Compiled) return (ScriptCache.Compiled) r
        if (r instanceof GradusException) throw (GradusException) r
        throw locator.compilerFailure((Throwable) r)
    }

    /**
     * Ends the compilation when its thread was interrupted (the run was stopped: time limit, cancel):
     * called between the compiler's phases and, inside the longest of Gradus's own transformations, for
     * every statement, so a stopped compilation does not go on using a core.
     */
    static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) throw new CompilationInterrupted()
    }

    /** Thrown between compiler phases when the compiling thread was interrupted. */
    static final class CompilationInterrupted extends RuntimeException {
        CompilationInterrupted() {
            super('compilation was interrupted')
        }
    }

    private static Set<String> globalTransforms() {
        Set<String> names = new TreeSet<>()
        for (ClassLoader loader : [GradusSession.classLoader, Thread.currentThread().contextClassLoader, ClassLoader.systemClassLoader]) {
            if (loader == null) continue
            for (URL url : Collections.list(loader.getResources('META-INF/services/org.codehaus.groovy.transform.ASTTransformation'))) {
                url.withReader('UTF-8') { Reader r ->
                    r.readLines().each { String line ->
                        String name = line.replaceFirst(/#.*/, '').trim()
                        if (!name.isEmpty()) names.add(name)
                    }
                }
            }
        }
        Collections.unmodifiableSet(names)
    }
}
