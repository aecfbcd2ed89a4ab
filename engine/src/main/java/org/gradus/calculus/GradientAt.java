package org.gradus.calculus;

import org.gradus.diff.Gradient;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.PointArgs;
import org.gradus.print.Numbers;
import org.gradus.result.Shown;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A gradient's value at a point, with its Euclidean norm (the rate of steepest ascent). */
public final class GradientAt implements Shown {
    private final Layout layout;
    private final double[] point;
    private final double[] value;

    public GradientAt(Layout layout, double[] point, double[] value) {
        this.layout = layout;
        this.point = point.clone();
        this.value = value.clone();
    }

    /**
     * The gradient's value at a point given by variable name (one exact reverse-mode sweep). Names of
     * variables the function does not depend on are ignored; a missing variable is an error naming it.
     */
    public static GradientAt of(Gradient gradient, Map<String, ?> point) {
        Layout layout = gradient.layout();
        double[] x = layout.fromNames(PointArgs.restrict(point, layout), null);
        double[] g = new double[layout.dimension()];
        double f = new CompiledFunction(gradient.function(), layout).valueAndGradient(x, g);
        if (!Double.isFinite(f)) {
            String outside = org.gradus.eval.DomainCheck.at(gradient.function(), layout, x);
            if (outside != null) throw new IllegalArgumentException(outside);
        }
        return new GradientAt(layout, x, g);
    }

    public double[] value() {
        return value.clone();
    }

    public double norm() {
        double s = 0;
        for (double v : value) s += v * v;
        return Math.sqrt(s);
    }

    /** The component for a coordinate name, e.g. {@code g['x']}. */
    public double getAt(String name) {
        int i = layout.coordinateNames().indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no coordinate '" + name + "'; the coordinates are " + layout.coordinateNames());
        return value[i];
    }

    /** The component for a coordinate name read as a property, as a point's: {@code g.x}. */
    public double get(String name) {
        List<String> names = layout.coordinateNames();
        if (names.contains(name)) return getAt(name);
        List<String> known = new java.util.ArrayList<>(names);
        known.addAll(List.of("value", "norm", "size"));
        throw new IllegalArgumentException("a gradient at a point has no property '" + name + "'" + org.gradus.print.Spelling.didYouMean(name, known)
                + "; its coordinates are " + names);
    }

    /** The i-th component, in the order of the layout's coordinates: {@code g[0]}. */
    public double getAt(int i) {
        if (i < 0 || i >= value.length) {
            throw new IllegalArgumentException("no coordinate " + i + "; the gradient has " + value.length + " (0 to "
                    + (value.length - 1) + ": " + layout.coordinateNames() + ")");
        }
        return value[i];
    }

    /** The component for a variable or a vector's element: {@code g[x]}, {@code g[w[2]]}. */
    public double getAt(Expr coordinate) {
        return getAt(coordinate.toString());
    }

    /** How many coordinates. */
    public int size() {
        return value.length;
    }

    @Override
    public String kind() {
        return "gradient";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", layout.toMap(point));
        out.put("value", layout.toMap(value));
        out.put("norm", norm());
        return out;
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder("gradient at ").append(PointArgs.format(layout, point)).append('\n');
        List<String> names = layout.coordinateNames();
        for (int i = 0; i < names.size(); i++) {
            sb.append("  ∂/∂").append(names.get(i)).append(" = ").append(Numbers.round(value[i], 10)).append('\n');
        }
        sb.append("  |∇f| = ").append(Numbers.round(norm(), 10));
        return sb.toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}
