package org.gradus.eval;

import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.PointArgs;

import java.util.Map;

/** One-off evaluation of an expression at a point given by variable name. */
public final class Evaluate {
    private Evaluate() {
    }

    /**
     * f at the point; names of variables f does not depend on are ignored, a variable of f without a
     * value is an error naming it, and so is a point outside f's domain ({@link DomainCheck}: "log(x - 3)
     * at x = 1: log needs a positive argument, got -2"). A value that overflows is ±Infinity.
     */
    public static double at(Expr f, Map<String, ?> point) {
        Layout layout = f.layout();
        double[] x = layout.fromNames(PointArgs.restrict(point, layout), null);
        double v = Program.compile(f, layout).value(x);
        if (!Double.isFinite(v)) {
            String outside = DomainCheck.at(f, layout, x);
            if (outside != null) throw new IllegalArgumentException(outside);
        }
        return v;
    }
}
