package org.gradus.dsl

import groovy.transform.CompileStatic
import org.codehaus.groovy.runtime.InvokerHelper
import org.gradus.dsl.run.FailureSite
import org.gradus.dsl.run.RunControl
import org.gradus.dsl.run.StopReason
import org.gradus.dsl.sandbox.SandboxViolation
import org.gradus.io.FileAccess
import org.gradus.io.FilePolicy
import org.gradus.io.OutputLedger
import org.gradus.io.RememberedOutputs
import org.gradus.optim.ProgressListener
import org.gradus.result.Shown

import java.nio.file.Files
import java.nio.file.Path
import java.util.function.Consumer
import java.util.function.Supplier

/**
 * Runs Gradus scripts: the runner behind the command line, the REPL, the JSR-223 engine and the Java API
 * ({@code org.gradus.api.Gradus}, which Java programs should use instead of this class).
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
 *
 * <p><b>Bounded runs.</b> With a {@link #timeLimit} the script is compiled and run on a thread of its own
 * and the limit covers both; when it is reached the run is stopped ({@link RunControl}: the optimizers end
 * their loop, every loop, closure and statement of the script checks) and this method throws a
 * {@link GradusException} with exit code 124. It waits up to {@link #stopGraceMillis} for the script's
 * thread to end; a thread that did not (it was compiling, or in one long call into the Groovy runtime that
 * never checks) is then stopped by force with {@link Thread#stop} and waited for as long again. (Java 20
 * and later no longer stop threads: there such a thread ends at its next check. For a hard guarantee, run
 * the script in a child JVM: {@code gradus run --isolate}, or the Java API's {@code isolate(true)}.)
 */
@CompileStatic
class GradusSession {
    /** How long a stopped run's thread is waited for before the time-limit error is thrown anyway. */
    static final long STOP_GRACE_MILLIS = 2000

    /**
     * How long a run stopped at its time limit is given to end before the error is thrown anyway
     * (default {@link #STOP_GRACE_MILLIS}; the command line, which ends the process, gives 0).
     */
    long stopGraceMillis = STOP_GRACE_MILLIS
    /** Run scripts in the sandbox (the default everywhere). */
    boolean sandboxed = true
    /** Seconds a run may take, compiling included; 0 for no limit. */
    double timeLimit = 0
    /**
     * The moment ({@link System#nanoTime()}) the time limit counts from; null (the default) for the start of
     * each run. The command line sets the start of the JVM, so that {@code --timeout} bounds the whole command.
     */
    Long limitCountsFrom
    /**
     * Compile and run every script on a thread of its own even without a time limit, so that an interrupt
     * of the calling thread cancels the run (exit code 130) instead of reaching the script. The Java API
     * sets it; with a time limit there is always a thread of its own.
     */
    boolean ownThread = false
    /** Where {@code println} writes; null for System.out. */
    PrintStream scriptOut
    /** Called with each shown value as it is shown (besides being collected). */
    Consumer<Shown> listener
    /** Progress of long optimizations; null for none. */
    ProgressListener progress
    /** Progress of loading large data files ({@code csv} of a few MB and more); null for none. */
    org.gradus.data.LoadListener loads
    /**
     * REPL mode: each run is one input of an interactive session. A top-level {@code def name = ...}
     * then defines a session variable (as {@code name = ...} does). Off by default: {@code gradus run}
     * compiles scripts unchanged.
     */
    boolean interactive = false
    /**
     * The terminal pictures are drawn in (size and colours; asked for when a picture is drawn), or null
     * when the output is not a terminal: then a {@code plot} without {@code file:} writes {@code NAME-N.png}
     * beside the script.
     */
    java.util.function.Supplier<org.gradus.plot.PlotHost.Screen> terminal
    /**
     * Folders a sandboxed script may read besides its own folder tree ({@code --allow-read DIR}); see
     * {@link FilePolicy}. Each must exist when a run starts.
     */
    final List<Path> allowRead = []
    /** Folders a sandboxed script may write outputs into besides its own folder tree ({@code --allow-write DIR}). */
    final List<Path> allowWrite = []
    /**
     * The outputs Gradus wrote: a script may replace those, and no other existing file. With a
     * {@link #cacheDir} the ledger is remembered across runs in the folder beside it
     * ({@code ~/.cache/gradus/outputs} beside {@code .../scripts}; {@code NAME-outputs} beside a cache folder named otherwise),
     * so running a script again replaces its own pictures unless they were changed since; without, only
     * what this session wrote.
     */
    private OutputLedger outputs

