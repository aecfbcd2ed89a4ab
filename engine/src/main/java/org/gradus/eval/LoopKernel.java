package org.gradus.eval;

/**
 * A reduction's body compiled to JVM bytecode by {@link KernelCompiler}: the whole loop in one method,
 * the body as straight-line code over local variables (forward sweep, then for the fused variants the
 * reverse sweep), so the JIT sees one plain counted loop, as in a hand-written one.
 *
 * <p>Results match the interpreter ({@link Program}) operation for operation: the same arithmetic in the
 * same order. The interpreter stays the reference, and the fallback for anything not compiled.
 */
abstract class LoopKernel {

    /** Σ body(i) for i in [from, to). */
    abstract double sum(double[] x, int from, int to);

    /** Σ body(rows[k]) for k in [lo, hi), each row within the loop's range. */
    abstract double sumRows(double[] x, int[] rows, int lo, int hi);

    /** Σ body(i) for i in [from, to), adding seed·∇body(i) into g on the way (one pass). */
    abstract double sumFused(double[] x, double[] g, double seed, int from, int to);

    /** As {@link #sumFused} over rows[lo..hi), each within the loop's range. */
    abstract double sumRowsFused(double[] x, double[] g, double seed, int[] rows, int lo, int hi);
}
