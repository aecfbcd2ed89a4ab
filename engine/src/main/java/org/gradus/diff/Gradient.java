package org.gradus.diff;

import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.result.Shown;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The symbolic gradient of f: one exact partial derivative per coordinate. Its value at a point is a
 * point command of the calculus layer ({@code org.gradus.calculus.GradientAt#of}).
 */
public final class Gradient implements Shown {
    private final Expr f;
    private final Layout layout;
    private final List<Expr> components;

    public Gradient(Expr f) {
        this(f, f.layout());
    }

    public Gradient(Expr f, Layout layout) {
        this.f = f;
        this.layout = layout;
        this.components = Derivatives.gradient(f, layout);
    }

    public Expr function() {
        return f;
    }

    public Layout layout() {
        return layout;
    }

    public List<Expr> components() {
        return components;
    }

    /** ∂f/∂(coordinate named name), e.g. {@code x} or {@code w[2]}. */
    public Expr component(String name) {
        int i = layout.coordinateNames().indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no coordinate '" + name + "'; the coordinates are " + layout.coordinateNames());
        return components.get(i);
    }

    @Override
    public String kind() {
        return "gradient";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> symbolic = new LinkedHashMap<>();
        List<String> names = layout.coordinateNames();
        for (int i = 0; i < names.size(); i++) symbolic.put(names.get(i), components.get(i).toString());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbolic", symbolic);
        return out;
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder("gradient of ").append(f).append('\n');
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