    private OutputLedger outputs() {
        if (outputs == null) outputs = cacheDir == null ? OutputLedger.inMemory() : RememberedOutputs.in(outputRecordsDir(cacheDir))
        outputs
    }

    private static Path outputRecordsDir(Path cacheDir) {
        Path last = cacheDir.fileName
        String name = last == null || last.toString().isEmpty() ? 'gradus' : last.toString()
        cacheDir.resolveSibling('scripts'.equals(name) ? 'outputs' : name + '-outputs')
    }

    /**
     * The file policy of a run whose relative names resolve against {@code baseDir}: with the sandbox,
     * reads and writes inside {@code baseDir}'s tree and the {@link #allowRead}/{@link #allowWrite}
     * folders only; without it, anything.
     */
    FileAccess fileAccess(Path baseDir) {
        if (!sandboxed) return FilePolicy.unrestricted(baseDir, outputDir)
        FilePolicy.Builder b = FilePolicy.forScript(baseDir).ledger(outputs())
        for (Path p : allowRead) b.allowRead(p)
        for (Path p : allowWrite) b.allowWrite(p)
        if (outputDir != null) b.outputDirectory(outputDir)
        b.build()
    }

    /**
     * Where outputs named by relative paths (trace files, pictures) are written instead of the script's
     * folder; null (the default) for the script's folder. It must exist; it is writable for the script.
     */
    Path outputDir

    /**
     * The Apache Spark master that {@code spark.csv}/{@code spark.parquet} data sets live on
     * ({@code local[2]} runs Spark in this process; {@code spark://host:7077} a cluster); null (the default)
     * reads them into memory. Needs the optional spark module on the class path (docs/spark.md).
     */
    String master

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
    /** The value of the last statement of the last run that ended normally (null if it had no value). */
    Object lastValue

    private final Binding binding = new Binding()
    /** Seeds of arrays declared without {@code seed:}: counted per session, from 1001 (ScriptContext). */
    private final java.util.concurrent.atomic.AtomicLong declarationSeeds =
            new java.util.concurrent.atomic.AtomicLong(ScriptContext.FIRST_DECLARATION_SEED)
    /** Each script this session compiled, with its locator: an error inside a function an earlier input defined is located there ({@link FailureSite}). */
    private final Map<Class<?>, ErrorLocator> scripts = Collections.synchronizedMap(new WeakHashMap<Class<?>, ErrorLocator>())
    private volatile RunControl control
    private volatile boolean interruptPending

    /** The variables of the session, by name. */
    Map<String, Object> variables() {
        Map<String, Object> out = new LinkedHashMap<>()
        (binding.variables as Map<String, Object>).each { k, v -> if (!k.startsWith('__') && k != 'out') out.put(k, v) }
        out
    }

    /** Forgets every variable. */
    void reset() {
        binding.variables.clear()
        declarationSeeds.set(ScriptContext.FIRST_DECLARATION_SEED)
    }

    /** Runs a script file; relative data paths are read from its folder. */
    List<Shown> run(Path file) {
        run(read(file), file.fileName.toString(), file.toAbsolutePath().parent)
    }

    /** The text of a script file, or a located error (exit code 2) when it cannot be read. */
    static String read(Path file) {
        try {
            return ScriptSource.read(file)      // UTF-8, byte-order mark dropped; invalid bytes are exit code 3
        } catch (IOException e) {
            throw new GradusException("cannot read ${file}: ${e.message}", file.fileName.toString(), 0, 0, null, 2, e)
        }
    }

    /** Runs script text; {@code fileName} names it in errors, {@code baseDir} resolves relative paths. */
    List<Shown> run(String source, String fileName = 'script.opt', Path baseDir = Path.of('.')) {
        ErrorLocator locator = new ErrorLocator(fileName, source)
        execute(locator, baseDir, binding, () -> compileClass(source, fileName))
    }

