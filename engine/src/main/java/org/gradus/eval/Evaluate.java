package org.gradus.eval;

import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.PointArgs;
import org.gradus.result.ArrayValue;

import java.util.Map;

/** One-off evaluation of an expression at a point given by variable name. */
public final class Evaluate {
    private Evaluate() {
    }

    /**
     * f at the point; names of variables f does not depend on are ignored, a variable of f without a
     * value is an error naming it.
     */
    public static double at(Expr f, Map<String, ?> point) {
        Layout layout = f.layout();
        double[] x = layout.fromNames(PointArgs.restrict(point, layout), null);
        return Program.compile(f, layout).value(x);
    }

    /**
     * The value of f at the point: a number for a scalar expression, an {@link ArrayValue} (kind
     * {@code vector} or {@code matrix}) for an array expression.
     */
    public static Object valueAt(Expr f, Map<String, ?> point) {
        if (!f.isArray()) return at(f, point);
        Layout layout = f.layout();
        double[] x = layout.fromNames(PointArgs.restrict(point, layout), null);
        return new ArrayValue(f.shape(), Program.compile(f, layout).arrayValue(x));
    }

    /** The value of f at a flat point of the layout: a number, or an {@link ArrayValue}. */
    public static Object valueAt(Expr f, Layout layout, double[] x) {
        Program p = Program.compile(f, layout);
        return f.isArray() ? new ArrayValue(f.shape(), p.arrayValue(x)) : (Object) p.value(x);
    }
}
