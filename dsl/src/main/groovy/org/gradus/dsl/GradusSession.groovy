package org.gradus.dsl

import groovy.transform.CompileStatic
import org.codehaus.groovy.runtime.InvokerHelper
import org.gradus.io.FileAccess
import org.gradus.io.FilePolicy
import org.gradus.io.OutputLedger
import org.gradus.optim.ProgressListener
import org.gradus.result.Shown

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.ExecutionException
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.Future
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException
import java.util.function.Consumer

/**
 * Runs Gradus scripts: the embedding API behind the command line, the REPL and the JSR-223 engine.
 *
 * <pre>
 * def session = new GradusSession()                       // sandboxed, no time limit
 * List&lt;Shown&gt; shown = session.run(Path.of('model.opt'))
 * shown.each { println it.toJson() }
 * </pre>
 *
 * Variables persist between {@link #run} calls on the same session (the REPL relies on this); use a
 * new session for a fresh start. Failures are {@link GradusException}s carrying file, line, column
 * and the exit code.
 */
@CompileStatic
class GradusSession {
    /** Run scripts in the sandbox (the default everywhere). */
    boolean sandboxed = true
    /** Seconds a run may take; 0 for no limit. */
    double timeLimit = 0
    /** Where {@code println} writes; null for System.out. */
    PrintStream scriptOut
    /** Called with each shown value as it is shown (besides being collected). */
    Consumer<Shown> listener
    /** Progress of long optimizations; null for none. */
    ProgressListener progress
    /**
     * REPL mode: each run is one input of an interactive session. A top-level {@code def name = ...}
     * then defines a session variable (as {@code name = ...} does), and loops and closures stop when
     * {@link #interrupt()} is called. Off by default: {@code gradus run} compiles scripts unchanged.
     */
    boolean interactive = false
    /**
     * Folders a sandboxed script may read besides its own folder tree ({@code --allow-read DIR}); see
     * {@link FilePolicy}. Each must exist when a run starts.
     */
    final List<Path> allowRead = []
    /** Folders a sandboxed script may write outputs into besides its own folder tree ({@code --allow-write DIR}). */
    final List<Path> allowWrite = []
    /** The outputs this session wrote: a script may replace those, and no other existing file. */
    private final OutputLedger outputs = OutputLedger.inMemory()

    /**
     * The file policy of a run whose relative names resolve against {@code baseDir}: with the sandbox,
     * reads and writes inside {@code baseDir}'s tree and the {@link #allowRead}/{@link #allowWrite}
     * folders only; without it, anything.
     */
    FileAccess fileAccess(Path baseDir) {
        if (!sandboxed) return FilePolicy.unrestricted(baseDir)
        FilePolicy.Builder b = FilePolicy.forScript(baseDir).ledger(outputs)
        allowRead.each { b.allowRead(it) }
        allowWrite.each { b.allowWrite(it) }
        b.build()
    }

    /** Values defined before the script runs ({@code --set name=value}). */
    final Map<String, Object> predefined = new LinkedHashMap<>()

    /**
     * Where compiled scripts are cached ({@link ScriptCache}); null (the default) for no cache. The
     * {@code gradus} command sets it; the REPL (interactive sessions) never uses it.
     */
    Path cacheDir

    /**
     * Milliseconds the last run spent compiling (or loading from the cache) and running its script (for
     * start-up measurements).
     */
    double lastCompileMillis, lastRunMillis
    /** Whether the last run's classes came from the cache instead of the compiler. */
    boolean lastRunCached

    private final Binding binding = new Binding()
    private volatile Thread worker

    /** The variables of the session, by name. */
    Map<String, Object> variables() {
        Map<String, Object> out = new LinkedHashMap<>()
        (binding.variables as Map<String, Object>).each { k, v -> if (!k.startsWith('__') && k != 'out') out.put(k, v) }
        out
    }

    /** Forgets every variable. */
    void reset() {
        binding.variables.clear()
    }

    /** Runs a script file; relative data paths are read from its folder. */
    List<Shown> run(Path file) {
        String source
        try {
            source = ScriptSource.read(file)     // UTF-8, byte-order mark dropped; invalid bytes are exit code 3
        } catch (IOException e) {
            throw new GradusException("cannot read ${file}: ${e.message}", file.fileName.toString(), 0, 0, null, 2, e)
        }
        Path dir = file.toAbsolutePath().parent
        run(source, file.fileName.toString(), dir)
    }