    /**
     * Runs a script compiled before ({@link #prepare}) with {@code variables} as its variables: they are
     * visible to the script, and its assignments are written back into them (the JSR-223 engine passes
     * its bindings). The session's own variables are not used.
     */
    List<Shown> run(ScriptProgram program, Binding variables, Path baseDir = Path.of('.')) {
        execute(program.locator, baseDir, variables, () -> program.type)
    }

    /** Compiles a script once, for {@link #run(ScriptProgram, Binding, Path)} any number of times; within the time limit. */
    ScriptProgram prepare(String source, String fileName = 'script.opt') {
        ErrorLocator locator = new ErrorLocator(fileName, source)
        Class<? extends Script>[] type = new Class[1]
        bounded(new RunControl(), locator, () -> { type[0] = compileClass(source, fileName) })
        scripts.put(type[0], locator)
        new ScriptProgram(type[0], locator)
    }

    /** Compiles only; throws the first error. */
    void check(Path file) {
        compileClass(read(file), file.fileName.toString())
    }

    /**
     * Stops the running script for {@code reason} (see {@link RunControl#stop}); the run then fails with
     * that reason's exit code. Nothing when no script runs.
     */
    void stop(StopReason reason) {
        control?.stop(reason)
    }

    /**
     * Interrupts the running script, as Ctrl-C does: its optimizer ends with status interrupted and keeps
     * the best point so far, a plain loop stops with the message {@code interrupted}. An interrupt that
     * comes while the script is still compiling (or just before its run begins) is delivered when it starts.
     */
    void interrupt() {
        RunControl rc = control
        if (rc != null) rc.interrupt()
        else interruptPending = true                // the run is about to start: it takes the interrupt
    }

    /**
     * Calls a function a script defined ({@code def f(t) { ... }}, kept as the variable {@code f}: {@link ScriptFunction})
     * with {@code variables} as the script's variables, as a run is made: the sandbox the function was compiled with,
     * the time limit, interrupts, and errors located in {@code locator} (the defining script's). Returns its value.
     */
    Object call(Closure function, Object[] arguments, Binding variables, ErrorLocator locator, Path baseDir = Path.of('.')) {
        execute(locator, baseDir, variables, null, function, arguments)
        lastValue
    }

    /*
     * The code of every run, below, uses Java lambdas and plain loops, not Groovy closures: each closure class
     * costs a metaclass (bean introspection of ~70 methods) at its first use, part of every run's start-up
     * (docs/benchmarks.md, "Start-up").
     */
    private List<Shown> execute(ErrorLocator locator, Path baseDir, Binding target, Supplier<Class<? extends Script>> compile,
                                Closure function = null, Object[] arguments = null) {
        List<Shown> shown = []
        FileAccess files
        try {
            files = fileAccess(baseDir)
        } catch (IllegalArgumentException e) {          // a granted folder that does not exist
            throw new GradusException(e.message, locator.fileName, 0, 0, null, 2, e)
        }
        Consumer<Shown> collect = (Shown s) -> {
            shown.add(s)
            listener?.accept(s)
        }
        ScriptContext context = new ScriptContext(collect, files)
        context.progress = progress
        context.out = scriptOut
        context.loads = loads
        context.scriptName = locator.fileName
        context.terminal = terminal
        context.master = master
        context.declarationSeeds = declarationSeeds
        RunControl rc = new RunControl()
        control = rc
        if (interruptPending) {
            interruptPending = false
            rc.interrupt()
        }
        lastValue = null
        try {
            bounded(rc, locator, () -> {
                long t0 = System.nanoTime()
                Class<? extends Script> type = function == null ? compile.get() : null
                if (type != null) scripts.put(type, locator)
                long t1 = System.nanoTime()
                lastCompileMillis = (t1 - t0) / 1e6d
                RunControl.checkStopped()
                Map<String, Object> vars = target.variables as Map<String, Object>
                boolean hadOut = vars.containsKey('out')
                Object oldOut = vars.get('out')
                for (Map.Entry<String, Object> e : predefined.entrySet()) target.setVariable(e.key, e.value)
                target.setVariable(ScriptContext.BINDING_NAME, context)
                if (scriptOut != null) target.setVariable('out', new PrintWriter(scriptOut, true))
                Script script = type != null ? InvokerHelper.createScript(type, target) : null
                rc.started()
                try {
                    lastValue = script != null ? script.run() : function.metaClass.invokeMethod(function, 'call', arguments)
                } finally {
                    lastRunMillis = (System.nanoTime() - t1) / 1e6d
                    if (!target.is(binding)) {          // a caller's variables: leave only the script's own
                        vars.remove(ScriptContext.BINDING_NAME)
                        if (hadOut) vars.put('out', oldOut) else if (scriptOut != null) vars.remove('out')
                    }
                }
            })
        } finally {
            control = null
            interruptPending = false
        }
        shown
    }

