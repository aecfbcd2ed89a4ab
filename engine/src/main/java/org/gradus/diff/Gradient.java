package org.gradus.diff;

import org.gradus.expr.Dependence;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.result.Shown;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The symbolic gradient of f: one exact partial derivative per coordinate. Its value at a point is a
 * point command of the calculus layer ({@code org.gradus.calculus.GradientAt#of}). The gradient of an
 * expression with arrays is shown by variable block, in array form ({@code ∂/∂W = outer(..., x)}).
 * Components are derived on first use, so asking only for the value at a point costs no symbolic work.
 */
public final class Gradient implements Shown {
    private final Expr f;
    private final Layout layout;
    private List<Expr> components;
    private List<Expr> blocks;

    public Gradient(Expr f) {
        this(f, f.layout());
    }

    public Gradient(Expr f, Layout layout) {
        this.f = f;
        this.layout = layout;
    }

    public Expr function() {
        return f;
    }

    public Layout layout() {
        return layout;
    }

    public synchronized List<Expr> components() {
        if (components == null) components = Derivatives.gradient(f, layout);
        return components;
    }

    /** The gradient by variable block ({@link Derivatives#blockGradient}): one array expression per vector or matrix variable. */
    public synchronized List<Expr> blocks() {
        if (blocks == null) blocks = Derivatives.blockGradient(f, layout);
        return blocks;
    }

    /** Whether the gradient is shown by block, in array form. */
    private boolean byBlock() {
        return Dependence.hasArrays(f);
    }

    /** ∂f/∂(coordinate named name), e.g. {@code x} or {@code w[2]}. */
    public Expr component(String name) {
        int i = layout.coordinateNames().indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no coordinate '" + name + "'; the coordinates are " + layout.coordinateNames());
        return components().get(i);
    }

    /** ∂f/∂(the i-th coordinate), in the order of {@link Layout#coordinateNames()}: {@code grad(f)[0]}. */
    public Expr getAt(int i) {
        List<String> names = layout.coordinateNames();
        if (i < 0 || i >= names.size()) {
            throw new IllegalArgumentException("no coordinate " + i + "; the gradient has " + names.size() + " (0 to "
                    + (names.size() - 1) + ": " + names + ")");
        }
        return components().get(i);
    }

    /** ∂f/∂(the coordinate named name): {@code grad(f)['x']}, {@code grad(f)['w[2]']}. */
    public Expr getAt(String name) {
        return component(name);
    }

    /** ∂f/∂x read as a property: {@code grad(f).x}. */
    public Expr get(String name) {
        List<String> names = layout().coordinateNames();
        if (names.contains(name)) return component(name);
        List<String> known = new java.util.ArrayList<>(names);
        known.addAll(List.of("at", "components", "size"));
        throw new IllegalArgumentException("a gradient has no property '" + name + "'" + org.gradus.print.Spelling.didYouMean(name, known)
                + "; its coordinates are " + names);
    }

    /** ∂f/∂v for a variable or a vector's element: {@code grad(f)[x]}, {@code grad(f)[w[2]]}. */
    public Expr getAt(Expr coordinate) {
        return component(coordinate.toString());
    }

    /** How many coordinates the gradient has. */
    public int size() {
        return layout.coordinateNames().size();
    }

    @Override
    public String kind() {
        return "gradient";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> symbolic = new LinkedHashMap<>();
        if (byBlock()) {
            for (int b = 0; b < layout.blocks().size(); b++) symbolic.put(layout.blocks().get(b).name(), blocks().get(b).toString());
        } else {
            List<String> names = layout.coordinateNames();
            for (int i = 0; i < names.size(); i++) symbolic.put(names.get(i), components().get(i).toString());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbolic", symbolic);
        return out;
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder("gradient of ").append(f).append('\n');
        if (byBlock()) {
            for (int b = 0; b < layout.blocks().size(); b++) {
                sb.append("  ∂/∂").append(layout.blocks().get(b).name()).append(" = ").append(blocks().get(b));
                if (b + 1 < layout.blocks().size()) sb.append('\n');
            }
            return sb.toString();
        }
        List<Expr> components = components();
        List<String> names = layout.coordinateNames();
        for (int i = 0; i < names.size(); i++) {
            sb.append("  ∂/∂").append(names.get(i)).append(" = ").append(components.get(i));
            if (i + 1 < names.size()) sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}
