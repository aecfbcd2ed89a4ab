package org.gradus.diff

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure
import org.gradus.eval.CompiledFunction
import org.gradus.eval.Program
import org.gradus.expr.Expr
import org.gradus.expr.Layout

/**
 * Checks an expression's value, gradient and Hessian against independent references: commons-math3
 * {@link DerivativeStructure} (order 2) and central finite differences of the compiled value and
 * gradient; and checks the engine's three routes against each other: symbolic derivative expressions,
 * compiled reverse mode, and Hessians from the compiled gradient.
 */
class Reference {
    /** Exact routes must agree to this relative tolerance. */
    static final double EXACT = 1e-9
    /** Finite differences agree to this relative tolerance. */
    static final double FD = 1e-6

    /** Value, gradient and Hessian of {@code ref} at x, by DerivativeStructure of order 2. */
    static Map ds(Closure<DerivativeStructure> ref, double[] x, Closure<List> argsOf = { List d -> d }) {
        int n = x.length
        List<DerivativeStructure> vars = (0..<n).collect { new DerivativeStructure(n, 2, it, x[it]) }
        DerivativeStructure r = ref.call(*argsOf(vars))
        double[] g = new double[n]
        double[][] h = new double[n][n]
        for (int i = 0; i < n; i++) {
            int[] o = new int[n]
            o[i] = 1
            g[i] = r.getPartialDerivative(o)
            for (int j = 0; j < n; j++) {
                int[] o2 = new int[n]
                o2[i] += 1
                o2[j] += 1
                h[i][j] = r.getPartialDerivative(o2)
            }
        }
        [value: r.value, gradient: g, hessian: h]
    }

    static double step(double xi) { 1e-6 * Math.max(1, Math.abs(xi)) }

    /** Central differences of the compiled value: the gradient. */
    static double[] fdGradient(CompiledFunction f, double[] x) {
        double[] g = new double[x.length]
        for (int i = 0; i < x.length; i++) {
            double h = step(x[i])
            double[] p = x.clone(), m = x.clone()
            p[i] += h
            m[i] -= h
            g[i] = (f.value(p) - f.value(m)) / (p[i] - m[i])
        }
        g
    }

    /** Central differences of the compiled gradient: the Hessian, column by column. */
    static double[][] fdHessian(CompiledFunction f, double[] x) {
        int n = x.length
        double[][] h = new double[n][n]
        double[] gp = new double[n], gm = new double[n]
        for (int j = 0; j < n; j++) {
            double s = step(x[j])
            double[] p = x.clone(), m = x.clone()
            p[j] += s
            m[j] -= s
            f.valueAndGradient(p, gp)
            f.valueAndGradient(m, gm)
            for (int i = 0; i < n; i++) h[i][j] = (gp[i] - gm[i]) / (p[j] - m[j])
        }
        h
    }

    static void close(double actual, double expected, double rtol, double scale, String what) {
        double tol = rtol * (1 + scale)
        assert Math.abs(actual - expected) <= tol || (Double.isNaN(actual) && Double.isNaN(expected)),
                "$what: got $actual, expected $expected (tolerance $tol)"
    }

    static double maxAbs(double[] v) { v.collect { Math.abs(it) }.max() as double }

    static double maxAbs(double[][] m) { m.collect { maxAbs(it) }.max() as double }

    static void close(double[] actual, double[] expected, double rtol, String what, double extraScale = 0) {
        assert actual.length == expected.length
        double scale = maxAbs(expected) + extraScale
        for (int i = 0; i < actual.length; i++) close(actual[i], expected[i], rtol, scale, "$what[$i]")
    }

    static void close(double[][] actual, double[][] expected, double rtol, String what, double extraScale = 0) {
        double scale = maxAbs(expected) + extraScale
        for (int i = 0; i < actual.length; i++) {
            for (int j = 0; j < actual.length; j++) close(actual[i][j], expected[i][j], rtol, scale, "$what[$i][$j]")
        }
    }

    /**
     * Compiles f once and checks every route at every point: value (compiled vs DS), gradient
     * (symbolic, reverse mode, DS, finite differences), Hessian (symbolic, compiled, DS, finite
     * differences of the gradient) and a Hessian-vector product. Returns the number of points checked.
     */
    static int check(Expr f, Layout layout, Closure<DerivativeStructure> ref, List<double[]> points,
                     Closure<List> argsOf = { List d -> d }) {
        int n = layout.dimension()
        CompiledFunction compiled = new CompiledFunction(f, layout)
        List<Expr> gradient = Derivatives.gradient(f, layout)
        Program symbolicGradient = Program.compile(gradient, layout)
        Expr[][] hessian = Derivatives.hessian(f, layout)
        Program symbolicHessian = Program.compile(hessian.toList().collectMany { it.toList() }, layout)
        Random rnd = new Random(7)
        for (double[] x : points) {
            Map r = ds(ref, x, argsOf)
            // values
            close(compiled.value(x), r.value as double, EXACT, 0, "value of $f at $x")
            close(org.gradus.eval.Evaluate.at(f, layout.toMap(x)), r.value as double, EXACT, 0, "Evaluate.at of $f")
            // gradients
            double[] g = new double[n]
            double v = compiled.valueAndGradient(x, g)
            close(v, r.value as double, EXACT, 0, "valueAndGradient's value of $f")
            double[] gs = new double[n]
            symbolicGradient.values(x, gs)
            close(g, r.gradient as double[], EXACT, "reverse-mode gradient of $f at $x vs DS")
            close(gs, r.gradient as double[], EXACT, "symbolic gradient of $f at $x vs DS")
            close(g, gs, EXACT, "reverse-mode vs symbolic gradient of $f at $x")
            close(fdGradient(compiled, x), r.gradient as double[], FD, "finite-difference gradient of $f at $x vs DS",
                    Math.abs(r.value as double) * 1e-3)
            // Hessians
            double[][] hc = compiled.hessian(x)
            double[] hsFlat = new double[n * n]
            symbolicHessian.values(x, hsFlat)
            double[][] hs = (0..<n).collect { i -> Arrays.copyOfRange(hsFlat, i * n, (i + 1) * n) } as double[][]
            close(hc, r.hessian as double[][], EXACT, "compiled Hessian of $f at $x vs DS")
            close(hs, r.hessian as double[][], EXACT, "symbolic Hessian of $f at $x vs DS")
            close(fdHessian(compiled, x), r.hessian as double[][], FD, "finite-difference Hessian of $f at $x vs DS",
                    maxAbs(r.gradient as double[]) * 1e-3)
            // Hessian-vector product
            double[] u = (0..<n).collect { rnd.nextGaussian() } as double[]
            double[] hu = new double[n]
            compiled.hessianVector(x, u, hu)
            double[] expected = (0..<n).collect { i -> (0..<n).sum { j -> (r.hessian as double[][])[i][j] * u[j] } } as double[]
            close(hu, expected, EXACT, "Hessian-vector product of $f at $x", maxAbs(r.hessian as double[][]) * maxAbs(u))
        }
        points.size()
    }

    /** k random points of the box [lo_i, hi_i] (fixed seed per call site). */
    static List<double[]> points(long seed, int k, List<List<Number>> box) {
        Random rnd = new Random(seed)
        (0..<k).collect { box.collect { b -> (b[0] as double) + rnd.nextDouble() * ((b[1] as double) - (b[0] as double)) } as double[] }
    }
}