    /** Runs script text; {@code fileName} names it in errors, {@code baseDir} resolves relative paths. */
    List<Shown> run(String source, String fileName = 'script.opt', Path baseDir = Path.of('.')) {
        long t0 = System.nanoTime()
        Script script = cacheDir != null && !interactive ? compileCached(source, fileName) : compile(source, fileName)
        long t1 = System.nanoTime()
        lastCompileMillis = (t1 - t0) / 1e6d
        ErrorLocator locator = new ErrorLocator(fileName, source)
        List<Shown> shown = []
        ScriptContext context = new ScriptContext({ Shown s ->
            shown << s
            listener?.accept(s)
        } as Consumer<Shown>, fileAccess(baseDir))
        context.progress = progress
        context.out = scriptOut
        predefined.each { k, v -> binding.setVariable(k, v) }
        binding.setVariable(ScriptContext.BINDING_NAME, context)
        if (scriptOut != null) binding.setVariable('out', new PrintWriter(scriptOut, true))
        script.binding = binding
        try {
            runWithLimit(script, locator)
        } finally {
            lastRunMillis = (System.nanoTime() - t1) / 1e6d
        }
        shown
    }

    /** Compiles only; throws the first error. */
    void check(Path file) {
        compile(ScriptSource.read(file), file.fileName.toString())
    }

    Script compile(String source, String fileName) {
        lastRunCached = false
        ScriptCompiler.parse(source, fileName, sandboxed, interactive)
    }

    /**
     * The script from the cache in {@link #cacheDir} if an entry for exactly this source, name, flags and
     * Gradus build is there; otherwise compiled, and stored if it compiled. Any trouble with the cache
     * means compiling as if there were none. Both ways the classes are defined by one fresh loader under
     * the Gradus class loader, so a cached run behaves as its first run did.
     */
    private Script compileCached(String source, String fileName) {
        lastRunCached = false
        ScriptCache cache = ScriptCache.open(cacheDir)
        String key = null
        if (cache != null) {
            try {
                key = cache.key(source, compiledName(fileName), sandboxed, interactive)
                ScriptCache.Compiled hit = cache.load(key)
                if (hit != null) {
                    Script script = InvokerHelper.createScript(hit.define(GradusSession.classLoader), new Binding())
                    lastRunCached = true
                    return script
                }
            } catch (Throwable ignored) {
                // a bad entry (or a failing cache): compile instead
            }
        }
        ScriptCache.Compiled compiled = ScriptCompiler.compileClasses(source, fileName, sandboxed, interactive)
        if (cache != null && key != null) cache.store(key, compiled)
        InvokerHelper.createScript(compiled.define(GradusSession.classLoader), new Binding())
    }

    /**
     * The name a script is compiled under. Groovy names the script's class after it, and then that name
     * means the class: compiled as {@code rosen.opt}, the statement {@code rosen = ...} would assign to the
     * class {@code rosen}, and {@code long.opt} could not compile at all. So the file's name gets a prefix no
     * script uses ({@code Gradus$}, a class {@code Gradus_rosen}); stack frames carry this name, which is how
     * {@link ErrorLocator} finds the line of a run-time error.
     */
    static String compiledName(String fileName) {
        String base = fileName.replaceFirst(/\.[^.\/\\]*$/, '').replaceAll(/[^A-Za-z0-9_]/, '_')
        'Gradus$' + base + '.opt'
    }

    /** Stops a running script (its optimizer ends with status interrupted where it can). */
    void interrupt() {
        worker?.interrupt()
    }

    private void runWithLimit(Script script, ErrorLocator locator) {
        if (timeLimit <= 0) {
            worker = Thread.currentThread()
            try {
                script.run()
            } catch (GradusException e) {
                throw e
            } catch (Throwable t) {
                throw locator.runtimeError(t)
            } finally {
                worker = null
            }
            return
        }
        ExecutorService pool = Executors.newSingleThreadExecutor({ Runnable r ->
            Thread t = new Thread(r, 'gradus-script')
            t.daemon = true
            worker = t
            t
        })
        try {
            Future<Object> f = pool.submit({ script.run() } as java.util.concurrent.Callable<Object>)
            try {
                f.get((long) (timeLimit * 1000), TimeUnit.MILLISECONDS)
            } catch (TimeoutException e) {
                f.cancel(true)
                throw new GradusException("the script ran longer than its time limit of ${timeLimit} s", locator.fileName, 0, 0,
                        null, GradusException.TIMEOUT)
            } catch (ExecutionException e) {
                Throwable cause = e.cause
                if (cause instanceof GradusException) throw cause
                throw locator.runtimeError(cause)
            }
        } finally {
            pool.shutdownNow()
            worker = null
        }
    }
}
