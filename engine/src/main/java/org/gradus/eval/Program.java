package org.gradus.eval;

import org.gradus.expr.Expr;
import org.gradus.expr.IndexSymbol;
import org.gradus.expr.Layout;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An expression compiled once into a flat {@link Tape}, evaluated at any point without building new
 * graphs: values in one forward sweep, gradients by reverse-mode AD (one backward sweep, each local
 * derivative from {@link Opcode}), vector-Jacobian products of several outputs. The sweeps are in
 * {@link Sweeps}, reductions in {@link Loops}; loop bodies that run long enough are compiled to JVM
 * bytecode ({@link KernelCompiler}) and agree with the interpreter bit for bit.
 *
 * <p>Not thread-safe: a program owns its working arrays. Compile one per thread.
 */
public final class Program {
    final Tape tape;
    /** The value and adjoint of every instruction. */
    final double[] val;
    final double[] adj;
    /** GENERIC: the argument values handed to the atom. */
    final double[][] argValues;
    /** The current value of every loop index, by slot; shared by the program and its loop bodies. */
    final int[] env;
    /** LOOP: the body's program. */
    final Program[] body;
    /** The mini-batch rows of each data set, by rows key; shared by the program and its loop bodies. */
    final Map<String, RowWindow> subsets;
    /** Loop bodies compiled to JVM bytecode once they have run long enough. */
    final LoopKernels kernels;
    /** Top-level programs only (else null): per data LOOP, its chunked pass, made on first use. */
    final DataPass[] passes;
    /** How many threads a data pass may use. */
    int threads = EvalThreads.defaultThreads();
    /** Per LOOP over a partitioned data set, its pass (made on first use); else null. */
    final RemotePass[] remotePasses;
    /**
     * Array instructions: where the value of instruction i lies in this evaluation — {@code aref[i]}
     * from {@code aoff[i]} on (a block of x, a row of a table, or the instruction's own buffer).
     */
    final double[][] aref;
    final int[] aoff;
    /** Array instructions: the own value buffer (also the probabilities of ALSE/AXENT), and the adjoint buffer. */
    final double[][] abuf;
    final double[][] aadj;
    /** AVFUN: the operands copied to arrays of their own length, as the vector atom takes them. */
    final double[][][] operandCopies;
    /** Per data LOOP, what brings its mini-batch rows into the cache (made on first use). */
    private final RowPrefetch[] prefetches;

    private Program(Tape tape, int[] env, Map<String, RowWindow> subsets, boolean top) {
        this.tape = tape;
        this.env = env;
        this.subsets = subsets;
        int n = tape.size;
        this.val = new double[n];
        this.adj = new double[n];
        this.argValues = new double[n][];
        this.body = new Program[n];
        for (int i = 0; i < n; i++) {
            if (tape.args[i] != null) argValues[i] = new double[tape.args[i].length];
            if (tape.body[i] != null) body[i] = new Program(tape.body[i], env, subsets, false);
        }
        this.kernels = new LoopKernels(n);
        this.passes = top ? new DataPass[n] : null;
        this.remotePasses = new RemotePass[n];
        this.aref = new double[n][];
        this.aoff = new int[n];
        this.abuf = new double[n][];
        this.aadj = new double[n][];
        this.operandCopies = new double[n][][];
        this.prefetches = new RowPrefetch[n];
        ArraySweeps.allocate(this);
    }

    /** A program of a tape built elsewhere in this package (a {@link RowKernel}'s), with an environment of envSize slots. */
    static Program of(Tape tape, int envSize) {
        return new Program(tape, new int[Math.max(1, envSize)], new HashMap<>(), false);
    }

    /** Zeroes the adjoint buffers of the array instructions (before a reverse sweep). */
    void clearArrayAdjoints() {
        for (double[] g : aadj) if (g != null) Arrays.fill(g, 0);
    }

    /** A program over the same tape with working arrays of its own (for another thread), same settings. */
    Program copy() {
        Program p = new Program(tape, new int[env.length], subsets, passes != null);
        p.jitThreshold(kernels.threshold);
        p.threads = threads;
        return p;
    }

    /** The chunked pass of data LOOP i. */
    DataPass pass(int i) {
        if (passes[i] == null) passes[i] = new DataPass(this, i);
        return passes[i];
    }

    /** What brings the mini-batch rows of data LOOP i into the cache. */
    RowPrefetch prefetch(int i) {
        if (prefetches[i] == null) prefetches[i] = RowPrefetch.of(tape, i);
        return prefetches[i];
    }

    /** The pass of LOOP i over a partitioned data set. */
    RemotePass remotePass(int i) {
        if (remotePasses[i] == null) remotePasses[i] = new RemotePass(tape.remote[i], tape.to[i] - tape.from[i]);
        return remotePasses[i];
    }

