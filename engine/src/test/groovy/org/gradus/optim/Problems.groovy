package org.gradus.optim

import org.gradus.atoms.Softplus
import org.gradus.atoms.L1
import org.gradus.expr.Constant
import org.gradus.expr.Expr
import org.gradus.expr.IndexSymbol
import org.gradus.atoms.Ops
import org.gradus.expr.Variable
import org.gradus.atoms.VectorFunction
import org.gradus.expr.VectorVariable

/** Builders for the shared table of test problems with known minima (Moré, Garbow &amp; Hillstrom 1981 and others). */
class Problems {
    static Expr c(double v) { Constant.of(v) }
    static Expr sq(Expr e) { Ops.pow(e, c(2)) }
    static Expr pw(Expr e, double p) { Ops.pow(e, c(p)) }
    static Expr add(Expr... t) { Ops.add(t) }
    static Expr sub(Expr a, Expr b) { Ops.sub(a, b) }
    static Expr mul(Expr... f) { Ops.mul(f) }
    static Expr mul(double k, Expr e) { Ops.mul(c(k), e) }

    /** A problem: f, the minimizers (any one may be reached), f*, and the accuracy expected of x. */
    static class Problem {
        String name
        Expr f
        List<double[]> minima
        double fmin
        double xtol
        /** Learning rate for the first-order methods, or null when the problem is too hard for them. */
        Double lr
        String toString() { name }
    }

    /** Σ cᵢ(xᵢ − 1)² with c spread geometrically from 1 to κ: condition number κ. */
    static Problem quadratic(int n, double kappa, Double lr) {
        def xs = (0..<n).collect { new Variable("q$it", 0) }
        def terms = (0..<n).collect { i -> mul(n == 1 ? 1 : Math.pow(kappa, i / (n - 1)), sq(sub(xs[i], c(1)))) }
        new Problem(name: "quadratic n=$n κ=${kappa as long}", f: Ops.add(terms as List<Expr>), minima: [ones(n)], fmin: 0, xtol: 1e-5, lr: lr)
    }

    static double[] ones(int n) { double[] a = new double[n]; Arrays.fill(a, 1); a }

    static Problem rosenbrock() {
        def x = new Variable("x", -1.2), y = new Variable("y", 1)
        new Problem(name: 'Rosenbrock', f: add(sq(sub(c(1), x)), mul(100, sq(sub(y, sq(x))))), minima: [[1, 1] as double[]], fmin: 0, xtol: 1e-5)
    }

    /** Σ_{i<n/2} 100(x_{2i+1} − x_{2i}²)² + (1 − x_{2i})², one reduction node; start (−1.2, 1, ...). */
    static Expr extendedRosenbrock(VectorVariable x) {
        def i = new IndexSymbol('i')
        def even = x.get(mul(2, i))
        def odd = x.get(add(mul(2, i), c(1)))
        Ops.sum(i, 0, x.size().intdiv(2), add(mul(100, sq(sub(odd, sq(even)))), sq(sub(c(1), even))))
    }

