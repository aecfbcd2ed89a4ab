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
     * f at the point (NaN where f is undefined); names of variables f does not depend on are ignored, a
     * variable of f without a value is an error naming it.
     */
    public static double at(Expr f, Map<String, ?> point) {
        Layout layout = f.layout();
        double[] x = layout.fromNames(PointArgs.restrict(point, layout), null);
        return Program.compile(f, layout).value(x);
    }

    /**
     * As {@link #at}, but a point outside f's domain is an error ({@link DomainCheck}: "log(x - 3) at x = 1:
     * log needs a positive argument, got -2"), as a script's {@code f.at(...)} reports it. A value that
     * overflows is ±Infinity.
     *
     * @throws IllegalArgumentException when an atom of f is outside its domain at the point
     */
    public static double inDomain(Expr f, Map<String, ?> point) {
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
