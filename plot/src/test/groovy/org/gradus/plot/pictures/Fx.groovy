package org.gradus.plot.pictures

import org.gradus.atoms.Ops
import org.gradus.atoms.Sin
import org.gradus.expr.Constant
import org.gradus.expr.Expr
import org.gradus.expr.Variable

/** Expressions for the picture specs, built with the engine's constructors. */
class Fx {
    static Variable x = new Variable('x', 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
    static Variable y = new Variable('y', 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)

    static Expr c(double v) { Constant.of(v) }

    static Expr pow(Expr a, double k) { Ops.pow(a, c(k)) }

    /** x³ − 3x */
    static Expr cubic() { Ops.sub(pow(x, 3), Ops.mul(c(3), x)) }

    /** sin(x) + 0.3x */
    static Expr wave() { Ops.add(Ops.apply(Sin.INSTANCE, x), Ops.mul(c(0.3), x)) }

    /** (1 − x)² + 100(y − x²)² */
    static Expr rosen() { Ops.add(pow(Ops.sub(c(1), x), 2), Ops.mul(c(100), pow(Ops.sub(y, pow(x, 2)), 2))) }

    static PlotOptions opts(Map m) { new PlotOptions(m.collectEntries { k, v -> [(k): v instanceof groovy.lang.IntRange || v instanceof Range ? [v.from, v.to] as double[] : v] }) }
}