    /**
     * Runs {@code work} with {@code rc} attached: on this thread, or (time limit, {@link #ownThread}) on a
     * thread of its own within the limit. Every failure comes out as a located {@link GradusException}.
     */
    private void bounded(RunControl rc, ErrorLocator locator, Runnable work) {
        Runnable attached = () -> {
            RunControl previous = rc.attach()
            try {
                work.run()
            } finally {
                rc.detach(previous)
            }
        }
        if (timeLimit <= 0 && !ownThread) {
            try {
                attached.run()
            } catch (Throwable t) {
                throw failure(t, rc, locator)
            }
            return
        }
        new BoundedRun(rc, locator, this).run(attached)
    }

    /** The located error for a failure of a run controlled by {@code rc}. */
    GradusException failure(Throwable t, RunControl rc, ErrorLocator locator) {
        if (t instanceof GradusException) return (GradusException) t
        Throwable root = ErrorLocator.unwrap(t)
        StopReason why = root instanceof org.gradus.dsl.run.ScriptStopped ? ((org.gradus.dsl.run.ScriptStopped) root).reason() : rc.stopReason()
        if (why != null) return stopped(why, locator, root.stackTrace)
        Class<?> site = root instanceof SandboxViolation ? null : FailureSite.of(root)   // inside a function an earlier input defined
        ((site != null ? scripts.get(site) : null) ?: locator).runtimeError(t)
    }

    /** The error of a run stopped for {@code why}, located at the script line found in {@code where}. */
    GradusException stopped(StopReason why, ErrorLocator locator, StackTraceElement[] where) {
        String message
        switch (why) {
            case StopReason.TIMEOUT:
                message = "the script ran longer than its time limit of ${org.gradus.print.Numbers.format(timeLimit)} s"
                break
            case StopReason.OUTPUT_CLOSED:
                message = 'standard output was closed; the run was stopped'
                break
            default:
                message = 'the script was stopped by the program running it'
        }
        locator.at(message, where, why.exitCode())
    }

    /** The script's class: from the cache when one is set and holds it, else compiled (and stored). */
    private Class<? extends Script> compileClass(String source, String fileName) {
        lastRunCached = false
        if (cacheDir != null && !interactive) return compileCached(source, fileName)
        (Class<? extends Script>) ScriptCompiler.parse(source, fileName, sandboxed, interactive).getClass()
    }

    /**
     * The script from the cache in {@link #cacheDir} if an entry for exactly this source, name, flags and
     * Gradus build is there; otherwise compiled, and stored if it compiled. Any trouble with the cache
     * means compiling as if there were none. Both ways the classes are defined by one fresh loader under
     * the Gradus class loader, so a cached run behaves as its first run did.
     */
    private Class<? extends Script> compileCached(String source, String fileName) {
        ScriptCache cache = ScriptCache.open(cacheDir)
        String key = null
        if (cache != null) {
            try {
                key = cache.key(source, compiledName(fileName), sandboxed, interactive)
                ScriptCache.Compiled hit = cache.load(key)
                if (hit != null) {
                    Class<? extends Script> type = (Class<? extends Script>) hit.define(GradusSession.classLoader)
                    lastRunCached = true
                    return type
                }
            } catch (Throwable ignored) {
                // a bad entry (or a failing cache): compile instead
            }
        }
        ScriptCache.Compiled compiled = ScriptCompiler.compileClasses(source, fileName, sandboxed, interactive)
        if (cache != null && key != null) cache.store(key, compiled)
        (Class<? extends Script>) compiled.define(GradusSession.classLoader)
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
}
