package org.gradus.eval;

import org.gradus.diff.Derivatives;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;

import java.util.List;

/**
 * A scalar function compiled for repeated evaluation over a fixed layout of coordinates: value,
 * gradient (reverse mode), Hessian-vector products and the Hessian. The gradient program used for
 * second derivatives is built on first use only.
 *
 * <p>Not thread-safe; see {@link Program}.
 */
public final class CompiledFunction {
    private final Expr expr;
    private final Layout layout;
    private final Program program;
    private Program gradientProgram;

    public CompiledFunction(Expr expr, Layout layout) {
        this.expr = expr;
        this.layout = layout;
        this.program = Program.compile(expr, layout);
    }

    public CompiledFunction(Expr expr) {
        this(expr, expr.layout());
    }

    public Expr expr() {
        return expr;
    }

    public Layout layout() {
        return layout;
    }

    public int dimension() {
        return layout.dimension();
    }

    public Program program() {
        return program;
    }

    public double value(double[] x) {
        return program.value(x);
    }

    /** f(x), with ∇f(x) written into grad. */
    public double valueAndGradient(double[] x, double[] grad) {
        return program.valueAndGradient(x, grad);
    }

    private Program gradientProgram() {
        if (gradientProgram == null) {
            List<Expr> g = Derivatives.gradient(expr, layout);
            gradientProgram = Program.compile(g, layout);
            gradientProgram.threads(program.threads);
        }
        return gradientProgram;
    }

    /** ∇²f(x)·v into out: one reverse sweep over the compiled gradient. */
    public void hessianVector(double[] x, double[] v, double[] out) {
        gradientProgram().vectorJacobian(x, v, out, null);
    }

    /** The Hessian at x, one row per coordinate, symmetrized. */
    public double[][] hessian(double[] x) {
        int n = dimension();
        double[][] h = new double[n][n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = 1;
            gradientProgram().vectorJacobian(x, e, h[i], null);
            e[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        return h;
    }

    /**
     * Where the data reductions run when some run outside this process ({@code spark local[2], 8
     * partitions}), else empty.
     */
    public List<String> engines() {
        return program.engines();
    }

    /** How many threads a pass over a data set may use (results do not depend on it). */
    public void threads(int n) {
        program.threads(n);
    }

    /** Restricts data reductions to a mini-batch of rows (null for all rows). */
    public void useRows(String dataRows, int[] rows) {
        program.useRows(dataRows, rows);
        if (gradientProgram != null) gradientProgram.useRows(dataRows, rows);
    }

    /** Restricts data reductions to the rows {@code rows[lo..hi)}, read in place; allocates nothing. */
    public void useRows(String dataRows, int[] rows, int lo, int hi) {
        program.useRows(dataRows, rows, lo, hi);
        if (gradientProgram != null) gradientProgram.useRows(dataRows, rows, lo, hi);
    }
}