    static VectorVariable rosenbrockStart(int n) {
        double[] s = new double[n]
        for (int k = 0; k < n; k++) s[k] = k % 2 == 0 ? -1.2 : 1
        new VectorVariable("x", s, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
    }

    static Problem extendedRosenbrock(int n) {
        new Problem(name: "extended Rosenbrock n=$n", f: extendedRosenbrock(rosenbrockStart(n)), minima: [ones(n)], fmin: 0, xtol: 1e-5)
    }

    static Problem beale() {
        def x = new Variable("x", 1), y = new Variable("y", 1)
        def f = add(sq(add(c(1.5), mul(-1, x), mul(x, y))), sq(add(c(2.25), mul(-1, x), mul(x, sq(y)))),
                sq(add(c(2.625), mul(-1, x), mul(x, pw(y, 3)))))
        new Problem(name: 'Beale', f: f, minima: [[3, 0.5] as double[]], fmin: 0, xtol: 1e-5)
    }

    static Problem booth() {
        def x = new Variable("x", 0), y = new Variable("y", 0)
        new Problem(name: 'Booth', f: add(sq(add(x, mul(2, y), c(-7))), sq(add(mul(2, x), y, c(-5)))), minima: [[1, 3] as double[]],
                fmin: 0, xtol: 1e-5, lr: 0.05)
    }

    static Problem matyas() {
        def x = new Variable("x", 1), y = new Variable("y", 2)
        new Problem(name: 'Matyas', f: add(mul(0.26, add(sq(x), sq(y))), mul(-0.48, mul(x, y))), minima: [[0, 0] as double[]],
                fmin: 0, xtol: 1e-5, lr: 1.0)
    }

    static Problem himmelblau() {
        def x = new Variable("x", 0), y = new Variable("y", 0)
        new Problem(name: 'Himmelblau', f: add(sq(add(sq(x), y, c(-11))), sq(add(x, sq(y), c(-7)))),
                minima: [[3, 2], [-2.805118, 3.131312], [-3.779310, -3.283186], [3.584428, -1.848126]].collect { it as double[] },
                fmin: 0, xtol: 1e-5, lr: 0.01)
    }

    static Problem threeHumpCamel() {
        def x = new Variable("x", 0.5), y = new Variable("y", 0.5)
        def f = add(mul(2, sq(x)), mul(-1.05, pw(x, 4)), mul(1 / 6d, pw(x, 6)), mul(x, y), sq(y))
        // the global minimum (0, 0) and two local minima with f = 0.2986384422; descent methods may reach any of them
        new Problem(name: 'three-hump camel', f: f, minima: [[0, 0], [1.7475523, -0.8737761], [-1.7475523, 0.8737761]].collect { it as double[] },
                fmin: 0.2986384422, xtol: 1e-5, lr: 0.1)
    }

    static Problem powellSingular() {
        def v = [3, -1, 0, 1].withIndex().collect { s, k -> new Variable("p${k + 1}", s) }
        def f = add(sq(add(v[0], mul(10, v[1]))), mul(5, sq(sub(v[2], v[3]))), pw(sub(v[1], mul(2, v[2])), 4), mul(10, pw(sub(v[0], v[3]), 4)))
        // singular Hessian at the minimum: x converges only like the 4th root of f
        new Problem(name: 'Powell singular', f: f, minima: [[0, 0, 0, 0] as double[]], fmin: 0, xtol: 2e-2)
    }

    static Problem wood() {
        def v = [-3, -1, -3, -1].withIndex().collect { s, k -> new Variable("w${k + 1}", s) }
        def f = add(mul(100, sq(sub(v[1], sq(v[0])))), sq(sub(c(1), v[0])), mul(90, sq(sub(v[3], sq(v[2])))), sq(sub(c(1), v[2])),
                mul(10.1, add(sq(sub(v[1], c(1))), sq(sub(v[3], c(1))))), mul(19.8, mul(sub(v[1], c(1)), sub(v[3], c(1)))))
        new Problem(name: 'Wood', f: f, minima: [[1, 1, 1, 1] as double[]], fmin: 0, xtol: 1e-5)
    }

    /** Regularized logistic loss Σ softplus(−yᵢ·aᵢᵀw) + 0.1‖w‖² on 6 fixed points; minimum from a Newton reference. */
    static Problem logistic(double[] reference, double fmin) {
        def w = [new Variable("a", 0), new Variable("b", 0)]
        def data = [[1, 2, 1], [2, 1, 1], [-1, -1, -1], [-2, 0.5, -1], [0.5, -1.5, 1], [-0.5, 1, -1]]
        def terms = data.collect { r -> Ops.apply(Softplus.INSTANCE, mul(-r[2], add(mul(r[0], w[0]), mul(r[1], w[1])))) }
        def f = add(Ops.add(terms as List<Expr>), mul(0.1, add(sq(w[0]), sq(w[1]))))
        new Problem(name: 'logistic', f: f, minima: [reference], fmin: fmin, xtol: 1e-5, lr: 0.1)
    }

    /** ½‖w − b‖² + λ‖w‖₁ with λ = 1: w* = soft-threshold(b, 1) = (2, 0, −1, 0, 0), exact zeros. */
    static Problem lasso() {
        double[] b = [3, 0.5, -2, -0.2, 0.05]
        def w = new VectorVariable("w", 5, 0.7)
        def terms = (0..<5).collect { k -> mul(0.5, sq(sub(w.get(k), c(b[k])))) }
        def f = add(Ops.add(terms as List<Expr>), new VectorFunction(L1.INSTANCE, [w]))
        // F* = ½(1 + 0.25 + 1 + 0.04 + 0.0025) + 3 = 4.14625
        new Problem(name: 'lasso (l1)', f: f, minima: [[2, 0, -1, 0, 0] as double[]], fmin: 4.14625, xtol: 1e-6)
    }
}