    /** Where the data reductions of this program run, when some run outside this process (else empty). */
    public java.util.List<String> engines() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Remote r : tape.remote) if (r != null && !out.contains(r.partitions().where())) out.add(r.partitions().where());
        return out;
    }

    /** Compiles one expression over the coordinates of the layout. */
    public static Program compile(Expr e, Layout layout) {
        return compile(List.of(e), layout);
    }

    /** Compiles several expressions together; shared sub-expressions are computed once. */
    public static Program compile(List<Expr> exprs, Layout layout) {
        Map<IndexSymbol, Integer> slots = TapeBuilder.indexSlots(exprs);
        Tape tape = TapeBuilder.build(exprs, layout, slots);
        return new Program(tape, new int[Math.max(1, slots.size())], new HashMap<>(), true);
    }

    /**
     * How many threads a pass over a data set may use (at least 1; default
     * {@link EvalThreads#defaultThreads()}). The result does not depend on it: see {@link DataPass}.
     */
    public void threads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be at least 1, got " + n);
        threads = n;
    }

    public int outputCount() {
        return tape.outputs.length;
    }

    /** Number of instructions, counting loop bodies once (the size of the compiled graph). */
    public int instructionCount() {
        return tape.instructionCount();
    }

    /**
     * Restricts every data reduction over {@code dataRows} to the given rows (a mini-batch), scaled so
     * the reduction still estimates the full sum; null restores all rows. The array is read, not
     * copied, at each evaluation.
     */
    public void useRows(String dataRows, int[] rows) {
        if (rows == null) subsets.remove(dataRows);
        else useRows(dataRows, rows, 0, rows.length);
    }

    /**
     * As {@link #useRows(String, int[])} with the rows {@code rows[lo..hi)}, read in place at each
     * evaluation (the array must not change meanwhile). Allocates nothing after the first call for a
     * data set, so a mini-batch loop can call it every step.
     */
    public void useRows(String dataRows, int[] rows, int lo, int hi) {
        if (lo < 0 || hi > rows.length || lo >= hi) {
            throw new IllegalArgumentException("rows [" + lo + ", " + hi + ") of an array of " + rows.length);
        }
        RowWindow w = subsets.get(dataRows);
        if (w == null) subsets.put(dataRows, w = new RowWindow());
        w.rows = rows;
        w.lo = lo;
        w.hi = hi;
    }

    /** The value of the first output at x. */
    public double value(double[] x) {
        Sweeps.forward(this, x, null, Double.NaN);
        return val[tape.outputs[0]];
    }

    /** The shape's number of elements of the first output (0 when it is a scalar). */
    public int outputLength() {
        return tape.len[tape.outputs[0]];
    }

    /**
     * The value of the first output at x as an array (row-major; one element for a scalar output).
     */
    public double[] arrayValue(double[] x) {
        Sweeps.forward(this, x, null, Double.NaN);
        int o = tape.outputs[0], n = tape.len[o];
        if (n == 0) return new double[]{val[o]};
        double[] out = new double[n];
        System.arraycopy(aref[o], aoff[o], out, 0, n);
        return out;
    }

    /** Every output at x, into {@code out}. */
    public void values(double[] x, double[] out) {
        Sweeps.forward(this, x, null, Double.NaN);
        for (int i = 0; i < tape.outputs.length; i++) out[i] = val[tape.outputs[i]];
    }

    /** The value of the (single) output at x; its gradient is written into {@code grad}. */
    public double valueAndGradient(double[] x, double[] grad) {
        Arrays.fill(grad, 0);
        return Sweeps.valueAndGradient(this, x, grad, 1.0);
    }

    /** Σₖ seeds[k]·∇outputₖ(x) into {@code grad} (a vector-Jacobian product); the outputs' values into {@code out} if not null. */
    public void vectorJacobian(double[] x, double[] seeds, double[] grad, double[] out) {
        Arrays.fill(grad, 0);
        Sweeps.forward(this, x, null, Double.NaN);
        int[] outputs = tape.outputs;
        if (out != null) for (int i = 0; i < outputs.length; i++) out[i] = val[outputs[i]];
        Arrays.fill(adj, 0);
        clearArrayAdjoints();
        for (int i = 0; i < outputs.length; i++) adj[outputs[i]] += seeds[i];
        Sweeps.backward(this, x, grad, false);
    }

    // ---- entry points of generated kernels (an inner reduction inside a compiled body) ------------

    /** The value of LOOP instruction i. */
    double loop(int i, double[] x) {
        return Loops.sum(this, i, x);
    }

    /** The value of LOOP instruction i, adding seed·∇ of it into grad in the same pass. */
    double loopFused(int i, double[] x, double[] grad, double seed) {
        return Loops.sumFused(this, i, x, grad, seed);
    }

    /** Adds g·∇ of LOOP instruction i into grad. */
    void loopBackward(int i, double[] x, double[] grad, double g) {
        Loops.backward(this, i, x, grad, g);
    }

    // ---- compilation to bytecode ------------------------------------------------------------------

    /**
     * Loop bodies are compiled to bytecode once a loop has run this many iterations in all; 0 compiles
     * them at first use, {@link Long#MAX_VALUE} never (interpreting only). Applies to nested loops too.
     */
    void jitThreshold(long iterations) {
        kernels.threshold = iterations;
        for (Program p : body) if (p != null) p.jitThreshold(iterations);
    }

    /** Number of loop bodies compiled to bytecode so far, nested ones included. */
    int compiledLoopCount() {
        int n = kernels.compiledCount();
        for (Program p : body) if (p != null) n += p.compiledLoopCount();
        return n;
    }
}
