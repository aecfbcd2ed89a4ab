package org.gradus.diff;

import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.result.Shown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The symbolic Hessian of f. The matrix at a point, with its eigenvalues and definiteness, is a point
 * command of the calculus layer ({@code org.gradus.calculus.HessianAt#of}).
 */
public final class Hessian implements Shown {
    private final Expr f;
    private final Layout layout;
    private final Expr[][] entries;

    public Hessian(Expr f) {
        this.f = f;
        this.layout = f.layout();
        this.entries = Derivatives.hessian(f, layout);
    }

    public Expr[][] entries() {
        return entries;
    }

    public Layout layout() {
        return layout;
    }

    /** The function whose Hessian this is. */
    public Expr function() {
        return f;
    }

    @Override
    public String kind() {
        return "hessian";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("variables", layout.coordinateNames());
        List<List<String>> rows = new ArrayList<>();
        for (Expr[] row : entries) {
            List<String> r = new ArrayList<>();
            for (Expr e : row) r.add(e.toString());
            rows.add(r);
        }
        out.put("symbolic", rows);
        return out;
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder("Hessian of ").append(f).append(" over ").append(layout.coordinateNames()).append('\n');
        for (int i = 0; i < entries.length; i++) {
            List<String> r = new ArrayList<>();
            for (Expr e : entries[i]) r.add(e.toString());
            sb.append("  [").append(String.join(", ", r)).append(']');
            if (i + 1 < entries.length) sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}
