package org.gradus.dsl

import groovy.transform.CompileStatic
import org.gradus.dsl.run.RunControl
import org.gradus.eval.CompiledFunction
import org.gradus.eval.Evaluate
import org.gradus.expr.ConstantArray
import org.gradus.expr.Expr
import org.gradus.expr.Matrix
import org.gradus.io.FileAccess
import org.gradus.io.FilePolicy
import org.gradus.optim.ProgressListener
import org.gradus.plot.PlotHost
import org.gradus.result.Results
import org.gradus.result.Shown

import java.nio.file.Path
import java.util.function.Consumer

/**
 * What a running script needs from its host: where shown values go, the files it may read and write
 * (its {@link FileAccess}: data files, trace files, pictures — relative names against the script's
 * folder), an optional progress listener for long runs, and the terminal (if any) pictures are drawn in.
 */
@CompileStatic
class ScriptContext {
    /** The binding variable under which a script finds its context. */
    static final String BINDING_NAME = '__gradusContext'

    final Consumer<Shown> sink
    /** Every file a script names goes through this policy. */
    final FileAccess files
    final Path baseDir
    ProgressListener progress
    /** Where {@code println}, {@code print} and {@code printf} write; null for System.out. */
    PrintStream out
    /** Told how far a large data file has been read (a progress bar), or null. */
    org.gradus.data.LoadListener loads
    /** The script's file name (pictures without {@code file:} are named after it), or null. */
    String scriptName
    /** The terminal pictures are drawn in (asked for when needed), or null when the output is not a terminal. */
    java.util.function.Supplier<PlotHost.Screen> terminal
    /** Pictures written without {@code file:} so far in this run. */
    int pictureCount
    /**
     * The Apache Spark master {@code spark.csv}/{@code spark.parquet} data sets live on
     * ({@code --master local[2]}, {@code spark://host:7077}); null: they are read into memory.
     */
    String master

    /** The seed of the first array declared without {@code seed:} in a session. */
    static final long FIRST_DECLARATION_SEED = 1001
    /** Seeds of declarations without {@code seed:}, shared by the runs of one session (REPL inputs count on). */
    java.util.concurrent.atomic.AtomicLong declarationSeeds = new java.util.concurrent.atomic.AtomicLong(FIRST_DECLARATION_SEED)

    /** The next seed in declaration order. */
    long nextDeclarationSeed() {
        declarationSeeds.getAndIncrement()
    }

    ScriptContext(Consumer<Shown> sink, FileAccess files) {
        this.sink = sink
        this.files = files
        this.baseDir = files instanceof FilePolicy ? ((FilePolicy) files).baseDir() : Path.of('').toAbsolutePath()
    }

    /** Trusted code (no sandbox): any file, relative names against {@code baseDir}. */
    ScriptContext(Consumer<Shown> sink, Path baseDir) {
        this(sink, FilePolicy.unrestricted(baseDir))
    }

    /**
     * Shows a value; a run that has been stopped (time limit, output closed) shows nothing more. An
     * expression with no variables is shown as its value: a scalar (a sum over data rows of a column) as
     * its number, an array ({@code softmax([1000, -1000, 0])}) as its vector or matrix of numbers.
     */
    void show(Object value) {
        RunControl.checkStopped()
        if (value instanceof Matrix) value = ConstantArray.of((Matrix) value)   // matrix([[2, 1], [1, 3]]): its numbers, as A.T shows
        if (value instanceof Expr && ((Expr) value).layout().blocks().isEmpty()) {
            Expr e = (Expr) value
            value = e.isArray() ? Evaluate.valueAt(e, e.layout(), new double[0]) : new CompiledFunction(e).value(new double[0])
        }
        if (value != null) sink.accept(Results.of(value))
    }

    /** A path the script named, resolved against the script's folder (no access check: use {@link #files}). */
    Path resolve(String file) {
        baseDir.resolve(file).normalize()
    }
}
